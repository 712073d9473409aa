import type { Department, Queue, User } from '../../schemas/index.js';

/** The organisation directory as the engine sees it (small, read whole). */
export interface DirectoryEntries {
  users: User[];
  departments: Department[];
  queues: Queue[];
}
