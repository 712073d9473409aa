import { StageTotal, StageTotalsQuery } from '../../../schemas/api/live-schemas.js';
import type { Store } from '../../domain/store-port.js';
import { entityOfPath } from '../../services/entity-paths.js';
import { stageTotals } from '../../services/stage-totals.js';
import type { RouteDef } from '../route.js';
import { EntityParam } from '../schemas/path-params.js';
import { ErrorBody, Page, type RecordQuery } from '../schemas/api-schemas.js';
import { recordFilterOf } from './record-routes.js';

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
      handle: async (r) => {
        const q = r.query as StageTotalsQuery;
        const { stage: _s, ...filter } = recordFilterOf(q as RecordQuery);
        const items = await stageTotals(
          store,
          entityOfPath(r.params.entity ?? ''),
          filter,
          q.stage.split(','),
        );
        // Bounded by the stages asked for (at most 100): one page.
        return { body: { items, nextCursor: null } };
      },
    },
  ];
}
