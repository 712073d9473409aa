import type { AutomationModel } from '../../../schemas/index.js';

/** A draft kept in this browser until the runtime confirms it was saved. */
export interface LocalBackup {
  readonly savedAt: string;
  readonly model: AutomationModel;
}

const key = (modelId: string) => `conveyor.draftBackup.${modelId}`;

/**
 * Keeps the edited model in localStorage, so a crash, a closed tab or an unreachable
 * runtime loses nothing; the next opening offers it back. Storage full or blocked is
 * not an error for the editor: the backup is a second line behind autosave.
 *
 * @example writeBackup(model, new Date());
 */
export function writeBackup(model: AutomationModel, now = new Date()): void {
  try {
    const backup: LocalBackup = { savedAt: now.toISOString(), model };
    localStorage.setItem(key(model.id), JSON.stringify(backup));
  } catch {
    // quota or privacy mode: autosave still runs
  }
}

/** The kept backup of a model, if any and readable. */
export function readBackup(modelId: string): LocalBackup | null {
  try {
    const text = localStorage.getItem(key(modelId));
    if (!text) return null;
    const v = JSON.parse(text) as Partial<LocalBackup>;
    if (typeof v.savedAt !== 'string' || typeof v.model !== 'object' || v.model === null)
      return null;
    return v as LocalBackup;
  } catch {
    return null;
  }
}

/** Forgets the backup (saved on the runtime, restored, or declined). */
export function clearBackup(modelId: string): void {
  try {
    localStorage.removeItem(key(modelId));
  } catch {
    // nothing kept
  }
}

/** Whether a backup holds something other than the model loaded from the runtime. */
export function backupDiffers(backup: LocalBackup, loaded: AutomationModel): boolean {
  return JSON.stringify(backup.model) !== JSON.stringify(loaded);
}
