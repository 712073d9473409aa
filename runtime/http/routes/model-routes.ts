import { Type } from '@sinclair/typebox';
import { Key } from '../../../schemas/index.js';
import type { ModelService } from '../../services/model-service.js';
import type { RouteDef } from '../route.js';
import { pageRequest } from '../page-request.js';
import {
  DraftDiscarded,
  ErrorBody,
  ModelDetail,
  ModelDocument,
  ModelSummary,
  ModelWithDiagnostics,
  Page,
  PageQuery,
  PublishBody,
  PublishResult,
  RollbackBody,
  VersionDetail,
  VersionSummary,
} from '../schemas/api-schemas.js';
import { VersionParam } from '../schemas/path-params.js';
import {
  PublishPreview,
  PublishQuery,
  type ExistingRecords,
} from '../../../schemas/api/publish-preview-schemas.js';

const id = { id: Key };
const tag = 'models';

/** The draft's revision goes out as the `ETag` header, not in the body. */
function withEtag<T extends { etag: string }>(out: T, status?: number) {
  const { etag, ...body } = out;
  return { ...(status === undefined ? {} : { status }), headers: { ETag: etag }, body };
}

/** Drafts, publishing, versions, rollback and the compiled rule set. */
export function modelRoutes(models: ModelService): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/models',
      permission: { action: 'view', subject: 'automation' },
      tag,
      summary: 'A page of models, by id',
      query: PageQuery,
      responses: { 200: Page(ModelSummary), 400: ErrorBody },
      handle: async (r) => ({ body: await models.list(pageRequest(r.query)) }),
    },
    {
      method: 'post',
      path: '/api/models',
      permission: { action: 'editDrafts', subject: 'automation' },
      tag,
      summary: 'Save a new draft (validated and analysed)',
      body: ModelDocument,
      responses: { 201: ModelWithDiagnostics, 409: ErrorBody, 422: ErrorBody },
      handle: async (r) => withEtag(await models.create(r.body, r.actor, r.address), 201),
    },
    {
      method: 'get',
      path: '/api/models/:id',
      permission: { action: 'view', subject: 'automation' },
      tag,
      summary: 'The draft with its diagnostics (ETag: its revision)',
      params: id,
      responses: { 200: ModelDetail, 404: ErrorBody },
      handle: async (r) => withEtag(await models.get(r.params.id ?? '')),
    },
    {
      method: 'put',
      path: '/api/models/:id',
      permission: { action: 'editDrafts', subject: 'automation' },
      tag,
      summary:
        'Update the draft (kept even when it does not match the schema; publishing refuses it)',
      params: id,
      requestHeaders: {
        'If-Match': 'The ETag the draft was loaded with; a draft changed since is refused with 412',
      },
      body: ModelDocument,
      responses: { 200: ModelWithDiagnostics, 404: ErrorBody, 412: ErrorBody, 422: ErrorBody },
      handle: async (r) =>
        withEtag(
          await models.update(r.params.id ?? '', r.body, r.headers['if-match'], r.actor, r.address),
        ),
    },
    {
      method: 'delete',
      path: '/api/models/:id/draft',
      permission: { action: 'editDrafts', subject: 'automation' },
      tag,
      summary: 'Discard the draft (back to the published version)',
      params: id,
      responses: { 200: DraftDiscarded, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) =>
        withEtag(await models.discardDraft(r.params.id ?? '', r.actor, r.address)),
    },
    {
      method: 'get',
      path: '/api/models/:id/ruleset',
      permission: { action: 'view', subject: 'automation' },
      tag,
      summary: 'The compiled draft',
      params: id,
      responses: {
        200: Type.Object({}, { additionalProperties: true }),
        404: ErrorBody,
        422: ErrorBody,
      },
      handle: async (r) => ({ body: await models.ruleSet(r.params.id ?? '') }),
    },
    {
      method: 'post',
      path: '/api/models/:id/publish',
      permission: { action: 'publish', subject: 'automation' },
      tag,
      summary:
        'Publish the draft as a new version (refused with analyzer errors; 200 with unchanged: true and the existing version when the draft is identical to the latest version). Pending timers of removed robots or stages are cancelled, those whose timing changed re-planned; existingRecords "include_existing" also plans new date triggers and delayed robots for records already in place. ?dryRun=true answers that report (PublishPreview) and publishes nothing',
      params: id,
      query: PublishQuery,
      body: PublishBody,
      responses: {
        200: Type.Union([PublishResult, PublishPreview]),
        201: PublishResult,
        404: ErrorBody,
        422: ErrorBody,
      },
      handle: async (r) => {
        if (r.query.dryRun === 'true')
          return { body: await models.previewPublish(r.params.id ?? '') };
        const body = r.body as { note?: string; existingRecords?: ExistingRecords };
        const out = await models.publish(
          r.params.id ?? '',
          body.note,
          r.actor,
          r.address,
          body.existingRecords ?? 'new_only',
        );
        return { status: out.unchanged ? 200 : 201, body: out };
      },
    },
    {
      method: 'get',
      path: '/api/models/:id/versions',
      permission: { action: 'view', subject: 'automation' },
      tag,
      summary: 'Published versions',
      params: id,
      query: PageQuery,
      responses: { 200: Page(VersionSummary), 400: ErrorBody, 404: ErrorBody },
      handle: async (r) => ({
        body: await models.versions(r.params.id ?? '', pageRequest(r.query)),
      }),
    },
    {
      method: 'get',
      path: '/api/models/:id/versions/:n',
      permission: { action: 'view', subject: 'automation' },
      tag,
      summary: 'One published version',
      params: { ...id, n: VersionParam },
      responses: { 200: VersionDetail, 404: ErrorBody },
      handle: async (r) => {
        const v = await models.version(r.params.id ?? '', Number(r.params.n));
        return {
          body: {
            version: v.version,
            note: v.note,
            publishedAt: v.publishedAt,
            publishedBy: v.publishedBy,
            model: v.model,
            ruleSet: v.ruleSet,
          },
        };
      },
    },
    {
      method: 'post',
      path: '/api/models/:id/rollback',
      permission: { action: 'rollBack', subject: 'automation' },
      tag,
      summary:
        'Publish an older version again as a new number (200 with unchanged: true when it is the latest version already)',
      params: id,
      body: RollbackBody,
      responses: { 200: PublishResult, 201: PublishResult, 404: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const out = await models.rollback(
          r.params.id ?? '',
          (r.body as { version: number }).version,
          r.actor,
          r.address,
        );
        return { status: out.unchanged ? 200 : 201, body: out };
      },
    },
  ];
}
