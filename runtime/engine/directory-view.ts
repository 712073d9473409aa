import type { Department, Queue, RuleSet, User } from '../../schemas/index.js';
import type { DirectoryEntries } from '../domain/directory.js';

/** People as one rule set sees them: the runtime's directory first, then the model's own. */
export class DirectoryView {
  private readonly users = new Map<string, User>();
  private readonly departments = new Map<string, Department>();
  private readonly queues = new Map<string, Queue>();

  constructor(runtime: DirectoryEntries, ruleSet?: RuleSet) {
    for (const src of [ruleSet?.directory, runtime]) {
      if (src === undefined) continue;
      for (const u of src.users) this.users.set(u.key, u);
      for (const d of src.departments) this.departments.set(d.key, d);
      for (const q of src.queues) this.queues.set(q.key, q);
    }
  }

  user(key: unknown): User | undefined {
    return typeof key === 'string' ? this.users.get(key) : undefined;
  }
  department(key: string): Department | undefined {
    return this.departments.get(key);
  }
  queue(key: string): Queue | undefined {
    return this.queues.get(key);
  }
  /** Members of a department, in directory order. */
  members(department: string): User[] {
    return [...this.users.values()].filter((u) => u.department === department);
  }
  available(user: User | undefined): boolean {
    return user !== undefined && user.active !== false && user.absent !== true;
  }
  /** The user's own manager, else their department's manager (never themselves). */
  managerOf(key: unknown): User | undefined {
    const u = this.user(key);
    if (u === undefined) return undefined;
    const explicit = u.manager === undefined ? undefined : this.user(u.manager);
    if (explicit !== undefined) return explicit;
    const dept = u.department === undefined ? undefined : this.departments.get(u.department);
    const m = dept?.manager === undefined ? undefined : this.user(dept.manager);
    return m?.key === u.key ? undefined : m;
  }
}
