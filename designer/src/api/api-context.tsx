import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './api-types.js';

const ApiContext = createContext<ApiClient | null>(null);

/** Provides the runtime client; stories and tests pass a fake one. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The runtime client from context. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}
