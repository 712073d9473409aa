import type { Directory, EntityType } from '../../../schemas/index.js';
import type {
  ModelSummary,
  PageOf,
  RecordBody,
  StageTotal,
  VersionDetail,
} from '../../../schemas/api/index.js';
import { httpJson, httpJsonWithEtag } from '../api/http-json.js';
import { pageThrough } from '../api/page-through.js';
import { subscribeLive } from './subscribe-live.js';
import {
  ENTITY_PATH,
  type BoardApi,
  type BoardPipeline,
  type PendingTimer,
  type RecordItem,
} from './board-types.js';

const qs = (q: Readonly<Record<string, string>>): string => {
  const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '')).toString();
  return s === '' ? '' : `?${s}`;
};

/**
 * The board's HTTP client (docs/contracts.md "HTTP API"): paged record lists, stage
 * totals, moves and patches with `If-Match`, a record's items.
 *
 * @example await createBoardApi().publishedPipelines();
 */
export function createBoardApi(base = '/api', fetchImpl?: typeof fetch): BoardApi {
  const call = httpJson(base, fetchImpl);
  const withEtag = httpJsonWithEtag(base, fetchImpl);
  const enc = encodeURIComponent;
  const rec = (entity: EntityType, id: string) => `/records/${ENTITY_PATH[entity]}/${enc(id)}`;
  const etagged = async (
    p: Promise<{ body: RecordBody; etag?: string }>,
  ): Promise<RecordBody & { etag?: string }> => {
    const { body, etag } = await p;
    return etag === undefined ? body : { ...body, etag };
  };
  const ifMatch = (etag: string | undefined) =>
    etag === undefined ? {} : { headers: { 'if-match': etag } };
  return {
    async publishedPipelines() {
      const models = await pageThrough(
        (path) => call<PageOf<ModelSummary>>('GET', path),
        '/models',
      );
      const out: BoardPipeline[] = [];
      for (const m of models) {
        if (m.publishedVersion === undefined) continue;
        const v = await call<VersionDetail>(
          'GET',
          `/models/${enc(m.id)}/versions/${m.publishedVersion}`,
        );
        for (const pipeline of v.model.pipelines)
          out.push({
            modelId: m.id,
            modelName: m.name,
            version: v.version,
            model: v.model,
            pipeline,
          });
      }
      return out;
    },
    directory: () => call<Directory>('GET', '/directory'),
    me: async () => {
      try {
        const me = await call<{ account?: { userId?: string } }>('GET', '/auth/me');
        return me.account?.userId === undefined ? {} : { userId: me.account.userId };
      } catch {
        return null;
      }
    },
    records: (entity, query, cursor) =>
      call(
        'GET',
        `/records/${ENTITY_PATH[entity]}${qs({ ...query, ...(cursor === null ? {} : { cursor }) })}`,
      ),
    stageTotals: async (entity, query, stages) =>
      (
        await call<PageOf<StageTotal>>(
          'GET',
          `/records/${ENTITY_PATH[entity]}/stage-totals${qs({ ...query, stage: stages.join(',') })}`,
        )
      ).items,
    timers: async (modelId, entity) =>
      (
        await call<PageOf<PendingTimer>>(
          'GET',
          `/timers${qs({ model: modelId, entity, status: 'pending', limit: '1000' })}`,
        )
      ).items,
    getRecord: (entity, id) => etagged(withEtag('GET', rec(entity, id))),
    createRecord: (entity, body) => call('POST', `/records/${ENTITY_PATH[entity]}`, body),
    async move(entity, id, stage, fields, etag) {
      let tag = etag;
      // Fields a stage requires go first, with the revision the card was read at.
      if (fields !== undefined && Object.keys(fields).length > 0)
        tag = (await etagged(withEtag('PATCH', rec(entity, id), { fields }, ifMatch(tag)))).etag;
      return etagged(withEtag('POST', `${rec(entity, id)}/move`, { stage }, ifMatch(tag)));
    },
    patch: (entity, id, fields, etag) =>
      etagged(withEtag('PATCH', rec(entity, id), { fields }, ifMatch(etag))),
    recordItems: (entity, id, what) =>
      call<PageOf<RecordItem>>('GET', `${rec(entity, id)}/${what}?limit=100`),
    cancelTimer: async (id) => {
      await call('DELETE', `/timers/${enc(id)}`);
    },
    why: (entity, id, ruleId) => call('GET', `${rec(entity, id)}/why?rule=${enc(ruleId)}`),
    subscribe: (filter, on, state) => subscribeLive(`${base}/events`, filter, on, state),
  };
}
