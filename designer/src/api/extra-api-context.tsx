import { createContext, useContext, type ReactNode } from 'react';
import { createExtraApi, type ExtraApi } from './extra-api.js';

const ExtraApiContext = createContext<ExtraApi | null>(null);
let fallback: ExtraApi | null = null;

/** Provides the versions/gallery/simulation client; stories and tests pass a fake one. */
export function ExtraApiProvider({ client, children }: { client: ExtraApi; children: ReactNode }) {
  return <ExtraApiContext.Provider value={client}>{children}</ExtraApiContext.Provider>;
}

/** The client from context, else the HTTP one on `/api` (the app needs no extra wiring). */
export function useExtraApi(): ExtraApi {
  const client = useContext(ExtraApiContext);
  if (client) return client;
  fallback ??= createExtraApi();
  return fallback;
}
