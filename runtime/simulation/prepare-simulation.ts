import {
  analyzeModel,
  compileModel,
  hasErrors,
  type AutomationModel,
  type ScenarioRecord,
} from '../../schemas/index.js';
import { HttpError } from '../http/http-error.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { DirectoryEntries } from '../domain/directory.js';
import type { RecordDoc } from '../domain/record.js';
import { diag, fail } from './check-scenario.js';

const versionKey = (id: string, n: number): string => `${id}@${String(n).padStart(6, '0')}`;

/**
 * Checks the model against the simulation's directory and makes it the active version
 * of the simulated runtime (stored as a version, as publishing would, so timers pin it).
 * Schema or analyzer errors: 422 with the diagnostics.
 */
export async function installModel(
  core: RuntimeCore,
  doc: unknown,
  version: number,
  directory: DirectoryEntries,
): Promise<AutomationModel> {
  const diagnostics = analyzeModel(doc, { directory });
  if (hasErrors(diagnostics)) {
    const schema = diagnostics.some((d) => d.code === 'SCHEMA');
    throw new HttpError(
      422,
      schema ? 'INVALID_MODEL' : 'ANALYZER_ERRORS',
      schema ? 'the model does not match the schema' : 'the model has errors and cannot run',
      diagnostics,
    );
  }
  const model = doc as AutomationModel;
  const ruleSet = compileModel(model);
  const now = core.clock.now().toISOString();
  await core.change(async (tx) => {
    for (const u of directory.users) tx.put('users', u.key, u);
    for (const d of directory.departments) tx.put('departments', d.key, d);
    for (const q of directory.queues) tx.put('queues', q.key, q);
    tx.put('models', model.id, {
      id: model.id,
      draft: model,
      updatedAt: now,
      publishedVersion: version,
    });
    tx.put('versions', versionKey(model.id, version), {
      modelId: model.id,
      version,
      publishedAt: now,
      publishedBy: 'simulation',
      model,
      ruleSet,
    });
  });
  core.engine.activate(model.id, version, ruleSet);
  return model;
}

/**
 * The records that exist at minute 0, written as they are: no automations run for
 * them (their stage's robots ran "before" the simulation). Unknown pipeline or stage: 422.
 */
export async function seedRecords(
  core: RuntimeCore,
  modelId: string,
  records: readonly ScenarioRecord[],
  ids: Map<string, string>,
): Promise<void> {
  const now = core.clock.now().toISOString();
  const problems = records.flatMap((r, i) => {
    if (r.pipeline === undefined && r.stage === undefined) return [];
    const found = core.engine.findPipeline(r.entity, r.pipeline, modelId);
    if (found === undefined)
      return [
        diag(
          'UNKNOWN_PIPELINE',
          `/records/${i}/pipeline`,
          `no ${r.entity} pipeline ${r.pipeline ?? ''} in the model`,
        ),
      ];
    if (r.stage !== undefined && !found.def.stages.some((s) => s.key === r.stage))
      return [
        diag(
          'UNKNOWN_STAGE',
          `/records/${i}/stage`,
          `${r.stage} is not a stage of ${found.def.key}`,
        ),
      ];
    return [];
  });
  if (problems.length > 0) fail(422, 'INVALID_RECORDS', problems);
  await core.change(async (tx) => {
    const docs: RecordDoc[] = records.map((r) => {
      const id = core.ids.next(r.entity);
      ids.set(r.ref, id);
      const doc: RecordDoc = {
        id,
        entity: r.entity,
        fields: { ...(r.fields ?? {}) },
        links: [],
        createdAt: now,
        updatedAt: now,
      };
      const found =
        r.pipeline === undefined && r.stage === undefined
          ? undefined
          : core.engine.findPipeline(r.entity, r.pipeline, modelId);
      if (found !== undefined) {
        doc.model = modelId;
        doc.pipeline = found.def.key;
        doc.stage = r.stage ?? found.def.stages[0]?.key ?? '';
        doc.stageEnteredAt = now;
      }
      return doc;
    });
    const byRef = new Map(records.map((r, i) => [r.ref, docs[i] as RecordDoc]));
    records.forEach((r, i) => {
      const self = docs[i] as RecordDoc;
      for (const l of r.links ?? []) {
        const other = byRef.get(l);
        if (other === undefined || other.links.some((x) => x.id === self.id)) continue;
        self.links.push({ entity: other.entity, id: other.id });
        other.links.push({ entity: self.entity, id: self.id });
      }
    });
    for (const d of docs) tx.put('records', d.id, d);
  });
}
