/** One QueryClient for the app. A 401 from any request means the session is gone (expired, logged out
 *  elsewhere, user disabled): the registered handler sends the user to the login page. */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

type Handler = (message: string) => void;
let onUnauthorized: Handler | null = null;

export function setUnauthorizedHandler(handler: Handler | null) {
  onUnauthorized = handler;
}

function handle(err: unknown) {
  if (isApiError(err) && err.status === 401 && err.code !== 'auth.invalid_credentials')
    onUnauthorized?.(err.message);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handle }),
  mutationCache: new MutationCache({ onError: handle }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      retry: (count, err) => !(isApiError(err) && err.status > 0 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
