import type { NodeIssues } from './flow-types.js';

/** Red/yellow count badge with the messages as a tooltip. */
export function IssueBadge({ issues }: { issues?: NodeIssues }) {
  if (!issues || issues.errors + issues.warnings === 0) return null;
  const kind = issues.errors > 0 ? 'error' : 'warning';
  return (
    <span
      className={`issue-badge issue-${kind}`}
      title={issues.messages.join('\n')}
      data-testid="issue-badge"
    >
      {issues.errors > 0 ? issues.errors : issues.warnings}
    </span>
  );
}
