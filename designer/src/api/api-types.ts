import type { ModelDetail, ModelWithDiagnostics } from '../../../schemas/api/index.js';
import type { AutomationModel, Diagnostic, Directory, RuleSet } from '../../../schemas/index.js';

// Answer types come from the route schemas (schemas/api/), never copied by hand.
export type { ModelSummary } from '../../../schemas/api/index.js';
import type { ModelSummary, PublishResult } from '../../../schemas/api/index.js';

/** A model as `GET /api/models/:id` (or a save, without the times) answers it. */
export type LoadedModel = ModelWithDiagnostics &
  Partial<Pick<ModelDetail, 'updatedAt' | 'publishedVersion'>>;

/** An HTTP failure, as the runtime describes it (`{"error": {...}}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** What the designer needs from the runtime; the HTTP one is `createHttpApiClient`. */
export interface ApiClient {
  listModels(): Promise<ModelSummary[]>;
  getModel(id: string): Promise<LoadedModel>;
  createModel(model: AutomationModel): Promise<LoadedModel>;
  saveModel(model: AutomationModel): Promise<LoadedModel>;
  /** `unchanged`: the draft equals the latest version, so no new version was made. */
  publish(id: string, note?: string): Promise<PublishResult>;
  getRuleSet(id: string): Promise<RuleSet>;
  getDirectory(): Promise<Directory>;
}
