import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityType, Rule } from '../../schemas/index.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { HookTokenDoc } from '../domain/hook-token.js';
import type { RecordDoc } from '../domain/record.js';
import type { Who } from '../domain/who.js';
import type { RuntimeCore } from './runtime-core.js';
import { publishedNames, type PublishedNames } from './published-names.js';

const TRIGGER_PREFIX = 'trigger:';

export interface HookInfo {
  triggerId: string;
  ruleId: string;
  entity: EntityType;
  pipeline: string;
  stage: string;
  path: string;
  createdAt: string;
  /** The names the admin typed (screens show these, the keys above in a tooltip). */
  modelName: string;
  triggerName: string;
  pipelineName: string;
  stageName: string;
}

/** What a hook's row says about its trigger, in the published model's words. */
function hookInfo(names: PublishedNames, rule: Rule, token: HookTokenDoc): HookInfo {
  return {
    triggerId: token.triggerId,
    ruleId: rule.id,
    entity: rule.entity,
    pipeline: rule.pipeline,
    stage: rule.stage,
    path: `/api/hooks/${token.token}`,
    createdAt: token.createdAt,
    modelName: names.model,
    triggerName: names.rule(rule.id),
    pipelineName: names.pipeline(rule.pipeline),
    stageName: names.stage(rule.pipeline, rule.stage),
  };
}

/** 192 random bits, URL-safe. */
function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * Inbound webhooks: every `inbound_webhook` trigger of a published model gets a secret
 * token (an installation secret, not part of the portable model), stable across
 * re-publishes of the same trigger id. A call with the token fires that trigger only.
 */
export class HookService {
  constructor(private readonly core: RuntimeCore) {}

  private hookRules(modelId: string): Rule[] {
    const set = this.core.engine.activeVersion(modelId);
    return (set?.ruleSet.rules ?? []).filter(
      (r) => r.event === 'inbound_webhook' && r.id.startsWith(TRIGGER_PREFIX),
    );
  }

  /** Gives every inbound_webhook trigger of the model's active version a token. */
  async ensureTokens(modelId: string): Promise<HookTokenDoc[]> {
    const rules = this.hookRules(modelId);
    if (rules.length === 0) return [];
    return this.core.change(async (tx) => {
      const out: HookTokenDoc[] = [];
      for (const r of rules) {
        const triggerId = r.id.slice(TRIGGER_PREFIX.length);
        const key = `${modelId}/${triggerId}`;
        let doc = await tx.get('hookTokens', key);
        if (doc === undefined) {
          doc = {
            key,
            modelId,
            triggerId,
            token: newToken(),
            createdAt: this.core.clock.now().toISOString(),
          };
          tx.put('hookTokens', key, doc);
        }
        out.push(doc);
      }
      return out;
    });
  }

  async list(modelId: string): Promise<HookInfo[]> {
    if ((await this.core.store.get('models', modelId)) === undefined)
      throw notFound(`model ${modelId}`);
    const tokens = new Map((await this.ensureTokens(modelId)).map((t) => [t.triggerId, t]));
    const names = await publishedNames(this.core, modelId);
    return this.hookRules(modelId).flatMap((r) => {
      const t = tokens.get(r.id.slice(TRIGGER_PREFIX.length));
      return t === undefined ? [] : [hookInfo(names, r, t)];
    });
  }

  /**
   * Gives one inbound_webhook trigger a new secret: the old address stops working at
   * once (401). Audited without the token. 404 for an unknown model or a trigger its
   * published version lacks.
   */
  async regenerate(modelId: string, triggerId: string, who?: Who): Promise<HookInfo> {
    if ((await this.core.store.get('models', modelId)) === undefined)
      throw notFound(`model ${modelId}`);
    const rule = this.hookRules(modelId).find((r) => r.id === `${TRIGGER_PREFIX}${triggerId}`);
    if (rule === undefined)
      throw notFound(`inbound_webhook trigger ${triggerId} in the published model ${modelId}`);
    const key = `${modelId}/${triggerId}`;
    const doc: HookTokenDoc = {
      key,
      modelId,
      triggerId,
      token: newToken(),
      createdAt: this.core.clock.now().toISOString(),
    };
    await this.core.changeAs(who, async (tx) => {
      tx.put('hookTokens', key, doc);
      this.core.audit(tx, {
        kind: 'hook.regenerated',
        target: key,
        detail: `new secret address for trigger ${triggerId}`,
        detailCode: 'hook_regenerated',
        detailParams: { trigger: triggerId },
      });
    });
    return hookInfo(await publishedNames(this.core, modelId), rule, doc);
  }

  /** The token's trigger, compared in constant time; undefined when none matches. */
  private async find(token: string): Promise<HookTokenDoc | undefined> {
    const wanted = digest(token);
    let found: HookTokenDoc | undefined;
    for (const t of await this.core.store.listAll('hookTokens'))
      if (timingSafeEqual(digest(t.token), wanted)) found = t;
    return found;
  }

  /** Fires the token's trigger for a record; 401 (nothing written) for a wrong token. */
  async fire(
    token: string,
    body: { entity: EntityType; recordId: string; payload?: Record<string, unknown> },
    address?: string,
  ): Promise<{ eventId: string; fired: boolean; record: RecordDoc }> {
    const hook = await this.find(token);
    if (hook === undefined) throw new HttpError(401, 'BAD_TOKEN', 'unknown webhook token');
    // The trigger may come from a version another process published meanwhile.
    await this.core.versions.sync();
    const ruleId = `${TRIGGER_PREFIX}${hook.triggerId}`;
    if (!this.hookRules(hook.modelId).some((r) => r.id === ruleId))
      throw new HttpError(
        410,
        'HOOK_GONE',
        `trigger ${hook.triggerId} is no longer in the published model ${hook.modelId}`,
      );
    const { engine } = this.core;
    // The caller holds the trigger's secret: the trigger acts, as a robot of its model.
    const version = this.core.engine.activeVersion(hook.modelId)?.version ?? 0;
    const who: Who = {
      actor: { kind: 'robot', modelId: hook.modelId, version, ruleId },
      ...(address === undefined || address === '' ? {} : { address }),
    };
    return this.core.changeRecord(
      body.recordId,
      async (tx, run) => {
        const r = await tx.get('records', body.recordId);
        if (r === undefined || r.entity !== body.entity)
          throw new HttpError(
            422,
            'UNKNOWN_RECORD',
            `/recordId: no ${body.entity} ${body.recordId}`,
          );
        if (r.model !== hook.modelId)
          throw new HttpError(
            422,
            'OTHER_MODEL',
            `/recordId: ${r.id} is not in a pipeline of model ${hook.modelId}`,
          );
        const ctx = await run();
        const event = engine.newEvent('inbound_webhook', r.id, {
          payload: body.payload ?? {},
          ruleId,
        });
        // The payload is the sender's and may hold anything: the entry names the call only.
        this.core.audit(tx, {
          kind: 'hook.received',
          entity: r.entity,
          recordId: r.id,
          target: event.id,
        });
        await engine.handle(ctx, event);
        const fired = (await tx.listByRecord('timeline', r.id)).some(
          (e) => e.eventId === event.id && e.ruleId === ruleId && e.outcome === 'fired',
        );
        return { eventId: event.id, fired, record: (await tx.get('records', r.id)) ?? r };
      },
      [],
      who,
    );
  }
}
