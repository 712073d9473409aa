import type { Diagnostic } from '../../schemas/index.js';

/** `severity code path: message`; a message that repeats the path is not repeated. */
export function formatDiagnostic(d: Diagnostic): string {
  const message = d.message.startsWith(`${d.path} `)
    ? d.message.slice(d.path.length + 1)
    : d.message;
  return `${d.severity} ${d.code} ${d.path}: ${message}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line per diagnostic, then `file: 1 error, 2 warnings, 0 infos`. */
export function formatReport(file: string, diagnostics: readonly Diagnostic[]): string {
  const by = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  const summary = `${file}: ${count(by('error'), 'error')}, ${count(by('warning'), 'warning')}, ${count(by('info'), 'info')}`;
  return [...diagnostics.map(formatDiagnostic), summary].map((l) => `${l}\n`).join('');
}
