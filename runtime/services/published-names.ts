import type { AutomationModel } from '../../schemas/index.js';
import { versionKey } from './model-service.js';
import type { RuntimeCore } from './runtime-core.js';
import { nameInModel } from './name-in-model.js';

/** The names the admin typed in a published model, looked up by key (each falls back to the key). */
export interface PublishedNames {
  model: string;
  pipeline(key: string): string;
  stage(pipeline: string, key: string): string;
  /** `robot:<id>` / `trigger:<id>` → the robot's or trigger's name. */
  rule(ruleId: string): string;
}

/**
 * Names from a model document; screens show them instead of keys.
 *
 * @example namesIn(model).stage('sales', 'won') // 'Won'
 */
export function namesIn(model: AutomationModel | undefined, modelId: string): PublishedNames {
  const pipelines = model?.pipelines ?? [];
  const pipe = (key: string) => pipelines.find((p) => p.key === key);
  return {
    model: model?.name ?? modelId,
    pipeline: (key) => pipe(key)?.name ?? key,
    stage: (p, key) => pipe(p)?.stages.find((s) => s.key === key)?.name ?? key,
    rule: (ruleId) => {
      const at = ruleId.indexOf(':');
      return at < 0 ? ruleId : nameInModel(model, ruleId.slice(0, at), ruleId.slice(at + 1));
    },
  };
}

/**
 * The names of a model's live (published) version; a model never published, or one
 * deleted since, gives its keys back.
 */
export async function publishedNames(core: RuntimeCore, modelId: string): Promise<PublishedNames> {
  const set = core.engine.activeVersion(modelId);
  const version =
    set === undefined
      ? undefined
      : await core.store.get('versions', versionKey(set.modelId, set.version));
  return namesIn(version?.model, modelId);
}
