import type { DirectoryEntries } from '../domain/directory.js';

/**
 * The users of `userId`'s department and of every department below it (the user
 * included): what "my department" means. A user in no department sees only their own.
 */
export function departmentUsers(
  dir: Pick<DirectoryEntries, 'users' | 'departments'>,
  userId: string,
): string[] {
  const home = dir.users.find((u) => u.key === userId)?.department;
  if (home === undefined) return [userId];
  const parentOf = new Map(dir.departments.map((d) => [d.key, d.parent]));
  const within = (dept: string | undefined): boolean => {
    // Bounded walk: a cycle in parents must not hang the request.
    for (let d = dept, steps = 0; d !== undefined && steps <= parentOf.size; steps++) {
      if (d === home) return true;
      d = parentOf.get(d);
    }
    return false;
  };
  const users = dir.users.filter((u) => within(u.department)).map((u) => u.key);
  return users.includes(userId) ? users : [...users, userId];
}
