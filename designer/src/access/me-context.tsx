import { createContext, useContext } from 'react';
import type { MeAnswer, RolePermissions } from './access-types.js';

/** The signed-in caller, as the app shell knows it. */
export interface MeState {
  readonly me: MeAnswer;
  /** The matrix of `me.permissions`, or `null` while the runtime sends only the role. */
  readonly matrix: RolePermissions | null;
  signOut(): Promise<void>;
}

/** Absent outside the signed-in app (stories of single components): nothing is hidden. */
export const MeContext = createContext<MeState | null>(null);

/** The signed-in caller, or `null` when none is known (a story, a test). */
export function useMe(): MeState | null {
  return useContext(MeContext);
}

/** The caller's matrix, or `null` (derive nothing, hide nothing). */
export function useMatrix(): RolePermissions | null {
  return useContext(MeContext)?.matrix ?? null;
}
