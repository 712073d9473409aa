import { stringify } from 'csv-stringify/sync';
import type { EntityType } from '../../schemas/index.js';
import { actorIdOf } from '../domain/actor-id.js';
import type { CollectionFilters } from '../domain/collection-filters.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { AuditEntry } from '../domain/security-types.js';
import type { Who } from '../domain/who.js';
import { actorLabel } from '../identity/authenticated.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import { safeCsvCell } from './csv-cell.js';

/** The filters of `GET /api/audit` (times already checked as ISO 8601). */
export interface AuditFilter {
  actor?: string;
  entity?: EntityType;
  record?: string;
  kind?: string;
  from?: string;
  to?: string;
}

/** Rows one export holds at most: past it the file says so in its last row. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const EXPORT_PAGE = 1000;

const storeFilter = (f: AuditFilter): CollectionFilters['audit'] => ({
  ...(f.actor === undefined ? {} : { actor: f.actor }),
  ...(f.entity === undefined ? {} : { entity: f.entity }),
  ...(f.record === undefined ? {} : { recordId: f.record }),
  ...(f.kind === undefined ? {} : { kind: f.kind }),
  ...(f.from === undefined ? {} : { since: f.from }),
  ...(f.to === undefined ? {} : { until: f.to }),
});

const COLUMNS = [
  'at',
  'kind',
  'outcome',
  'actorKind',
  'actorId',
  'actor',
  'address',
  'entity',
  'recordId',
  'target',
  'changes',
  'detail',
] as const;

function row(e: AuditEntry): string[] {
  return [
    e.at,
    e.kind,
    e.outcome,
    e.actor.kind,
    actorIdOf(e.actor),
    actorLabel(e.actor),
    e.address ?? '',
    e.entity ?? '',
    e.recordId ?? '',
    e.target ?? '',
    e.changes === undefined ? '' : JSON.stringify(e.changes),
    e.detail ?? '',
  ].map(safeCsvCell);
}

/** Reading the audit log (newest first) and exporting it as CSV (itself audited). */
export class AuditService {
  constructor(private readonly core: RuntimeCore) {}

  query(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>> {
    return this.core.store.query('audit', storeFilter(filter), { ...page, order: 'desc' });
  }

  /** The matching entries as CSV, newest first; the export is an audit entry of its own. */
  async exportCsv(filter: AuditFilter, who?: Who): Promise<string> {
    const rows: string[][] = [];
    let cursor: string | null = null;
    let truncated = false;
    do {
      const page: Page<AuditEntry> = await this.query(filter, { limit: EXPORT_PAGE, cursor });
      for (const e of page.items) rows.push(row(e));
      cursor = page.nextCursor;
      if (rows.length >= AUDIT_EXPORT_MAX_ROWS && cursor !== null) {
        truncated = true;
        break;
      }
    } while (cursor !== null);
    await this.core.changeAs(who, async (tx) => {
      this.core.audit(tx, {
        kind: 'audit.exported',
        detail: `${rows.length} entries${truncated ? ' (truncated)' : ''}; filter ${JSON.stringify(filter)}`,
        detailCode: truncated ? 'audit_exported_truncated' : 'audit_exported',
        detailParams: { count: rows.length, filter: JSON.stringify(filter) },
      });
    });
    const body = stringify(rows, { header: true, columns: [...COLUMNS], eof: true });
    return truncated
      ? `${body}${safeCsvCell(`# truncated at ${AUDIT_EXPORT_MAX_ROWS} rows: narrow the filter (from/to)`)}\n`
      : body;
  }
}
