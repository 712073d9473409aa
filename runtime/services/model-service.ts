import {
  analyzeModel,
  canonicalize,
  compileModel,
  hasErrors,
  type AutomationModel,
  type Diagnostic,
} from '../../schemas/index.js';
import type { Actor } from '../domain/actor.js';
import type { Who } from '../domain/who.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ModelEntry, ModelVersion } from '../domain/model.js';
import type { Page, PageRequest } from '../domain/page.js';
import { ifMatchHolds } from './if-match-holds.js';
import { actorLabel } from '../identity/authenticated.js';
import type { RuntimeCore } from './runtime-core.js';
import type {
  ExistingRecords,
  PublishEffects,
  PublishPreview,
} from '../../schemas/api/publish-preview-schemas.js';
import { applyPublishPlan } from './apply-publish-plan.js';
import { nameInModel } from './name-in-model.js';
import { planPublish, reportOf, type PublishPlan } from './plan-publish.js';

export const versionKey = (id: string, n: number): string => `${id}@${String(n).padStart(6, '0')}`;

/** Same document whatever the key order. */
const sameDocument = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonicalize(a)) === JSON.stringify(canonicalize(b));

/** What publishing (or rolling back) answers; `unchanged`: no new version was needed. */
export interface PublishOutcome {
  version: number;
  diagnostics: Diagnostic[];
  unchanged: boolean;
  /** What the new version did to pending timers and records in place. */
  effects?: PublishEffects;
}

/** The change's actor and, for a request, its client address. */
const whoOf = (actor: Actor, address: string | undefined): Who => ({
  actor,
  ...(address === undefined || address === '' ? {} : { address }),
});

/** Who changed a draft stored before accounts existed. */
const BY = 'api';

/** The server itself (seeding the examples at first start, tests): changes name it. */
export const SERVER_ACTOR: Actor = { kind: 'system', name: 'server' };

/** The draft's revision as an HTTP entity tag. */
export const draftEtag = (m: Pick<ModelEntry, 'revision'>): string => `"${m.revision ?? 0}"`;

/** Drafts, publishing, versions and rollback. */
export class ModelService {
  constructor(private readonly core: RuntimeCore) {}

  /** Activates every model's published version in the engine (at start). */
  async activateAll(): Promise<void> {
    // Once at start: every model must be read to activate its version (models are few).
    const models: ModelEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<ModelEntry> = await this.core.store.query('models', {}, { cursor });
      models.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    models.sort((a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? ''));
    for (const m of models) {
      if (m.publishedVersion === undefined) continue;
      const v = await this.core.store.get('versions', versionKey(m.id, m.publishedVersion));
      if (v !== undefined) this.core.engine.activate(m.id, v.version, v.ruleSet);
      this.core.versions.saw(m.id, m.publishedVersion);
    }
  }

  /** Schema errors refuse the document (422); other findings come back with it. */
  private async check(
    doc: unknown,
  ): Promise<{ model: AutomationModel; diagnostics: Diagnostic[] }> {
    const diagnostics = analyzeModel(doc, { directory: await this.core.directory() });
    if (diagnostics.some((d) => d.code === 'SCHEMA')) {
      throw new HttpError(422, 'INVALID_MODEL', 'the model does not match the schema', diagnostics);
    }
    return { model: doc as AutomationModel, diagnostics };
  }

  /** A page of model summaries, by id. */
  async list(page: PageRequest = {}) {
    const found = await this.core.store.query('models', {}, page);
    const items = found.items.map((m) => ({
      id: m.id,
      // A draft that does not match the schema may lack a name.
      name: typeof m.draft.name === 'string' ? m.draft.name : m.id,
      updatedAt: m.updatedAt,
      ...(m.publishedVersion === undefined ? {} : { publishedVersion: m.publishedVersion }),
    }));
    return { items, nextCursor: found.nextCursor };
  }

  /** Whether a model with this id exists (drafts included). */
  async exists(id: string): Promise<boolean> {
    return (await this.core.store.get('models', id)) !== undefined;
  }

  private async entry(id: string): Promise<ModelEntry> {
    const m = await this.core.store.get('models', id);
    if (m === undefined) throw notFound(`model ${id}`);
    return m;
  }

  async get(id: string) {
    const m = await this.entry(id);
    return {
      model: m.draft,
      diagnostics: analyzeModel(m.draft, { directory: await this.core.directory() }),
      updatedAt: m.updatedAt,
      updatedBy: m.updatedBy ?? BY,
      ...(m.publishedVersion === undefined ? {} : { publishedVersion: m.publishedVersion }),
      etag: draftEtag(m),
    };
  }

  async create(doc: unknown, by: Actor = SERVER_ACTOR, address?: string) {
    const { model, diagnostics } = await this.check(doc);
    return this.core.changeAs(whoOf(by, address), async (tx) => {
      if ((await tx.get('models', model.id)) !== undefined) {
        throw new HttpError(
          409,
          'CONFLICT',
          `model ${model.id} already exists (PUT /api/models/${model.id} updates it)`,
        );
      }
      const entry: ModelEntry = {
        id: model.id,
        draft: model,
        updatedAt: this.core.clock.now().toISOString(),
        updatedBy: actorLabel(by),
        revision: 1,
      };
      tx.put('models', model.id, entry);
      tx.expectRevision('models', model.id, null);
      this.core.audit(tx, {
        kind: 'model.created',
        target: model.id,
        detail: 'revision 1',
        detailCode: 'revision',
        detailParams: { revision: 1 },
      });
      return { model, diagnostics, etag: draftEtag(entry) };
    });
  }

