import type { EntityType } from '../../schemas/index.js';

/** A CRM record (lead, deal, contact, company). */
export interface RecordDoc {
  id: string;
  entity: EntityType;
  /** The model whose pipeline the record sits in (pipeline keys may repeat across models). */
  model?: string;
  pipeline?: string;
  stage?: string;
  fields: Record<string, unknown>;
  links: Array<{ entity: EntityType; id: string }>;
  createdAt: string;
  updatedAt: string;
  stageEnteredAt?: string;
  /**
   * Bumped by the store on every committed change (the value a writer puts is ignored);
   * the HTTP `ETag`. Absent in data written before revisions existed: reads as 0.
   */
  revision?: number;
}

/** A record's revision, 0 for documents stored before revisions existed. */
export const revisionOf = (doc: { revision?: number } | undefined): number => doc?.revision ?? 0;
