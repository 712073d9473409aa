import { StageTotal, StageTotalsQuery } from '../../../schemas/api/live-schemas.js';
import type { Store } from '../../domain/store-port.js';
import { entityOfPath } from '../../services/entity-paths.js';
import { stageTotals } from '../../services/stage-totals.js';
import type { RouteDef } from '../route.js';
import { EntityParam } from '../schemas/path-params.js';
import { ErrorBody, Page, type RecordQuery } from '../schemas/api-schemas.js';
import { recordFilterOf, scopedFilter } from './record-routes.js';

/** What the board needs beyond the record list: its columns' totals. */
export function boardRoutes(store: Store): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/records/:entity/stage-totals',
      tag: 'records',
      summary:
        'Per stage: how many records match and the sum of their amounts (the board column headers; same filters as the list)',
      params: { entity: EntityParam },
      query: StageTotalsQuery,
      responses: { 200: Page(StageTotal), 400: ErrorBody, 404: ErrorBody },
      permission: { action: 'read', subject: ':entity' },
      handle: async (r) => {
        const q = r.query as StageTotalsQuery;
        const { stage: _s, ...filter } = recordFilterOf(q as RecordQuery);
        const e = entityOfPath(r.params.entity ?? '');
        if (r.access === undefined) throw new Error('stage totals need the permission check first');
        // Totals over the caller's scope only, as their list would show.
        const scoped = scopedFilter(r.access, 'read', e, filter);
        const items = await stageTotals(store, e, scoped, q.stage.split(','));
        // Bounded by the stages asked for (at most 100): one page.
        return { body: { items, nextCursor: null } };
      },
    },
  ];
}