  /**
   * Saves the draft as sent, even when it does not match the schema (the diagnostics say
   * so; publishing refuses it), so an admin's half-finished edit is never lost. The
   * route bounds size and depth. With `ifMatch` (the `If-Match` header) a draft changed
   * since that revision is refused with 412 naming who changed it and when.
   */
  async update(
    id: string,
    doc: unknown,
    ifMatch?: string,
    by: Actor = SERVER_ACTOR,
    address?: string,
  ) {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
      throw new HttpError(422, 'INVALID_MODEL', '/ the draft must be a JSON object');
    const model = doc as AutomationModel;
    if (model.id !== id)
      throw new HttpError(422, 'ID_MISMATCH', `/id must equal the id in the path (${id})`);
    const diagnostics = analyzeModel(doc, { directory: await this.core.directory() });
    return this.core.changeAs(whoOf(by, address), async (tx) => {
      const cur = await tx.get('models', id);
      if (cur === undefined) throw notFound(`model ${id}`);
      const etag = draftEtag(cur);
      if (ifMatch !== undefined && !ifMatchHolds(ifMatch, etag)) {
        const updatedBy = cur.updatedBy ?? BY;
        throw new HttpError(
          412,
          'DRAFT_CHANGED',
          `the draft of model ${id} was changed by ${updatedBy} at ${cur.updatedAt} ` +
            `(now ${etag}, If-Match was ${ifMatch}): reload it, or send If-Match: ${etag} to overwrite`,
          undefined,
          { updatedAt: cur.updatedAt, updatedBy, etag },
        );
      }
      const next: ModelEntry = {
        ...cur,
        draft: model,
        updatedAt: this.core.clock.now().toISOString(),
        updatedBy: actorLabel(by),
        revision: (cur.revision ?? 0) + 1,
      };
      tx.put('models', id, next);
      // Rides on the store's conditional write too: another process may share the store.
      tx.expectRevision('models', id, cur.revision ?? 0);
      this.core.audit(tx, {
        kind: 'model.draft_saved',
        target: id,
        detail: `revision ${next.revision ?? 0}`,
        detailCode: 'revision',
        detailParams: { revision: next.revision ?? 0 },
      });
      return { model, diagnostics, etag: draftEtag(next) };
    });
  }

  async discardDraft(id: string, by: Actor = SERVER_ACTOR, address?: string) {
    return this.core.changeAs(whoOf(by, address), async (tx) => {
      const cur = await tx.get('models', id);
      if (cur === undefined) throw notFound(`model ${id}`);
      if (cur.publishedVersion === undefined)
        throw new HttpError(
          409,
          'NOT_PUBLISHED',
          `model ${id} has no published version to go back to`,
        );
      const v = await tx.get('versions', versionKey(id, cur.publishedVersion));
      if (v === undefined) throw notFound(`version ${cur.publishedVersion}`);
      const next: ModelEntry = {
        ...cur,
        draft: v.model,
        updatedAt: this.core.clock.now().toISOString(),
        updatedBy: actorLabel(by),
        revision: (cur.revision ?? 0) + 1,
      };
      tx.put('models', id, next);
      tx.expectRevision('models', id, cur.revision ?? 0);
      this.core.audit(tx, {
        kind: 'model.draft_discarded',
        target: id,
        detail: `back to version ${cur.publishedVersion}`,
        detailCode: 'back_to_version',
        detailParams: { version: cur.publishedVersion ?? 0 },
      });
      return { model: v.model, etag: draftEtag(next) };
    });
  }

  async ruleSet(id: string) {
    const m = await this.entry(id);
    await this.check(m.draft);
    return compileModel(m.draft);
  }

