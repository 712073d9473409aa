import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../schemas/index.js';
import type { PublishResult } from '../../../schemas/api/index.js';
import { ApiError } from '../api/api-types.js';
import type { ExistingRecords, PublishPreview } from '../api/publish-api.js';
import { usePublishApi } from '../api/publish-api-context.js';

export interface PublishFlowHandlers {
  /** Saves the draft first, so what is previewed is what is published. */
  flush(): Promise<unknown>;
  onNotice(text: string): void;
  /** The runtime refused the draft: its errors. */
  onRefused(errors: Diagnostic[]): void;
}

/**
 * Publishing with its preview: asks the runtime what the new version does to work in
 * progress and, when a version is live and the draft differs, shows that report for the
 * admin to confirm (with the choice for records already in place); a first version, or
 * a draft equal to the live one, is published at once (nothing in flight to report).
 */
export function usePublishFlow(modelId: string, h: PublishFlowHandlers) {
  const api = usePublishApi();
  const { t } = useTranslation();
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.diagnostics.length > 0)
      h.onRefused(e.diagnostics.filter((d) => d.severity === 'error'));
    else h.onNotice(e instanceof Error ? e.message : String(e));
  };
  const noticeOf = (res: PublishResult): string => {
    if (res.unchanged) return t('header.publishUnchanged', { version: res.version });
    const fx = res.effects;
    if (fx !== undefined && fx.planned + fx.cancelled + fx.replanned > 0)
      return t('publishPreview.planned', { version: res.version, ...fx });
    return t('header.publishedVersion', { version: res.version });
  };
  const finish = async (existingRecords: ExistingRecords) => {
    setBusy(true);
    try {
      const res = await api.publish(modelId, { existingRecords });
      setPreview(null);
      h.onNotice(noticeOf(res));
    } catch (e) {
      setPreview(null);
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    try {
      await h.flush();
      const p = await api.previewPublish(modelId);
      if (p.liveVersion === null || p.unchanged) await finish('new_only');
      else setPreview(p);
    } catch (e) {
      fail(e);
    }
  };
  return {
    preview,
    busy,
    start,
    confirm: (choice: ExistingRecords) => void finish(choice),
    cancel: () => setPreview(null),
  };
}
