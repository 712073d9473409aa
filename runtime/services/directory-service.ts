import type { Department, Queue, User } from '../../schemas/index.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { Tx } from '../engine/tx.js';
import { fieldChanges } from '../engine/append-audit.js';
import type { Who } from '../domain/who.js';
import type { RuntimeCore } from './runtime-core.js';

export const DIRECTORY_KINDS = ['users', 'departments', 'queues'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];
type Entry = User | Department | Queue;

/** Users, departments and queues of the installation. */
export class DirectoryService {
  constructor(
    private readonly core: RuntimeCore,
    /** A user was deactivated or removed: its sign-in sessions and tokens end in the same batch. */
    private readonly userEnded: (tx: Tx, userKey: string) => Promise<void> = async () => undefined,
  ) {}

  all() {
    return this.core.directory();
  }

  /** A page of one kind, by key. */
  list(kind: DirectoryKind, page: PageRequest): Promise<Page<Entry>> {
    return this.core.store.query(kind, {}, page);
  }

  async get(kind: DirectoryKind, key: string): Promise<Entry> {
    const e = await this.core.store.get(kind, key);
    if (e === undefined) throw notFound(`${kind} ${key}`);
    return e;
  }

  /**
   * Queues and department managers must name users that exist: a queue of unknown
   * users would hand records to nobody. (A user's department and manager are not
   * checked: first-start seeding writes users before departments.)
   */
  private async checkUsers(
    tx: { get(kind: 'users', key: string): Promise<unknown> },
    kind: DirectoryKind,
    entry: Entry,
  ): Promise<void> {
    const refs: Array<[string, string]> = [];
    if (kind === 'queues') (entry as Queue).users.forEach((u, i) => refs.push([`/users/${i}`, u]));
    const manager = kind === 'departments' ? (entry as Department).manager : undefined;
    if (manager !== undefined) refs.push(['/manager', manager]);
    const unknown: Array<[string, string]> = [];
    for (const [path, user] of refs)
      if ((await tx.get('users', user)) === undefined) unknown.push([path, user]);
    if (unknown.length > 0)
      throw new HttpError(
        422,
        'UNKNOWN_USER',
        unknown.map(([path, user]) => `${path}: no user ${user}`).join('; '),
        unknown.map(([path, user]) => ({
          code: 'UNKNOWN_USER',
          severity: 'error' as const,
          path,
          message: `${path}: no user ${user}`,
        })),
      );
  }

  async create(kind: DirectoryKind, entry: Entry, who?: Who): Promise<Entry> {
    return this.core.changeAs(who, async (tx) => {
      if ((await tx.get(kind, entry.key)) !== undefined) {
        throw new HttpError(409, 'CONFLICT', `${kind} ${entry.key} already exists`);
      }
      await this.checkUsers(tx, kind, entry);
      tx.put(kind, entry.key, entry as never);
      this.core.audit(tx, {
        kind: 'directory.created',
        target: `${kind}/${entry.key}`,
        changes: fieldChanges(undefined, entry) ?? {},
      });
      return entry;
    });
  }

  async replace(kind: DirectoryKind, key: string, entry: Entry, who?: Who): Promise<Entry> {
    if (entry.key !== key) {
      throw new HttpError(422, 'KEY_MISMATCH', `/key must equal the key in the path (${key})`);
    }
    return this.core.changeAs(who, async (tx) => {
      await this.checkUsers(tx, kind, entry);
      const before = await tx.get(kind, key);
      tx.put(kind, key, entry as never);
      const changes = fieldChanges(before, entry);
      this.core.audit(tx, {
        kind: before === undefined ? 'directory.created' : 'directory.updated',
        target: `${kind}/${key}`,
        ...(changes === undefined ? {} : { changes }),
      });
      if (kind === 'users' && (entry as User).active === false) await this.userEnded(tx, key);
      return entry;
    });
  }

  async remove(kind: DirectoryKind, key: string, who?: Who): Promise<void> {
    await this.core.changeAs(who, async (tx) => {
      const before = await tx.get(kind, key);
      if (before === undefined) throw notFound(`${kind} ${key}`);
      tx.delete(kind, key);
      this.core.audit(tx, {
        kind: 'directory.removed',
        target: `${kind}/${key}`,
        changes: fieldChanges(before, undefined) ?? {},
      });
      if (kind === 'users') await this.userEnded(tx, key);
    });
  }
}
