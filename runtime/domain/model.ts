import type { AutomationModel, RuleSet } from '../../schemas/index.js';

/** A model's draft and publication state (the `models` collection). */
export interface ModelEntry {
  id: string;
  /** May not match the model schema: drafts are kept as typed, publishing checks them. */
  draft: AutomationModel;
  updatedAt: string;
  /** Who last changed the draft ("api" until accounts exist). */
  updatedBy?: string;
  /**
   * Bumped by the model service on every change of the draft (conditional puts check it);
   * the HTTP `ETag`. Absent in older data: 0.
   */
  revision?: number;
  publishedVersion?: number;
  /** The highest version number ever used (rollback publishes as a new number). */
  lastVersion?: number;
}

/** One published version of a model, with its compiled rule set (`versions`, keyed `<id>@<000001>`). */
export interface ModelVersion {
  modelId: string;
  version: number;
  note?: string;
  publishedAt: string;
  publishedBy: string;
  model: AutomationModel;
  ruleSet: RuleSet;
}
