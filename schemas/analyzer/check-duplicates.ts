import type { Diagnostic } from '../diagnostics.js';
import { jsonPointer } from '../diagnostics.js';
import { STANDARD_FIELDS } from '../catalogue/standard-fields.js';
import { ENTITY_TYPES } from '../model/common.js';
import type { AutomationModel } from '../model/model.js';
import { diagnostic, type Check } from './diagnostic.js';
import { forEachRobot, forEachTrigger, stageNodeId } from './walk-model.js';

/**
 * Remembers where each key was first seen and reports every later repeat. `what` is
 * the kind of key (also the params' variant); `inside` the name of what holds it.
 */
function keyTracker(
  out: Diagnostic[],
  what: string,
  inside?: { words: string; params: Readonly<Record<string, string>> },
) {
  const seen = new Map<string, string>();
  return (key: string, path: string, nodeId?: string): void => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, path);
    else
      out.push(
        diagnostic(
          'DUPLICATE_KEY',
          'error',
          path,
          `${what} "${key}" appears twice${inside ? ` ${inside.words}` : ''} (first at ${first})`,
          nodeId,
          {
            variant: what.replace(/\W+(\w)/g, (_m, c: string) => c.toUpperCase()),
            key,
            ...inside?.params,
          },
        ),
      );
  };
}

function listKeys(
  out: Diagnostic[],
  what: string,
  list: ReadonlyArray<{ key: string }> | undefined,
  ...at: Array<string | number>
): void {
  const track = keyTracker(out, what);
  list?.forEach((item, i) => track(item.key, `${jsonPointer(...at, i)}/key`));
}

/**
 * Keys must be unique where they are looked up: pipelines, stages within a pipeline,
 * robot and trigger ids across the model (one namespace, as rule ids and canvas
 * nodes derive from them), fields per entity (a custom field may not reuse a
 * standard field's key), enum options, users, departments, queues, templates and
 * calendars.
 */
export const checkDuplicates: Check = (model: AutomationModel) => {
  const out: Diagnostic[] = [];
  const pipelines = keyTracker(out, 'pipeline');
  model.pipelines.forEach((p, pi) => {
    pipelines(p.key, jsonPointer('pipelines', pi, 'key'), `pipeline:${p.key}`);
    const stages = keyTracker(out, 'stage', {
      words: `in pipeline "${p.name}"`,
      params: { pipeline: p.name },
    });
    p.stages.forEach((s, si) =>
      stages(s.key, jsonPointer('pipelines', pi, 'stages', si, 'key'), stageNodeId(p.key, s.key)),
    );
  });
  const ids = keyTracker(out, 'robot/trigger id');
  forEachRobot(model, (r, site) => ids(r.id, `${site.path}/id`, site.nodeId));
  forEachTrigger(model, (t, site) => ids(t.id, `${site.path}/id`, site.nodeId));

  for (const entity of ENTITY_TYPES) {
    const defs = model.entities[entity]?.fields;
    if (!defs) continue;
    const standard = new Set(STANDARD_FIELDS[entity].map((f) => f.key));
    const track = keyTracker(out, 'field', { words: `in ${entity}`, params: { entity } });
    defs.forEach((f, i) => {
      const at = jsonPointer('entities', entity, 'fields', i);
      if (standard.has(f.key))
        out.push(
          diagnostic(
            'DUPLICATE_KEY',
            'error',
            `${at}/key`,
            `field "${f.key}" is a standard field of ${entity}; choose another key`,
            undefined,
            { variant: 'standardField', key: f.key, entity },
          ),
        );
      else track(f.key, `${at}/key`);
      const options = keyTracker(out, 'option', {
        words: `in field "${f.label}"`,
        params: { field: f.label },
      });
      f.options?.forEach((o, j) => options(o.key, `${at}/options/${j}/key`));
    });
  }
  listKeys(out, 'user', model.directory?.users, 'directory', 'users');
  listKeys(out, 'department', model.directory?.departments, 'directory', 'departments');
  listKeys(out, 'queue', model.directory?.queues, 'directory', 'queues');
  listKeys(out, 'template', model.templates, 'templates');
  listKeys(out, 'calendar', model.calendars, 'calendars');
  return out;
};
