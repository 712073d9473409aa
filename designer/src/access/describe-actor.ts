import type { ActorView } from './access-types.js';

/**
 * An actor in one line: a person's name, `token <name>`, a robot's model and rule with
 * the version, or the system's name.
 *
 * @example describeActor({ kind: 'token', name: 'CI', ... }) // 'token CI'
 */
export function describeActor(a: ActorView): string {
  switch (a.kind) {
    case 'person':
      return a.name;
    case 'token':
      return `token ${a.name}`;
    case 'robot':
      return `${a.modelId} v${a.version} / ${a.ruleName ?? a.ruleId}`;
    case 'system':
      return a.name;
  }
}

/** The id `GET /api/audit?actor=` filters by (runtime/domain/actor-id.ts). */
export function actorIdOf(a: ActorView): string {
  switch (a.kind) {
    case 'person':
      return a.accountId;
    case 'token':
      return a.tokenId;
    case 'robot':
      return `${a.modelId}/${a.ruleId}`;
    case 'system':
      return a.name;
  }
}
