import { createContext, useContext, type ReactNode } from 'react';
import { createPublishApi, type PublishApi } from './publish-api.js';

const PublishApiContext = createContext<PublishApi | null>(null);
let fallback: PublishApi | null = null;

/** Provides the publish client; stories and tests pass a fake one. */
export function PublishApiProvider(p: { client: PublishApi; children: ReactNode }) {
  return <PublishApiContext.Provider value={p.client}>{p.children}</PublishApiContext.Provider>;
}

/** The client from context, else the HTTP one on `/api`. */
export function usePublishApi(): PublishApi {
  const client = useContext(PublishApiContext);
  if (client) return client;
  fallback ??= createPublishApi();
  return fallback;
}
