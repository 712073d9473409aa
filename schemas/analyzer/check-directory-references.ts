import type { Diagnostic } from '../diagnostics.js';
import type { AssignTarget, PersonRef, SimpleAssignTarget } from '../model/assignment.js';
import type { Addressee } from '../model/actions.js';
import type { AnalysisContext } from './analysis-context.js';
import { diagnostic, type Check } from './diagnostic.js';
import { forEachRobot } from './walk-model.js';

type Kind = 'user' | 'department' | 'queue';
const CODES: Readonly<Record<Kind, string>> = {
  user: 'UNKNOWN_USER',
  department: 'UNKNOWN_DEPARTMENT',
  queue: 'UNKNOWN_QUEUE',
};

/** Reports directory keys that neither the model's nor the runtime's directory holds. */
function referenceChecker(ctx: AnalysisContext, out: Diagnostic[]) {
  const sets: Readonly<Record<Kind, ReadonlySet<string>>> = {
    user: ctx.users,
    department: ctx.departments,
    queue: ctx.queues,
  };
  return (kind: Kind, key: string | undefined, at: string, nodeId?: string): void => {
    if (key !== undefined && !sets[kind].has(key))
      out.push(
        diagnostic(CODES[kind], 'error', at, `${kind} "${key}" is not in the directory`, nodeId, {
          key,
        }),
      );
  };
}

type Ref = ReturnType<typeof referenceChecker>;

function simpleTarget(ref: Ref, t: SimpleAssignTarget, at: string, nodeId: string): void {
  if (t.kind === 'user') ref('user', t.user, `${at}/user`, nodeId);
  else if (t.kind === 'queue') ref('queue', t.queue, `${at}/queue`, nodeId);
  else {
    t.users?.forEach((u, i) => ref('user', u, `${at}/users/${i}`, nodeId));
    ref('department', t.department, `${at}/department`, nodeId);
  }
}

function assignTarget(ref: Ref, t: AssignTarget | undefined, at: string, nodeId: string): void {
  if (!t) return;
  if (t.kind !== 'rules') return simpleTarget(ref, t, at, nodeId);
  t.rules.forEach((r, i) => simpleTarget(ref, r.target, `${at}/rules/${i}/target`, nodeId));
  if (t.otherwise) simpleTarget(ref, t.otherwise, `${at}/otherwise`, nodeId);
}

function person(ref: Ref, p: PersonRef, at: string, nodeId: string): void {
  if (p.kind === 'user') ref('user', p.user, `${at}/user`, nodeId);
  if (p.kind === 'department') ref('department', p.department, `${at}/department`, nodeId);
}

function addressee(ref: Ref, a: Addressee, at: string, nodeId: string): void {
  if (a.kind === 'user') ref('user', a.user, `${at}/user`, nodeId);
}

/**
 * Users, departments and queues named by actions (and by the model's own directory
 * entries) exist in the model's directory or the runtime's.
 */
export const checkDirectoryReferences: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  const ref = referenceChecker(ctx, out);
  forEachRobot(model, (robot, site) => {
    const a = robot.action;
    const at = `${site.path}/action`;
    const id = site.nodeId;
    if (a.type === 'assign') assignTarget(ref, a.target, `${at}/target`, id);
    if (a.type === 'create_linked_record') assignTarget(ref, a.assign, `${at}/assign`, id);
    if (a.type === 'create_task') person(ref, a.assignee, `${at}/assignee`, id);
    if (a.type === 'notify')
      a.recipients.forEach((p, i) => person(ref, p, `${at}/recipients/${i}`, id));
    if (a.type === 'send_email' || a.type === 'send_message') addressee(ref, a.to, `${at}/to`, id);
  });
  const dir = model.directory;
  dir?.users.forEach((u, i) => {
    ref('department', u.department, `/directory/users/${i}/department`);
    ref('user', u.manager, `/directory/users/${i}/manager`);
  });
  dir?.departments.forEach((d, i) => {
    ref('user', d.manager, `/directory/departments/${i}/manager`);
    ref('department', d.parent, `/directory/departments/${i}/parent`);
  });
  dir?.queues.forEach((q, i) =>
    q.users.forEach((u, j) => ref('user', u, `/directory/queues/${i}/users/${j}`)),
  );
  return out;
};
