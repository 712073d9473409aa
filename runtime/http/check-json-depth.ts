import { HttpError } from './http-error.js';

/**
 * Deepest nesting a request body may have. Models nest about 12 levels and
 * JSON-Logic at most 32 more; 5,000 levels overflow `JSON.stringify` when the store
 * writes the file, which would make the slice holding that record unwritable.
 */
export const MAX_BODY_DEPTH = 64;

/**
 * Refuses a body nested deeper than `MAX_BODY_DEPTH` with a 400 naming the first
 * path that goes too deep. Iterative, so the check itself cannot overflow the stack.
 *
 * @example checkJsonDepth({ a: { b: 1 } }); // fine
 */
export function checkJsonDepth(value: unknown, max = MAX_BODY_DEPTH): void {
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length > 0) {
    const [v, path, depth] = stack.pop() as [unknown, string, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) {
      throw new HttpError(
        400,
        'INVALID_REQUEST',
        `${path || '/'} nests deeper than ${max} levels`,
        [
          {
            code: 'TOO_DEEP',
            severity: 'error',
            path: path || '/',
            message: `${path || '/'} nests deeper than ${max} levels`,
          },
        ],
      );
    }
    for (const [k, child] of Object.entries(v)) {
      if (child !== null && typeof child === 'object')
        stack.push([child, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1]);
    }
  }
}
