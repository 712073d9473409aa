import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './confirm-dialog.js';
import { UndoToast } from './undo-toast.js';

/** A removal to confirm: what it is, what to do, and what to say once done. */
export interface RemovalRequest {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly run: () => void | Promise<void>;
  /** Said after `run`, with an Undo button calling `undo` (absent: cannot be undone). */
  readonly done?: { readonly message: string; readonly undo: () => void };
}

type Confirm = (request: RemovalRequest) => void;

const ConfirmContext = createContext<Confirm | null>(null);

/**
 * Confirms removals in the page's own dialog and offers Undo afterwards, so no
 * browser `confirm` is needed anywhere.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<RemovalRequest | null>(null);
  const [toast, setToast] = useState<RemovalRequest['done'] | null>(null);
  const confirm = useCallback<Confirm>((r) => {
    setToast(null);
    setRequest(r);
  }, []);
  const value = useMemo(() => confirm, [confirm]);
  return (
    <ConfirmContext.Provider value={value}>
      {children}
      {request && (
        <ConfirmDialog
          title={request.title}
          message={request.message}
          confirmLabel={request.confirmLabel}
          onCancel={() => setRequest(null)}
          onConfirm={() => {
            setRequest(null);
            void Promise.resolve(request.run()).then(() => {
              if (request.done !== undefined) setToast(request.done);
            });
          }}
        />
      )}
      {toast && (
        <UndoToast
          message={toast.message}
          onUndo={() => {
            setToast(null);
            toast.undo();
          }}
          onClose={() => setToast(null)}
        />
      )}
    </ConfirmContext.Provider>
  );
}

/** Asks for a removal in the page's dialog; outside a provider (stories), removes at once. */
export function useConfirm(): Confirm {
  const c = useContext(ConfirmContext);
  return c ?? ((r) => void r.run());
}
