import { createContext, useContext, type ReactNode } from 'react';
import { createOutsideApi, type OutsideApi } from './outside-api.js';

const OutsideApiContext = createContext<OutsideApi | null>(null);
let fallback: OutsideApi | null = null;

/** Provides the outside-world client; stories and tests pass a fake one. */
export function OutsideApiProvider(p: { client: OutsideApi; children: ReactNode }) {
  return <OutsideApiContext.Provider value={p.client}>{p.children}</OutsideApiContext.Provider>;
}

/** The client from context, else the HTTP one on `/api`. */
export function useOutsideApi(): OutsideApi {
  const client = useContext(OutsideApiContext);
  if (client) return client;
  fallback ??= createOutsideApi();
  return fallback;
}
