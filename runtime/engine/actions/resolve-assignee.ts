import type { AssignTarget, SimpleAssignTarget } from '../../../schemas/index.js';
import type { ActionInput } from '../action-host.js';
import { truthy } from '../condition-adapter.js';
import { conditionData } from '../run-context.js';

export interface Resolved {
  user?: string;
  via: string;
}

async function simple(
  input: ActionInput,
  target: SimpleAssignTarget,
  skipUnavailable: boolean,
): Promise<Resolved> {
  const { dir, ctx } = input;
  const ok = (key: string): boolean => !skipUnavailable || dir.available(dir.user(key));
  switch (target.kind) {
    case 'user':
      return ok(target.user)
        ? { user: target.user, via: `user ${target.user}` }
        : { via: `user ${target.user} is unavailable` };
    case 'queue': {
      const queue = dir.queue(target.queue);
      if (queue === undefined) return { via: `queue ${target.queue} not found` };
      const key = `${input.set.modelId}/${queue.key}`;
      const stored = await ctx.tx.get('queuePositions', key);
      const start = stored?.position ?? 0;
      const n = queue.users.length;
      for (let i = 0; i < n; i++) {
        const idx = (start + i) % n;
        const user = queue.users[idx];
        if (user !== undefined && ok(user)) {
          ctx.tx.put('queuePositions', key, { key, position: (idx + 1) % n });
          return { user, via: `queue ${queue.key} position ${idx}` };
        }
      }
      return { via: `queue ${queue.key} has nobody available` };
    }
    case 'random': {
      const pool =
        target.users ?? (target.department ? dir.members(target.department).map((u) => u.key) : []);
      const candidates = pool.filter(ok);
      const user = candidates[Math.floor(ctx.random.next() * candidates.length)];
      return user === undefined ? { via: 'random: nobody available' } : { user, via: 'random' };
    }
  }
}

/** Picks the user an assign target names (rules table: first matching row, else otherwise). */
export async function resolveAssignee(
  input: ActionInput,
  target: AssignTarget,
  skipUnavailable: boolean,
): Promise<Resolved> {
  if (target.kind !== 'rules') return simple(input, target, skipUnavailable);
  const data = conditionData(input.record, input.ctx.now, input.event.payload);
  // The rule's prepared conditions cover every rules table of its actions, in order.
  let offset = 0;
  for (let i = 0; i < input.index; i++) {
    const a = input.prepared.rule.actions[i];
    if (a?.type === 'assign' && a.target.kind === 'rules') offset += a.target.rules.length;
  }
  for (let row = 0; row < target.rules.length; row++) {
    const cond = input.prepared.assignConditions[offset + row];
    const entry = target.rules[row];
    if (cond === undefined || entry === undefined) continue;
    if (truthy(cond(data))) {
      const r = await simple(input, entry.target, skipUnavailable);
      return { ...r, via: `row ${row + 1}: ${r.via}` };
    }
  }
  if (target.otherwise === undefined) return { via: 'no row matched and no otherwise' };
  const r = await simple(input, target.otherwise, skipUnavailable);
  return { ...r, via: `otherwise: ${r.via}` };
}
