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
  readonly publishedVersion?: number;
}

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
  publish(
    id: string,
    note?: string,
  ): Promise<{ version: number; diagnostics: Diagnostic[]; unchanged?: boolean }>;
  getRuleSet(id: string): Promise<RuleSet>;
  getDirectory(): Promise<Directory>;
}
