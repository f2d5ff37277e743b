import type { QueryKey } from "@tanstack/react-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { ApiError, api } from "@/lib/api-client";
import type { Resolution, Status } from "@/lib/domain/workflow";
import { STATUS_LABELS } from "@/lib/domain/workflow";
import type { BoardDto, ReportSummaryDto } from "@/lib/schemas/reports";

import { findCard, placeCard } from "./board-cache";

export type Move = {
  key: string;
  to: Status;
  version: number;
  resolution?: Resolution;
  duplicateOf?: string;
  thirdParty?: { name: string; contact?: string };
};

export type BoardNotice = { text: string; tone: "error" | "info" };

/** Moves a card optimistically; rolls back (and reloads the card after a conflict) when the server refuses. */
export function useMoveCard(key: QueryKey, setNotice: (notice: BoardNotice) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (m: Move) =>
      api<ReportSummaryDto>(`/api/v1/reports/${m.key}`, {
        method: "PATCH",
        json: {
          version: m.version,
          status: m.to,
          resolution: m.resolution,
          duplicateOf: m.duplicateOf,
          thirdParty: m.thirdParty,
        },
      }),
    onMutate: async (m) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<BoardDto>(key);
      const card = findCard(previous, m.key);
      if (previous && card)
        queryClient.setQueryData<BoardDto>(key, placeCard(previous, m.key, { ...card, status: m.to }));
      return { previous };
    },
    onError: async (error, m, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      setNotice({ text: error instanceof ApiError ? error.message : "The move failed. Try again.", tone: "error" });
      if (error instanceof ApiError && error.status === 409) {
        const fresh = await api<ReportSummaryDto>(`/api/v1/reports/${m.key}/card`).catch(() => null);
        if (fresh) queryClient.setQueryData<BoardDto>(key, (old) => (old ? placeCard(old, fresh.key, fresh) : old));
      }
    },
    onSuccess: (card) => {
      queryClient.setQueryData<BoardDto>(key, (old) => (old ? placeCard(old, card.key, card) : old));
      setNotice({ text: `${card.key} moved to ${STATUS_LABELS[card.status]}.`, tone: "info" });
    },
  });
}
