import {
  AuditEntryView,
  AuditExportQuery,
  AuditQuery,
} from '../../../schemas/api/audit-schemas.js';
import type { AuditFilter, AuditService } from '../../audit/audit-service.js';
import { HttpError } from '../http-error.js';
import { pageRequest } from '../page-request.js';
import type { RouteDef, RouteRequest } from '../route.js';
import { ErrorBody, Page } from '../schemas/api-schemas.js';
import { whoOf } from '../who-of.js';

/** A query time as the store compares it (`toISOString`); 400 naming the parameter otherwise. */
function instant(q: Record<string, unknown>, name: 'from' | 'to'): string | undefined {
  const v = q[name];
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t))
    throw new HttpError(400, 'INVALID_QUERY', `query /${name}: ${v} is not a date`, undefined, {
      path: `/${name}`,
    });
  return new Date(t).toISOString();
}

function filterOf(r: RouteRequest): AuditFilter {
  const q = r.query;
  const str = (k: string) => (typeof q[k] === 'string' ? { [k]: q[k] } : {});
  const from = instant(q, 'from');
  const to = instant(q, 'to');
  return {
    ...str('actor'),
    ...str('entity'),
    ...str('record'),
    ...str('kind'),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  } as AuditFilter;
}

/** The audit log: filtered pages (newest first) and a CSV export. */
export function auditRoutes(audit: AuditService): RouteDef[] {
  const tag = 'audit';
  return [
    {
      method: 'get',
      path: '/api/audit',
      tag,
      summary:
        'A page of the audit log, newest first (filters: actor, entity, record, kind, from, to)',
      query: AuditQuery,
      responses: { 200: Page(AuditEntryView), 400: ErrorBody, 403: ErrorBody },
      permission: { action: 'view', subject: 'audit' },
      handle: async (r) => {
        return { body: await audit.query(filterOf(r), pageRequest(r.query)) };
      },
    },
    {
      method: 'get',
      path: '/api/audit/export',
      tag,
      summary: 'The audit log as CSV (the same filters; the export is audited)',
      query: AuditExportQuery,
      produces: 'text/csv',
      responses: { 200: undefined, 400: ErrorBody, 403: ErrorBody },
      permission: { action: 'export', subject: 'audit' },
      handle: async (r) => {
        const csv = await audit.exportCsv(filterOf(r), whoOf(r));
        return {
          raw: {
            contentType: 'text/csv; charset=utf-8',
            headers: { 'content-disposition': 'attachment; filename="audit.csv"' },
            content: csv,
          },
        };
      },
    },
  ];
}
