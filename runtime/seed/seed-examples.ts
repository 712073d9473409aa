import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AutomationModel, Department, EntityType, Queue, User } from '../../schemas/index.js';
import type { ConveyorApp } from '../app/create-app.js';
import type { Logger } from '../engine/ports.js';

/**
 * First start: the directory (users, departments, queues of every example, merged),
 * every `examples/<name>/model.json` saved and published, and its sample
 * `records.json` created through the engine (so their robots run), so a newcomer sees
 * something working at once. Does nothing when models exist already.
 */
export async function seedExamples(
  conveyor: ConveyorApp,
  examplesDir: string,
  log: Logger,
): Promise<void> {
  if ((await conveyor.models.list({ limit: 1 })).items.length > 0) return;
  let names: string[];
  try {
    names = (await readdir(examplesDir)).sort();
  } catch {
    return;
  }
  const models: AutomationModel[] = [];
  const samples = new Map<string, SampleRecord[]>();
  for (const name of names) {
    let model: AutomationModel;
    try {
      model = JSON.parse(
        await readFile(join(examplesDir, name, 'model.json'), 'utf8'),
      ) as AutomationModel;
    } catch {
      continue; // Not an example folder.
    }
    models.push(model);
    samples.set(model.id, await readSamples(join(examplesDir, name, 'records.json'), log));
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
      log.error(`example ${m.id} not published: ${message(e)}`);
      continue;
    }
    for (const r of samples.get(m.id) ?? []) {
      await conveyor.records
        .create(r.entity, { model: m.id, pipeline: r.pipeline, stage: r.stage, fields: r.fields })
        .catch((e: unknown) =>
          log.error(`sample ${r.entity} of ${m.id} not created: ${message(e)}`),
        );
    }
  }
}

interface SampleRecord {
  entity: EntityType;
  pipeline?: string;
  stage?: string;
  fields: Record<string, unknown>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** An example's sample records; a missing file is no samples, a broken one is logged. */
async function readSamples(file: string, log: Logger): Promise<SampleRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as SampleRecord[]) : [];
  } catch (e) {
    log.error(`${file} is not JSON: ${message(e)}`);
    return [];
  }
}
