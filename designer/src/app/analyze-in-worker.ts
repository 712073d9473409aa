import type { AutomationModel, Diagnostic, Directory } from '../../../schemas/index.js';
import type { AnalyzeRequest, AnalyzeResponse } from './diagnostics-worker.js';

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, (diagnostics: readonly Diagnostic[]) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./diagnostics-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<AnalyzeResponse>) => {
      waiting.get(e.data.id)?.(e.data.diagnostics);
      waiting.delete(e.data.id);
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** True where a module worker can run the analyzer (browsers; not jsdom). */
export const CAN_ANALYZE_IN_WORKER = typeof Worker !== 'undefined';

/**
 * Runs `analyzeModel` in a worker so a large model's analysis (tens of ms at 1,000
 * robots, see `npm run bench`) never blocks typing or panning. Resolves with the
 * findings; a newer call does not cancel an older one, callers keep the latest.
 */
export function analyzeInWorker(
  model: AutomationModel,
  directory: Directory,
): Promise<readonly Diagnostic[]> {
  const w = getWorker();
  if (!w) return Promise.reject(new Error('no worker'));
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    const request: AnalyzeRequest = { id, model, directory };
    w.postMessage(request);
  });
}
