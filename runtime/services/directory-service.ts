import type { Department, Queue, User } from '../../schemas/index.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { RuntimeCore } from './runtime-core.js';

export const DIRECTORY_KINDS = ['users', 'departments', 'queues'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];
type Entry = User | Department | Queue;

/** Users, departments and queues of the installation. */
export class DirectoryService {
  constructor(private readonly core: RuntimeCore) {}

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

  async create(kind: DirectoryKind, entry: Entry): Promise<Entry> {
    return this.core.change(async (tx) => {
      if ((await tx.get(kind, entry.key)) !== undefined) {
        throw new HttpError(409, 'CONFLICT', `${kind} ${entry.key} already exists`);
      }
      await this.checkUsers(tx, kind, entry);
      tx.put(kind, entry.key, entry as never);
      return entry;
    });
  }

  async replace(kind: DirectoryKind, key: string, entry: Entry): Promise<Entry> {
    if (entry.key !== key) {
      throw new HttpError(422, 'KEY_MISMATCH', `/key must equal the key in the path (${key})`);
    }
    return this.core.change(async (tx) => {
      await this.checkUsers(tx, kind, entry);
      tx.put(kind, key, entry as never);
      return entry;
    });
  }

  async remove(kind: DirectoryKind, key: string): Promise<void> {
    await this.core.change(async (tx) => {
      if ((await tx.get(kind, key)) === undefined) throw notFound(`${kind} ${key}`);
      tx.delete(kind, key);
    });
  }
}
