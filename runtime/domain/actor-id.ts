import type { Actor } from './actor.js';

/** The id an audit query filters actors by: account, token, `<model>/<rule>`, or system name. */
export function actorIdOf(actor: Actor): string {
  switch (actor.kind) {
    case 'person':
      return actor.accountId;
    case 'token':
      return actor.tokenId;
    case 'robot':
      return `${actor.modelId}/${actor.ruleId}`;
    case 'system':
      return actor.name;
  }
}
