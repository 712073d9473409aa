import type { Diagnostic } from '../diagnostics.js';
import { diagnostic, type Check } from './diagnostic.js';
import { nodeName } from './display-names.js';
import { forEachRobot } from './walk-model.js';

const blank = (text: string | undefined): boolean => text !== undefined && text.trim() === '';

/**
 * A task without a title, a notification without text or a template without a body
 * reaches people as an empty item: an error at the empty field, not a silent
 * publish. (Optional texts such as a task's description may stay empty.)
 */
export const checkEmptyTexts: Check = (model) => {
  const out: Diagnostic[] = [];
  forEachRobot(model, (robot, site) => {
    const a = robot.action;
    const robotName = nodeName(robot);
    const report = (field: string, what: 'taskTitle' | 'notification', words: string): void => {
      out.push(
        diagnostic(
          'EMPTY_TEXT',
          'error',
          `${site.path}/action/${field}`,
          `robot "${robotName}" has ${words}: write what the person should read`,
          site.nodeId,
          { variant: what, robot: robotName },
        ),
      );
    };
    if (a.type === 'create_task' && blank(a.title))
      report('title', 'taskTitle', 'an empty task title');
    if (a.type === 'notify' && blank(a.message))
      report('message', 'notification', 'an empty notification text');
  });
  model.templates?.forEach((t, i) => {
    if (!blank(t.body)) return;
    out.push(
      diagnostic(
        'EMPTY_TEXT',
        'error',
        `/templates/${i}/body`,
        `template "${t.name}" has an empty body: write the text the recipient gets`,
        undefined,
        { variant: 'templateBody', template: t.name },
      ),
    );
  });
  return out;
};
