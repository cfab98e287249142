import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError, isUnauthenticated } from "./api-client.ts";

/**
 * The query key of the logged-in user. A 401 anywhere re-checks it: when the cookie session is gone
 * it becomes null and the login page shows. (Re-checking rather than assuming keeps a refused
 * signature password, should the server answer it with 401, from logging the physician out.)
 */
export const meQueryKey = ["auth", "me"] as const;

export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthenticated(error)) void client.invalidateQueries({ queryKey: meQueryKey });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
