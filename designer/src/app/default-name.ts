/**
 * A default name not yet taken: "New stage", then "New stage 2", "New stage 3"...
 *
 * @example defaultName('New stage', ['New stage']) // 'New stage 2'
 */
export function defaultName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}
