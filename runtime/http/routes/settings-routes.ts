import { Type } from '@sinclair/typebox';
import type { RecycleBinService } from '../../services/recycle-bin-service.js';
import type { RouteDef } from '../route.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { whoOf } from '../who-of.js';

const Retention = Type.Object({
  days: Type.Integer({ minimum: 0 }),
  source: Type.Union([Type.Literal('setting'), Type.Literal('env'), Type.Literal('default')], {
    description:
      'Where the value comes from: the stored setting, RECYCLE_BIN_RETENTION_DAYS, or 30',
  }),
});

/** Server settings kept in the store: the recycle bin's retention. */
export function settingsRoutes(bin: RecycleBinService): RouteDef[] {
  const tag = 'settings';
  const path = '/api/settings/recycle-bin-retention';
  return [
    {
      method: 'get',
      path,
      tag,
      summary: 'Days a deleted record stays in the recycle bin',
      permission: { action: 'view', subject: 'setting' },
      responses: { 200: Retention, 403: ErrorBody },
      handle: async () => ({ body: await bin.retention() }),
    },
    {
      method: 'put',
      path,
      tag,
      summary:
        'Set the recycle bin retention in days (applies to records deleted from now on; audited)',
      permission: { action: 'manage', subject: 'setting' },
      body: Type.Object(
        { days: Type.Integer({ minimum: 0, maximum: 36_500 }) },
        { additionalProperties: false },
      ),
      responses: { 200: Retention, 400: ErrorBody, 403: ErrorBody },
      handle: async (r) => ({
        body: await bin.setRetention((r.body as { days: number }).days, whoOf(r)),
      }),
    },
  ];
}
