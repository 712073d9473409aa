import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AutomationModel, Department, Queue, User } from '../../schemas/index.js';
import type { ConveyorApp } from '../app/create-app.js';
import type { Logger } from '../engine/ports.js';

/**
 * First start: the directory (users, departments, queues of every example, merged)
 * and every `examples/<name>/model.json`, saved and published, so a newcomer sees
 * something working at once. Does nothing when models exist already.
 */
export async function seedExamples(
  conveyor: ConveyorApp,
  examplesDir: string,
  log: Logger,
): Promise<void> {
  if ((await conveyor.models.list()).length > 0) return;
  let names: string[];
  try {
    names = (await readdir(examplesDir)).sort();
  } catch {
    return;
  }
  const models: AutomationModel[] = [];
  for (const name of names) {
    try {
      models.push(
        JSON.parse(
          await readFile(join(examplesDir, name, 'model.json'), 'utf8'),
        ) as AutomationModel,
      );
    } catch {
      // Not an example folder.
    }
  }
  const users = new Map<string, User>();
  const departments = new Map<string, Department>();
  const queues = new Map<string, Queue>();
  for (const m of models) {
    for (const u of m.directory?.users ?? []) if (!users.has(u.key)) users.set(u.key, u);
    for (const d of m.directory?.departments ?? [])
      if (!departments.has(d.key)) departments.set(d.key, d);
    for (const q of m.directory?.queues ?? []) if (!queues.has(q.key)) queues.set(q.key, q);
  }
  for (const u of users.values())
    await conveyor.directory.create('users', u).catch(() => undefined);
  for (const d of departments.values())
    await conveyor.directory.create('departments', d).catch(() => undefined);
  for (const q of queues.values())
    await conveyor.directory.create('queues', q).catch(() => undefined);
  for (const m of models) {
    try {
      await conveyor.models.create(m);
      const { version } = await conveyor.models.publish(m.id, 'example loaded at first start');
      log.info(`seeded example ${m.id} (version ${version})`);
    } catch (e) {
      log.error(`example ${m.id} not published: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