  /**
   * Publishes `model` as the next version, unless it is identical to the latest
   * version, which is also the published one: then nothing is written and the answer
   * names that version with `unchanged: true` (a second click on Publish, or a
   * rollback to the version already live, makes no empty version).
   */
  private async publishModel(
    id: string,
    model: AutomationModel,
    note: string | undefined,
    who: Who,
    kind: 'model.published' | 'model.rolled_back',
    existing: ExistingRecords = 'new_only',
  ): Promise<PublishOutcome> {
    const by = actorLabel(who.actor);
    const { diagnostics, ruleSet } = await this.compiled(model);
    return this.core.changeAs(who, async (tx, run) => {
      const cur = await tx.get('models', id);
      if (cur === undefined) throw notFound(`model ${id}`);
      const latest = cur.lastVersion ?? cur.publishedVersion;
      if (latest !== undefined && cur.publishedVersion === latest) {
        const live = await tx.get('versions', versionKey(id, latest));
        if (live !== undefined && sameDocument(live.model, model)) {
          return { version: latest, diagnostics, unchanged: true };
        }
      }
      const version = (latest ?? 0) + 1;
      const doc: ModelVersion = {
        modelId: id,
        version,
        ...(note === undefined ? {} : { note }),
        publishedAt: this.core.clock.now().toISOString(),
        publishedBy: by,
        model,
        ruleSet,
      };
      tx.put('versions', versionKey(id, version), doc);
      // Publishing keeps the draft; a rollback replaces it, which is a change of the draft.
      const replaced = JSON.stringify(cur.draft) !== JSON.stringify(model);
      tx.put('models', id, {
        ...cur,
        draft: model,
        publishedVersion: version,
        lastVersion: version,
        ...(replaced
          ? {
              updatedAt: this.core.clock.now().toISOString(),
              updatedBy: by,
              revision: (cur.revision ?? 0) + 1,
            }
          : {}),
      });
      tx.expectRevision('models', id, cur.revision ?? 0);
      this.core.audit(tx, {
        kind,
        target: id,
        changes: {
          publishedVersion: {
            ...(cur.publishedVersion === undefined ? {} : { before: cur.publishedVersion }),
            after: version,
          },
        },
        ...(note === undefined ? {} : { detail: note }),
      });
      // Planned on what is stored before the new version goes live (inside the lane).
      const wasLive = this.core.engine.activeVersion(id) !== undefined;
      const plan = await this.plan(id, model, ruleSet);
      // Activated inside the lane so the next change already runs under it.
      this.core.engine.activate(id, version, ruleSet);
      const set = this.core.engine.activeVersion(id);
      // A first version has nothing in flight: no effects to report.
      const effects =
        set === undefined || !wasLive
          ? undefined
          : await applyPublishPlan(await run(), set, plan, existing);
      return { version, diagnostics, unchanged: false, ...(effects ? { effects } : {}) };
    });
  }

  /** The draft analysed and compiled; 422 with the analyzer's errors. */
  private async compiled(model: AutomationModel) {
    const diagnostics = analyzeModel(model, { directory: await this.core.directory() });
    if (hasErrors(diagnostics)) {
      throw new HttpError(
        422,
        'ANALYZER_ERRORS',
        'the model has errors and cannot be published',
        diagnostics,
      );
    }
    return { diagnostics, ruleSet: compileModel(model) };
  }

  /** What publishing `ruleSet` over the live version would do to work in progress. */
  private async plan(
    id: string,
    model: AutomationModel,
    ruleSet: ReturnType<typeof compileModel>,
  ): Promise<PublishPlan> {
    const live = this.core.engine.activeVersion(id);
    return planPublish({
      store: this.core.store,
      modelId: id,
      ...(live === undefined ? {} : { live: live.ruleSet }),
      next: ruleSet,
      now: this.core.clock.now().toISOString(),
      directory: await this.core.directory(),
      nameOf: (rule) => nameInModel(model, rule.source.kind, rule.source.id),
    });
  }

  /**
   * What publishing the draft would do (`POST /api/models/:id/publish?dryRun=true`):
   * pending timers cancelled, re-planned or kept; records in stages that change or go;
   * new date triggers and delayed robots and the records in place they would apply to.
   * Refused like publishing (422 with analyzer errors); nothing is written.
   */
  async previewPublish(id: string): Promise<PublishPreview> {
    const m = await this.entry(id);
    const model = m.draft;
    const { diagnostics, ruleSet } = await this.compiled(model);
    const liveVersion = m.publishedVersion ?? null;
    const live =
      liveVersion === null
        ? undefined
        : await this.core.store.get('versions', versionKey(id, liveVersion));
    const unchanged = live !== undefined && sameDocument(live.model, model);
    const plan = unchanged
      ? { cancel: [], replan: [], kept: 0, stages: [], newRules: [], fresh: [] }
      : await this.plan(id, model, ruleSet);
    return { modelId: id, liveVersion, unchanged, diagnostics, ...reportOf(plan) };
  }

  async publish(
    id: string,
    note?: string,
    by: Actor = SERVER_ACTOR,
    address?: string,
    existing: ExistingRecords = 'new_only',
  ) {
    const m = await this.entry(id);
    return this.publishModel(id, m.draft, note, whoOf(by, address), 'model.published', existing);
  }

  async rollback(id: string, target: number, by: Actor = SERVER_ACTOR, address?: string) {
    const v = await this.version(id, target);
    return this.publishModel(
      id,
      v.model,
      `rollback to version ${target}`,
      whoOf(by, address),
      'model.rolled_back',
    );
  }

  /** A page of the model's versions, oldest first. */
  async versions(id: string, page: PageRequest = {}) {
    await this.entry(id);
    const found = await this.core.store.query('versions', { modelId: id }, page);
    const items = found.items.map((v) => ({
      version: v.version,
      note: v.note ?? null,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy,
    }));
    return { items, nextCursor: found.nextCursor };
  }

  async version(id: string, n: number): Promise<ModelVersion> {
    const v = await this.core.store.get('versions', versionKey(id, n));
    if (v === undefined) throw notFound(`model ${id} version ${n}`);
    return v;
  }
}
