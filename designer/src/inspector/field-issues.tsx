import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../schemas/index.js';
import { fieldOfPath } from './field-of-path.js';

/** A problem of the selected node, with the inspector control it points at. */
export interface FieldIssue {
  readonly diagnostic: Diagnostic;
  /** The property inside the node (`/timing/duration/value`). */
  readonly rel: string;
}

const CONTROL = 'input, select, textarea, [contenteditable="true"], .monaco-editor textarea';

/** The control a test id names: itself when it is one, else the first inside it. */
function controlOf(root: Element | null, testId: string): HTMLElement | null {
  const el = root?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ?? null;
  if (!el || el.matches(CONTROL)) return el;
  return el.querySelector<HTMLElement>(CONTROL) ?? el;
}

/**
 * Lists the selected node's problems above its form and marks the control each one
 * points at (`aria-invalid`, red outline, the message as its description); `jump`
 * focuses the control of the problem picked in the Problems panel.
 */
export function FieldIssues({
  issues,
  nodeId,
  jump,
}: {
  issues: readonly FieldIssue[];
  nodeId: string;
  jump: { rel: string; n: number } | null;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const form = () => ref.current?.parentElement ?? null;
  // After each render of the form: the controls may be new elements.
  useLayoutEffect(() => {
    const root = form();
    const marked: HTMLElement[] = [];
    issues.forEach((issue, i) => {
      const testId = fieldOfPath(nodeId, issue.rel);
      const el = testId ? controlOf(root, testId) : null;
      if (!el) return;
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', `field-issue-${i}`);
      el.classList.add('field-invalid');
      marked.push(el);
    });
    return () => {
      for (const el of marked) {
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-describedby');
        el.classList.remove('field-invalid');
      }
    };
  });
  useEffect(() => {
    if (!jump) return;
    const testId = fieldOfPath(nodeId, jump.rel);
    const el = testId ? controlOf(form(), testId) : null;
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [jump, nodeId]);
  if (issues.length === 0) return <div ref={ref} hidden />;
  return (
    <div ref={ref} className="field-issues" data-testid="field-issues">
      <ul>
        {issues.map((issue, i) => (
          <li key={i} id={`field-issue-${i}`} className={`diag diag-${issue.diagnostic.severity}`}>
            <span className="diag-code">{issue.diagnostic.code}</span> {issue.diagnostic.message}
            {issue.rel && <span className="visually-hidden"> ({t('inspector.field')})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
