import type { Pipeline, Stage } from '../../../schemas/index.js';
import { robotNodeId, triggerNodeId } from '../editor/node-ids.js';

/** A robot or trigger of a stage, as the board names and links it. */
export interface StageRule {
  readonly id: string;
  readonly kind: 'robot' | 'trigger';
  /** The admin's name, else the action or trigger type. */
  readonly name: string;
  /** The canvas node: `#/models/<model>?node=<node id>`. */
  readonly href: string;
}

/** The robots and triggers of a stage, with links to their canvas nodes. */
export function stageRules(modelId: string, stage: Stage): StageRule[] {
  const href = (node: string) =>
    `#/models/${encodeURIComponent(modelId)}?node=${encodeURIComponent(node)}`;
  return [
    ...stage.robots.map((r) => ({
      id: r.id,
      kind: 'robot' as const,
      name: r.name ?? r.action.type,
      href: href(robotNodeId(r.id)),
    })),
    ...stage.triggers.map((t) => ({
      id: t.id,
      kind: 'trigger' as const,
      name: t.name ?? t.type,
      href: href(triggerNodeId(t.id)),
    })),
  ];
}

/** The name of a rule by id anywhere in the pipeline (a timer's robot). */
export function ruleName(pipeline: Pipeline, fullId: string): string | undefined {
  // Timers and timeline entries name rules as `robot:<id>` or `trigger:<id>`.
  const ruleId = fullId.replace(/^(robot|trigger):/, '');
  for (const s of pipeline.stages) {
    const r = s.robots.find((x) => x.id === ruleId);
    if (r !== undefined) return r.name ?? r.action.type;
    const t = s.triggers.find((x) => x.id === ruleId);
    if (t !== undefined) return t.name ?? t.type;
  }
  return undefined;
}
