/** A pipeline as both the model and the rule set hold it: keys, and names beside them. */
export interface NamedPipeline {
  readonly key: string;
  readonly name?: string;
  readonly stages: ReadonlyArray<{ readonly key: string; readonly name?: string }>;
}

/**
 * The name the admin gave a pipeline, else its key (rule sets compiled before
 * names were kept, or a key no pipeline has).
 *
 * @example pipelineDisplayName(ruleSet.pipelines, 'sales') // 'Продажи'
 */
export function pipelineDisplayName(
  pipelines: readonly NamedPipeline[],
  pipeline: string | undefined,
): string {
  if (pipeline === undefined) return '';
  return pipelines.find((p) => p.key === pipeline)?.name ?? pipeline;
}

/**
 * The name the admin gave a stage of a pipeline, else its key.
 *
 * @example stageDisplayName(ruleSet.pipelines, 'sales', 'new') // 'Новая заявка'
 */
export function stageDisplayName(
  pipelines: readonly NamedPipeline[],
  pipeline: string | undefined,
  stage: string | undefined,
): string {
  if (stage === undefined) return '';
  const p = pipelines.find((x) => x.key === pipeline);
  return p?.stages.find((s) => s.key === stage)?.name ?? stage;
}

/** A name quoted for a sentence: `"Новая заявка"`. */
export const quoted = (name: string): string => `"${name}"`;
