import type { EntityType } from '../../schemas/index.js';
import type { RecordDoc } from '../domain/record.js';
import type { RolePermissions } from '../domain/security-types.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { AccessAction, AccessSubject, AppAbility, RecordAction } from './ability.js';
import { recordSubject } from './record-facts.js';
import { recordScopeFilter, type ScopeFilter } from './record-scope-filter.js';

/** How a refused action reads in messages: "Manager may not delete deal". */
const SUBJECT_WORDS: Record<string, string> = {
  automation: 'automations',
  directory: 'the directory',
  role: 'roles',
  account: 'accounts',
  token: 'API tokens',
  setting: 'settings',
  audit: 'the audit log',
  recycleBin: 'the recycle bin',
  hookSecret: 'inbound hook secrets',
};
const ACTION_WORDS: Record<string, string> = {
  editDrafts: 'edit drafts of',
  rollBack: 'roll back',
};

/** What one caller may do: the role's rights (a token's within its creator's) as a CASL ability. */
export class Access {
  constructor(
    readonly roleName: string,
    readonly permissions: RolePermissions,
    readonly ability: AppAbility,
  ) {}

  can(action: AccessAction, subject: AccessSubject): boolean {
    return this.ability.can(action, subject);
  }

  private refuse(action: string, subject: string): HttpError {
    return new HttpError(
      403,
      'FORBIDDEN',
      `${this.roleName} may not ${ACTION_WORDS[action] ?? action} ${SUBJECT_WORDS[subject] ?? subject}`,
      undefined,
      { action, subject },
    );
  }

  /** 403 `FORBIDDEN` unless the action is allowed on some `subject` (scopes aside). */
  check(action: AccessAction, subject: AccessSubject): void {
    if (!this.can(action, subject)) throw this.refuse(action, subject);
  }

  canRecord(action: RecordAction, record: RecordDoc): boolean {
    return this.ability.can(action, recordSubject(record));
  }

  /**
   * A record the caller is to see or act on: 404 when it is outside the read scope
   * (its existence is not revealed), 403 when readable but `action` is not allowed on it.
   */
  checkRecord(action: RecordAction, record: RecordDoc): void {
    if (!this.canRecord('read', record)) throw notFound(`${record.entity} ${record.id}`);
    if (action !== 'read' && !this.canRecord(action, record))
      throw this.refuse(action, `this ${record.entity}`);
  }

  /** A record may be moved (or created) into this stage: 403 when the stage is outside the limits. */
  checkPlacement(
    action: 'create' | 'update',
    record: Pick<RecordDoc, 'entity' | 'fields'>,
    pipeline: string | undefined,
    stage: string | undefined,
  ): void {
    const facts = { entity: record.entity, fields: record.fields, pipeline, stage };
    if (!this.ability.can(action, recordSubject(facts)))
      throw this.refuse(
        action,
        `${record.entity} ${stage === undefined ? 'records there' : `records in stage ${stage}`}`,
      );
  }

  /** The store filter of `action`'s scope on `entity` (`null`: none allowed). */
  recordFilter(action: RecordAction, entity: EntityType): ScopeFilter | null {
    return recordScopeFilter(this.ability, action, entity);
  }
}
