import type { AutomationModel } from '../model/model.js';

/** One comparable part of a model: its canvas-style id, where it sits and what it holds. */
export interface ModelNode {
  readonly nodeId: string;
  /** JSON Pointer of the part in its model. */
  readonly path: string;
  /** The properties compared; identity keys and layout are left out. */
  readonly value: Readonly<Record<string, unknown>>;
}

const esc = (s: string | number): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

function omit(o: object, ...keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k) && v !== undefined) out[k] = v;
  return out;
}

/**
 * Flattens a model into the parts a version diff talks about: the model's settings,
 * pipelines, stages, robots, triggers, custom fields, templates, calendars and directory
 * entries. `layout` is not a part: moving a node on the canvas changes nothing here.
 * A robot or trigger carries the stage it sits in (`$stage`), and a pipeline or stage
 * the order of its children (`$stages`, `$robots`, `$triggers`), because both change
 * what runs.
 *
 * @example modelNodes(model).get('robot:notify')?.value.$stage // 'sales/new'
 */
export function modelNodes(model: AutomationModel): Map<string, ModelNode> {
  const nodes = new Map<string, ModelNode>();
  const put = (nodeId: string, path: string, value: Record<string, unknown>) =>
    nodes.set(nodeId, { nodeId, path, value });
  put(
    'model',
    '',
    omit(
      model,
      'id',
      'schemaVersion',
      'layout',
      'simulations',
      'pipelines',
      'entities',
      'directory',
      'templates',
      'calendars',
    ),
  );
  model.pipelines.forEach((p, pi) => {
    const pp = `/pipelines/${pi}`;
    put(`pipeline:${p.key}`, pp, {
      ...omit(p, 'key', 'stages'),
      $stages: p.stages.map((s) => s.key),
    });
    p.stages.forEach((s, si) => {
      const sp = `${pp}/stages/${si}`;
      const where = `${p.key}/${s.key}`;
      put(`stage:${where}`, sp, {
        ...omit(s, 'key', 'robots', 'triggers'),
        $robots: s.robots.map((r) => r.id),
        $triggers: s.triggers.map((t) => t.id),
      });
      s.robots.forEach((r, ri) =>
        put(`robot:${r.id}`, `${sp}/robots/${ri}`, { ...omit(r, 'id'), $stage: where }),
      );
      s.triggers.forEach((t, ti) =>
        put(`trigger:${t.id}`, `${sp}/triggers/${ti}`, { ...omit(t, 'id'), $stage: where }),
      );
    });
  });
  for (const [entity, def] of Object.entries(model.entities)) {
    def?.fields.forEach((f, fi) =>
      put(`field:${entity}/${f.key}`, `/entities/${esc(entity)}/fields/${fi}`, omit(f, 'key')),
    );
  }
  model.templates?.forEach((t, i) => put(`template:${t.key}`, `/templates/${i}`, omit(t, 'key')));
  model.calendars?.forEach((c, i) => put(`calendar:${c.key}`, `/calendars/${i}`, omit(c, 'key')));
  const dir = model.directory;
  if (dir) {
    for (const part of ['users', 'departments', 'queues'] as const) {
      dir[part].forEach((e, i) =>
        put(`directory:${part}/${e.key}`, `/directory/${part}/${i}`, omit(e, 'key')),
      );
    }
  }
  return nodes;
}

/** Escapes one JSON Pointer segment (RFC 6901). */
export const pointerSegment = esc;
