import type { TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../schemas/validation/create-ajv.js';
import { schemaDiagnostics } from '../../schemas/validation/validate-schema.js';
import { checkJsonDepth } from './check-json-depth.js';
import { HttpError } from './http-error.js';

const ajv = createAjv();
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Validates one part of a request; 400 naming each JSON path and what it expected. */
export function validatePart(
  schema: TSchema,
  value: unknown,
  part: 'body' | 'query' | 'path',
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
  throw new HttpError(
    400,
    'INVALID_REQUEST',
    `invalid ${part}: ${diagnostics.map((d) => `${where}${d.message}`).join('; ')}`,
    diagnostics,
  );
}
