import type { TFunction } from 'i18next';
import type { ActorView } from './access-types.js';
import type { RobotNames } from './robot-names.js';

/** An actor as a reader sees it: words in their language, the keys in `title`. */
export interface ActorText {
  readonly text: string;
  /** The keys behind the text (a robot's model, version and rule id), for a tooltip. */
  readonly title?: string;
}

/**
 * An actor in one line: a person's name, a token's, a robot by the names the admin
 * typed for it and its model (its keys in `title`), or the system's part by name.
 *
 * @example describeActor(t, { kind: 'token', name: 'CI', ... }).text // 'token CI' / 'токен CI'
 */
export function describeActor(t: TFunction, a: ActorView, names?: RobotNames): ActorText {
  switch (a.kind) {
    case 'person':
      return { text: a.name };
    case 'token':
      return { text: t('access.audit.actorToken', { name: a.name }) };
    case 'robot': {
      const keys = `${a.modelId} v${a.version} / ${a.ruleId}`;
      return {
        text: t('access.audit.actorRobot', {
          rule: names?.rules[a.ruleId] ?? a.ruleName ?? a.ruleId,
          model: names?.model ?? a.modelId,
          version: a.version,
        }),
        title: keys,
      };
    }
    case 'system':
      return { text: t(`access.audit.system.${a.name}`, { defaultValue: a.name }), title: a.name };
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
