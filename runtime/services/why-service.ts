import type { EntityType } from '../../schemas/index.js';
import { nameInModel } from './name-in-model.js';
import type { WhyAnswer } from '../../schemas/api/why-schemas.js';
import { explainRule } from '../engine/why/explain-rule.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { Page } from '../domain/page.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { TimerDoc } from '../domain/timer.js';
import { readAllPages } from '../domain/read-all-pages.js';
import { versionKey } from './model-service.js';
import type { RuntimeCore } from './runtime-core.js';

/** The most of a record's timeline read to answer (its newest entries). */
const TIMELINE_LIMIT = 5000;
const PAGE = 1000;

/** "Why didn't it run?" for one robot or trigger of a record's current model version. */
export class WhyService {
  constructor(private readonly core: RuntimeCore) {}

  /** The record's newest timeline entries (since `since` when given), oldest first. */
  private async timeline(recordId: string, since?: string): Promise<TimelineEntry[]> {
    const out: TimelineEntry[] = [];
    let cursor: string | null = null;
    const filter = { recordId, ...(since === undefined ? {} : { since }) };
    do {
      const page: Page<TimelineEntry> = await this.core.store.query('timeline', filter, {
        limit: PAGE,
        cursor,
        order: 'desc',
      });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && out.length < TIMELINE_LIMIT);
    return out.reverse();
  }

  async why(entity: EntityType, id: string, ruleId: string): Promise<WhyAnswer> {
    const record = await this.core.store.get('records', id);
    if (record === undefined || record.entity !== entity) throw notFound(`${entity} ${id}`);
    const set =
      record.model === undefined ? undefined : this.core.engine.activeVersion(record.model);
    if (set === undefined)
      throw new HttpError(
        422,
        'NO_MODEL',
        `${entity} ${id} is in no published model: none of its rules can run`,
      );
    const prepared = set.byId.get(ruleId);
    if (prepared === undefined)
      throw new HttpError(
        404,
        'UNKNOWN_RULE',
        `?rule: ${ruleId} is not a robot or trigger of model ${set.modelId} version ${set.version} (ids look like robot:<id> or trigger:<id>)`,
      );
    const rule = prepared.rule;
    const here =
      rule.source.kind === 'robot' &&
      record.pipeline === rule.pipeline &&
      record.stage === rule.stage;
    const [timeline, timers, version] = await Promise.all([
      this.timeline(id, here ? record.stageEnteredAt : undefined),
      readAllPages(this.core.store, 'timers', { recordId: id }) as Promise<TimerDoc[]>,
      this.core.store.get('versions', versionKey(set.modelId, set.version)),
    ]);
    return explainRule({
      record,
      timeline,
      timers,
      ruleSet: set.ruleSet,
      version: set.version,
      rule,
      ruleName: nameInModel(version?.model, rule.source.kind, rule.source.id),
    });
  }
}
