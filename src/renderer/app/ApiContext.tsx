/** Gives every view the one API client. */
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() outside <ApiProvider>');
  return client;
}

/** The client where there is one (the app), null where a component is drawn on its own (unit tests). */
export function useOptionalApi(): ApiClient | null {
  return useContext(ApiContext);
}

/**
 * Where a picture loads from, for components drawn both inside the app and
 * without it (tests, a preview rendered on its own): null there, and the slide
 * then shows the alt text in the picture's place.
 */
export function usePictureUrl(asset: string | undefined): string | null {
  const client = useContext(ApiContext);
  return asset && client ? client.pictureUrl(asset) : null;
}
