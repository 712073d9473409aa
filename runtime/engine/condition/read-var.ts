import { FORBIDDEN_PATH_SEGMENTS } from '../../../schemas/index.js';

type Indexable = Record<string, unknown>;

/**
 * Splits a `var` path the way json-logic-js does (`String(path).split('.')`), or
 * returns null for the paths that mean "the whole data" (undefined, null, "").
 */
export function splitVarPath(path: unknown): readonly string[] | null {
  if (path === undefined || path === null || path === '') return null;
  return String(path).split('.');
}

/** True when a path may reach an object's prototype machinery. */
export function isForbiddenPath(segments: readonly string[]): boolean {
  return segments.some((s) => FORBIDDEN_PATH_SEGMENTS.has(s));
}

/**
 * Descends `segments` into `data` exactly like json-logic-js `var`: a null or
 * undefined step, or an undefined value, yields `notFound`; a stored null is a value.
 * Primitives are indexed too (`"abc".length` is 3), as in json-logic-js.
 */
export function readSegments(
  data: unknown,
  segments: readonly string[],
  notFound: unknown,
): unknown {
  let cur = data;
  for (let i = 0; i < segments.length; i++) {
    if (cur === null || cur === undefined) return notFound;
    cur = (cur as Indexable)[segments[i] as string];
    if (cur === undefined) return notFound;
  }
  return cur;
}

/**
 * `{"var": [path, default]}` with both already evaluated. Paths that reach
 * `__proto__`/`constructor`/`prototype` (only possible when the path is computed at
 * run time, since `checkLogic` refuses literal ones) read as not found: the one
 * deliberate difference from json-logic-js, which would return the prototype.
 */
export function readVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  const segments = splitVarPath(path);
  if (segments === null) return data;
  if (isForbiddenPath(segments)) return notFound;
  return readSegments(data, segments, notFound);
}
