/**
 * The JSON path of the one text value that differs between two documents, or null
 * when they differ otherwise (several values, a number, a shape change). A keystroke
 * in a text field changes exactly one string; that is how the history recognises it.
 *
 * @example textChangePath({ a: 'x', b: 1 }, { a: 'xy', b: 1 }) // '/a'
 */
export function textChangePath(before: unknown, after: unknown, path = ''): string | null {
  if (typeof before === 'string' && typeof after === 'string')
    return before === after ? null : path;
  if (typeof before !== 'object' || typeof after !== 'object' || !before || !after) return null;
  if (Array.isArray(before) !== Array.isArray(after)) return null;
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  // An optional text that appears with the first keystroke (or goes when emptied) was ''.
  const text = (v: unknown, other: unknown) =>
    v === undefined && typeof other === 'string' ? '' : v;
  let found: string | null = null;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = text(a[k], b[k]);
    const y = text(b[k], a[k]);
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (found !== null) return null;
    found = textChangePath(x, y, `${path}/${k}`);
    if (found === null) return null;
  }
  return found;
}
