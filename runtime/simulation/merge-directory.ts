import type { Department, Queue, User } from '../../schemas/index.js';
import type { DirectoryEntries } from '../domain/directory.js';

type Layer = { users?: User[]; departments?: Department[]; queues?: Queue[] } | undefined;

function mergeByKey<T extends { key: string }>(lists: Array<T[] | undefined>): T[] {
  const out = new Map<string, T>();
  for (const list of lists) for (const item of list ?? []) out.set(item.key, item);
  return [...out.values()];
}

/**
 * Directory layers merged by key, later layers winning: the runtime's directory, then
 * the model's own, then the scenario's.
 */
export function mergeDirectory(...layers: Layer[]): DirectoryEntries {
  return {
    users: mergeByKey(layers.map((l) => l?.users)),
    departments: mergeByKey(layers.map((l) => l?.departments)),
    queues: mergeByKey(layers.map((l) => l?.queues)),
  };
}
