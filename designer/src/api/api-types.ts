import type { AutomationModel, Diagnostic, Directory, RuleSet } from '../../../schemas/index.js';

export interface ModelSummary {
  readonly id: string;
  readonly name: string;
  readonly updatedAt?: string;
  readonly publishedVersion?: number;
}

export interface LoadedModel {
  readonly model: AutomationModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly updatedAt?: string;
  /** Who last changed the draft. */
  readonly updatedBy?: string;
  readonly publishedVersion?: number;
  /** The draft's revision (the `ETag` header); a save sends it back as `If-Match`. */
  readonly etag?: string;
}

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
  publish(id: string, note?: string): Promise<{ version: number; diagnostics: Diagnostic[] }>;
  getRuleSet(id: string): Promise<RuleSet>;
  getDirectory(): Promise<Directory>;
}
