import { Type } from '@sinclair/typebox';
import type { DocumentService } from '../../services/document-service.js';
import { entityOfPath } from '../../services/entity-paths.js';
import type { RouteDef } from '../route.js';
import { filterOf, pageRequest } from '../page-request.js';
import { ErrorBody, Page, PageQuery } from '../schemas/api-schemas.js';
import { IdParam, RecordParams } from '../schemas/path-params.js';
import { DocumentMeta, DocumentQuery } from '../schemas/delivery-schemas.js';

/** A file name for the download: the title in safe characters, then the id. */
function fileName(title: string, id: string): string {
  const safe = title
    .replace(/[^\p{L}\p{N}._ -]+/gu, '')
    .trim()
    .slice(0, 80);
  return `${safe === '' ? 'document' : safe} ${id}.html`;
}

/** The document register and downloads. */
export function documentRoutes(documents: DocumentService): RouteDef[] {
  const tag = 'documents';
  const id = { id: IdParam };
  return [
    {
      method: 'get',
      path: '/api/documents',
      permission: { action: 'read', subject: ':every-record' },
      tag,
      summary:
        'A page of generated documents, oldest first (filters: register, recordId; limit, cursor)',
      query: DocumentQuery,
      responses: { 200: Page(DocumentMeta), 400: ErrorBody },
      handle: async (r) => ({
        body: await documents.list(filterOf(r.query), pageRequest(r.query)),
      }),
    },
    {
      method: 'get',
      path: '/api/documents/:id',
      permission: { action: 'read', subject: ':every-record' },
      tag,
      summary: 'One document (metadata)',
      params: id,
      responses: { 200: DocumentMeta, 404: ErrorBody },
      handle: async (r) => ({ body: await documents.meta(r.params.id ?? '') }),
    },
    {
      method: 'get',
      path: '/api/documents/:id/content',
      permission: { action: 'read', subject: ':every-record' },
      tag,
      summary: 'Download a document (text/html)',
      params: id,
      produces: 'text/html',
      responses: { 200: Type.String(), 404: ErrorBody },
      handle: async (r) => {
        const d = await documents.get(r.params.id ?? '');
        const name = fileName(d.title, d.id);
        return {
          raw: {
            contentType: 'text/html; charset=utf-8',
            headers: {
              'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
            },
            content: d.content,
          },
        };
      },
    },
    {
      method: 'get',
      path: '/api/records/:entity/:id/documents',
      permission: { action: 'read', subject: ':entity' },
      tag,
      summary: "A page of a record's generated documents, oldest first",
      params: RecordParams,
      query: PageQuery,
      responses: { 200: Page(DocumentMeta), 400: ErrorBody, 404: ErrorBody },
      handle: async (r) => ({
        body: await documents.ofRecord(
          entityOfPath(r.params.entity ?? ''),
          r.params.id ?? '',
          pageRequest(r.query),
        ),
      }),
    },
  ];
}
