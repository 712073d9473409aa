import {
  analyzeModel,
  type AutomationModel,
  type Diagnostic,
  type Directory,
} from '../../../schemas/index.js';

export interface AnalyzeRequest {
  readonly id: number;
  readonly model: AutomationModel;
  readonly directory: Directory;
}
export interface AnalyzeResponse {
  readonly id: number;
  readonly diagnostics: readonly Diagnostic[];
}

// The worker global is not in the DOM lib this project compiles with.
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<AnalyzeRequest>) => void) | null;
  postMessage(message: AnalyzeResponse): void;
};

// Only when loaded as a worker: the module is also imported for its types.
if (typeof window === 'undefined')
  scope.onmessage = (e) => {
    const { id, model, directory } = e.data;
    scope.postMessage({ id, diagnostics: analyzeModel(model, { directory }) });
  };
