import type { ModelDetail, ModelWithDiagnostics } from '../../../schemas/api/index.js';
import type { AutomationModel, Diagnostic, Directory, RuleSet } from '../../../schemas/index.js';

// Answer types come from the route schemas (schemas/api/), never copied by hand.
export type { ModelSummary } from '../../../schemas/api/index.js';
import type { ModelSummary, PublishResult } from '../../../schemas/api/index.js';

/** A model as `GET /api/models/:id` (or a save, without the times) answers it. */
export type LoadedModel = ModelWithDiagnostics &
  Partial<Pick<ModelDetail, 'updatedAt' | 'updatedBy' | 'publishedVersion'>> & {
    /** The draft's revision (the `ETag` header); a save sends it back as `If-Match`. */
    readonly etag?: string;
  };

/** Options of a draft save. */
export interface SaveOptions {
  /** The revision the edit started from: a draft changed since is refused (412). */
  readonly ifMatch?: string;
  /** Outlives the page (the save on page hide). */
  readonly keepalive?: boolean;
}

/** An HTTP failure, as the runtime describes it (`{"error": {...}}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
    /** More fields of the error (412: `updatedAt`, `updatedBy`, `etag`). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** What the designer needs from the runtime; the HTTP one is `createHttpApiClient`. */
export interface ApiClient {
  listModels(): Promise<ModelSummary[]>;
  getModel(id: string): Promise<LoadedModel>;
  createModel(model: AutomationModel): Promise<LoadedModel>;
  saveModel(model: AutomationModel, options?: SaveOptions): Promise<LoadedModel>;
  /** `unchanged`: the draft equals the latest version, so no new version was made. */
  publish(id: string, note?: string): Promise<PublishResult>;
  getRuleSet(id: string): Promise<RuleSet>;
  getDirectory(): Promise<Directory>;
}
