import { QueryClient } from "@tanstack/react-query";

// One factory for server prefetch and the browser: data fetched on the
// server stays fresh for a while instead of refetching on hydration.
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: true, retry: 1 },
    },
  });
}
