import type { TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../schemas/validation/create-ajv.js';
import { schemaDiagnostics } from '../../schemas/validation/validate-schema.js';
import { checkJsonDepth } from './check-json-depth.js';
import { HttpError } from './http-error.js';

const ajv = createAjv();
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** The value at a diagnostic's path of a path-parameter object, quoted and cut short. */
function shown(params: unknown, path: string | undefined): string {
  const name = (path ?? '').slice(1);
  const v = Object.hasOwn(params as object, name)
    ? String((params as Record<string, unknown>)[name])
    : '';
  return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
}

/** Validates one part of a request; 400 (or `status`) naming each place and what it expected. */
export function validatePart(
  schema: TSchema,
  value: unknown,
  part: 'body' | 'query' | 'path',
  status: 400 | 404 = 400,
): void {
  if (part === 'body') checkJsonDepth(value);
  let fn = compiled.get(schema);
  if (fn === undefined) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  const diagnostics = schemaDiagnostics(fn, value);
  if (diagnostics.length === 0) return;
  const where = part === 'query' ? 'query parameter ' : part === 'path' ? 'path parameter ' : '';
  const what = diagnostics
    .map((d) => `${where}${d.message}${part === 'path' ? ` (got ${shown(value, d.path)})` : ''}`)
    .join('; ');
  throw new HttpError(
    status,
    status === 404 ? 'NOT_FOUND' : 'INVALID_REQUEST',
    `${status === 404 ? 'not found' : `invalid ${part}`}: ${what}`,
    diagnostics,
  );
}
