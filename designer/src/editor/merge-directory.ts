import type { Directory } from '../../../schemas/index.js';

/** Runtime directory entries win over the model's copies of the same key. */
export function mergeDirectory(
  runtime: Directory | undefined,
  model: Directory | undefined,
): Directory {
  const merge = <T extends { key: string }>(a: readonly T[] = [], b: readonly T[] = []): T[] => {
    const map = new Map<string, T>();
    for (const x of b) map.set(x.key, x);
    for (const x of a) map.set(x.key, x);
    return [...map.values()];
  };
  return {
    users: merge(runtime?.users, model?.users),
    departments: merge(runtime?.departments, model?.departments),
    queues: merge(runtime?.queues, model?.queues),
  };
}
