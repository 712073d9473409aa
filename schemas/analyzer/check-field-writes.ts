import type { Diagnostic } from '../diagnostics.js';
import { diagnostic, type Check } from './diagnostic.js';
import { fieldName, nodeName } from './display-names.js';
import { forEachRobot } from './walk-model.js';

/**
 * Two robots of one stage writing the same field race each other (with delays the
 * winner depends on timing). Reported at the later write, naming the earlier robot.
 */
export const checkFieldWrites: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  // Keyed by stage path + field: one pass, no robot-by-robot scan.
  const firstWriter = new Map<string, string>();
  forEachRobot(model, (robot, site) => {
    if (robot.action.type !== 'update_fields') return;
    const stagePath = site.path.slice(0, site.path.lastIndexOf('/robots/'));
    const inThisRobot = new Set<string>();
    robot.action.set.forEach((s, i) => {
      if (inThisRobot.has(s.field)) return;
      inThisRobot.add(s.field);
      const key = `${stagePath} ${s.field}`;
      const earlier = firstWriter.get(key);
      if (earlier === undefined) firstWriter.set(key, nodeName(robot));
      else
        out.push(
          diagnostic(
            'CONFLICTING_FIELD_WRITES',
            'warning',
            `${site.path}/action/set/${i}/field`,
            `robots "${earlier}" and "${nodeName(robot)}" of stage "${site.stage.name}" both write field "${fieldName(ctx, site.entity, s.field)}"`,
            site.nodeId,
            {
              first: earlier,
              second: nodeName(robot),
              stage: site.stage.name,
              field: fieldName(ctx, site.entity, s.field),
            },
          ),
        );
    });
  });
  return out;
};
