import { createContext, useContext, type ReactNode } from 'react';
import type { BoardApi } from './board-types.js';
import { createBoardApi } from './http-board-api.js';

const BoardApiContext = createContext<BoardApi | null>(null);
let fallback: BoardApi | null = null;

/** Provides the board's client; stories pass a fake one. */
export function BoardApiProvider({ client, children }: { client: BoardApi; children: ReactNode }) {
  return <BoardApiContext.Provider value={client}>{children}</BoardApiContext.Provider>;
}

/** The client from context, else the HTTP one on `/api`. */
export function useBoardApi(): BoardApi {
  const client = useContext(BoardApiContext);
  if (client) return client;
  fallback ??= createBoardApi();
  return fallback;
}
