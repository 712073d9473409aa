import type { ExistingRecords, PublishPreview, PublishResult } from '../../../schemas/api/index.js';
import { httpJson } from './http-json.js';

// Answer types come from the route schemas (schemas/api/), never copied by hand.
export type { ExistingRecords, PublishPreview } from '../../../schemas/api/index.js';

/** Publishing with its preview (kept apart from `ApiClient` so its fakes stay as they are). */
export interface PublishApi {
  /** What publishing the draft would do to work in progress; nothing is published. */
  previewPublish(id: string): Promise<PublishPreview>;
  publish(
    id: string,
    options: { note?: string; existingRecords: ExistingRecords },
  ): Promise<PublishResult>;
}

/**
 * The HTTP implementation (docs/contracts.md, "publish preview").
 *
 * @example await createPublishApi().previewPublish('reaction-time-control');
 */
export function createPublishApi(base = '/api', fetchImpl?: typeof fetch): PublishApi {
  const call = httpJson(base, fetchImpl);
  const enc = encodeURIComponent;
  return {
    previewPublish: (id) => call('POST', `/models/${enc(id)}/publish?dryRun=true`, {}),
    publish: (id, o) =>
      call('POST', `/models/${enc(id)}/publish`, {
        ...(o.note ? { note: o.note } : {}),
        existingRecords: o.existingRecords,
      }),
  };
}
