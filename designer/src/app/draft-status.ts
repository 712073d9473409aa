import type { AutomationModel } from '../../../schemas/index.js';
import { diffModels } from '../../../schemas/diff/diff-models.js';

export const DRAFT_STATUSES = ['notPublished', 'unpublishedChanges', 'upToDate'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/**
 * Whether a draft would change anything if published: compared with the published
 * version by `diffModels`, so moving nodes or a kept simulation outcome does not count.
 *
 * @example draftStatus(draft, undefined) // 'notPublished'
 */
export function draftStatus(
  draft: AutomationModel,
  published: AutomationModel | undefined,
): DraftStatus {
  if (!published) return 'notPublished';
  return diffModels(published, draft).length > 0 ? 'unpublishedChanges' : 'upToDate';
}
