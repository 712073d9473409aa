import { Type } from '@sinclair/typebox';
import { RecordQuery } from './api-schemas.js';

// The list's filters and order, without its paging (the export pages on its own).
const { limit: _limit, cursor: _cursor, ...filters } = RecordQuery.properties;

/** `GET /api/records/:entity/export`: the list filters of `GET /api/records/:entity`, as CSV. */
export const RecordExportQuery = Type.Object(
  {
    ...filters,
    format: Type.Literal('csv', { description: 'The file format (csv)' }),
  },
  { additionalProperties: false },
);
