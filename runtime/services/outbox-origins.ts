import type { OutboxDoc } from '../domain/outbox.js';
import { publishedNames, type PublishedNames } from './published-names.js';
import { recordsOf, titleOf } from './record-titles.js';
import type { RuntimeCore } from './runtime-core.js';

/** Who produced an outgoing item, in the admin's words (absent when unknown). */
export interface OutboxOrigin {
  modelId?: string;
  modelName?: string;
  ruleName?: string;
  recordTitle?: string;
}

/**
 * Adds to each item its record's model and title and the robot's name in that model's
 * published version, so the outside-world screen shows names instead of ids. Each
 * record and model is read once per call (a page holds at most a few hundred items).
 */
export async function withOrigins(
  core: RuntimeCore,
  items: readonly OutboxDoc[],
): Promise<Array<OutboxDoc & OutboxOrigin>> {
  const records = await recordsOf(
    core,
    items.map((i) => i.recordId),
  );
  const names = new Map<string, Promise<PublishedNames>>();
  const namesOf = (modelId: string) => {
    let found = names.get(modelId);
    if (found === undefined) names.set(modelId, (found = publishedNames(core, modelId)));
    return found;
  };
  return Promise.all(
    items.map(async (item) => {
      const record = records.get(item.recordId);
      const title = titleOf(record);
      const origin: OutboxOrigin = title === undefined ? {} : { recordTitle: title };
      if (record?.model === undefined) return { ...item, ...origin };
      const model = await namesOf(record.model);
      return {
        ...item,
        ...origin,
        modelId: record.model,
        modelName: model.model,
        ...(item.ruleId === undefined ? {} : { ruleName: model.rule(item.ruleId) }),
      };
    }),
  );
}
