import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics.js';
import { createAjv } from './create-ajv.js';

/** Turns one ajv error into a sentence that names the place and what was expected. */
function describe(e: ErrorObject): { path: string; message: string } {
  const at = e.instancePath || '';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path: `${at}/${String(p.missingProperty)}`, message: `is required` };
    case 'additionalProperties':
      return {
        path: `${at}/${String(p.additionalProperty)}`,
        message: `is not an allowed property here`,
      };
    case 'const':
      return { path: at, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'enum':
      return { path: at, message: `must be one of ${JSON.stringify(p.allowedValues)}` };
    case 'discriminator':
      return p.error === 'mapping'
        ? {
            path: `${at}/${String(p.tag)}`,
            message: `is not a known ${String(p.tag)}: ${JSON.stringify(p.tagValue)}`,
          }
        : {
            path: `${at}/${String(p.tag)}`,
            message: `must be a string naming the ${String(p.tag)}`,
          };
    default:
      return { path: at, message: e.message ?? 'is invalid' };
  }
}

/** Validates a document against a compiled schema; errors become SCHEMA diagnostics. */
export function schemaDiagnostics(validate: ValidateFunction, doc: unknown): Diagnostic[] {
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of validate.errors ?? []) {
    // A oneOf failure repeats what its branch already said.
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const { path, message } = describe(e);
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      code: 'SCHEMA',
      severity: 'error',
      path: path || '/',
      message: `${path || '/'} ${message}`,
    });
  }
  return out;
}

export function compileSchema(schema: object): ValidateFunction {
  return createAjv().compile(schema);
}
