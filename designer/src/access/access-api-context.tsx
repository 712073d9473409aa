import { createContext, useContext, type ReactNode } from 'react';
import { createAccessApi, type AccessApi } from './access-api.js';

const AccessApiContext = createContext<AccessApi | null>(null);
let fallback: AccessApi | null = null;

/** Provides the sign-in and access client; stories and tests pass a fake one. */
export function AccessApiProvider({
  client,
  children,
}: {
  client: AccessApi;
  children: ReactNode;
}) {
  return <AccessApiContext.Provider value={client}>{children}</AccessApiContext.Provider>;
}

/** The client from context, else the HTTP one on `/api`. */
export function useAccessApi(): AccessApi {
  const client = useContext(AccessApiContext);
  if (client) return client;
  fallback ??= createAccessApi();
  return fallback;
}
