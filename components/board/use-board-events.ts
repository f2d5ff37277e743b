import type { QueryKey } from "@tanstack/react-query";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { api } from "@/lib/api-client";
import type { BoardFilters } from "@/lib/board-filters";
import type { BoardDto, ReportSummaryDto } from "@/lib/schemas/reports";

import { findCard, placeCard } from "./board-cache";

/** Live updates: patch the changed card into the cache, or refetch a filtered board. */
export function useBoardEvents(key: QueryKey, filters: BoardFilters) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/v1/events");
    // after a dropped stream (the browser reconnects by itself) or a server that lost its own feed,
    // changes may have been missed: read the board again
    let opened = false;
    const resync = () => void queryClient.invalidateQueries({ queryKey: key });
    source.addEventListener("open", () => {
      if (opened) resync();
      opened = true;
    });
    // every open board hears a server's resync at once: spread the reads over two seconds
    source.addEventListener("resync", () => setTimeout(resync, Math.random() * 2000));
    source.addEventListener("report", (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as { key: string };
      if (Object.keys(filters).length) {
        void queryClient.invalidateQueries({ queryKey: key });
        return;
      }
      void api<ReportSummaryDto>(`/api/v1/reports/${change.key}/card`)
        .then((card) => {
          queryClient.setQueryData<BoardDto>(key, (old) => {
            if (!old) return old;
            const current = findCard(old, card.key);
            if (current && current.version > card.version) return old;
            return placeCard(old, card.key, card);
          });
        })
        .catch(() => {});
    });
    return () => source.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(filters)]);
}
