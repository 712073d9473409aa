import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics.js';
import { deriveKey } from '../keys/derive-key.js';
import { createAjv } from './create-ajv.js';

type Params = Record<string, string | number>;
interface Described {
  readonly path: string;
  readonly message: string;
  readonly params: Params;
}

/** Patterns of the schemas, said in words instead of a regular expression. */
const PATTERN_WORDS: Readonly<Record<string, { variant: string; words: string }>> = {
  '^[a-z][a-z0-9_-]{0,63}$': {
    variant: 'key',
    words:
      'must be a key: a lower-case Latin letter first, then lower-case Latin letters, digits, "_" or "-", at most 64 characters',
  },
  '^[a-zA-Z][a-zA-Z0-9_-]{0,63}$': {
    variant: 'fieldKey',
    words:
      'must be a field key: a Latin letter first, then Latin letters, digits, "_" or "-", at most 64 characters',
  },
  '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$': {
    variant: 'ref',
    words: 'must be a name of Latin letters, digits, "_" or "-" (not first), at most 64 characters',
  },
  '^https?://': { variant: 'url', words: 'must be an address starting with http:// or https://' },
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': {
    variant: 'time',
    words: 'must be a time of day as HH:MM, from 00:00 to 23:59',
  },
};

/** The value at a JSON Pointer (ajv's `instancePath`), or undefined. */
function valueAt(doc: unknown, pointer: string): unknown {
  let at: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, seg)) return undefined;
    at = (at as Record<string, unknown>)[seg];
  }
  return at;
}

function describePattern(at: string, pattern: string, value: unknown): Described {
  const known = PATTERN_WORDS[pattern];
  if (known === undefined)
    return {
      path: at,
      message: 'has a form that is not allowed here',
      params: { variant: 'pattern' },
    };
  // A name typed where a key belongs: offer the key the designer would derive.
  const suggestion =
    (known.variant === 'key' || known.variant === 'fieldKey') &&
    typeof value === 'string' &&
    value.trim() !== ''
      ? deriveKey(value, new Set(), '')
      : '';
  return suggestion === '' || suggestion === value
    ? { path: at, message: known.words, params: { variant: known.variant } }
    : {
        path: at,
        message: `${known.words}; for example "${suggestion}"`,
        params: { variant: `${known.variant}Suggested`, suggestion },
      };
}

/** Turns one ajv error into a sentence that names the place and what was expected. */
function describe(e: ErrorObject, doc: unknown): Described {
  const at = e.instancePath || '';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        path: `${at}/${String(p.missingProperty)}`,
        message: `is required`,
        params: { variant: 'required' },
      };
    case 'additionalProperties':
      return {
        path: `${at}/${String(p.additionalProperty)}`,
        message: `is not an allowed property here`,
        params: { variant: 'additional' },
      };
    case 'const':
      return {
        path: at,
        message: `must be ${JSON.stringify(p.allowedValue)}`,
        params: { variant: 'allowed', allowed: JSON.stringify(p.allowedValue) },
      };
    case 'enum': {
      const allowed = JSON.stringify(p.allowedValues);
      return {
        path: at,
        message: `must be one of ${allowed}`,
        params: { variant: 'allowed', allowed },
      };
    }
    case 'pattern':
      return describePattern(at, String(p.pattern), valueAt(doc, at));
    case 'discriminator':
      return p.error === 'mapping'
        ? {
            path: `${at}/${String(p.tag)}`,
            message: `is not a known ${String(p.tag)}: ${JSON.stringify(p.tagValue)}`,
            params: { variant: 'unknownKind', value: JSON.stringify(p.tagValue) },
          }
        : {
            path: `${at}/${String(p.tag)}`,
            message: `must be a string naming the ${String(p.tag)}`,
            params: { variant: 'kindMissing' },
          };
    case 'type':
      return {
        path: at,
        message: `must be ${String(p.type)}`,
        params: { variant: 'type', type: String(p.type) },
      };
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        path: at,
        message: e.message ?? 'is out of range',
        params: { variant: e.keyword, limit: Number(p.limit) },
      };
    default:
      return {
        path: at,
        message: e.message ?? 'is invalid',
        params: { variant: 'generic', detail: e.message ?? 'is invalid' },
      };
  }
}

/**
 * Validates a document against a compiled schema; errors become SCHEMA diagnostics
 * whose `params.variant` says which kind of mistake it is (`required`, `key`, ...),
 * so the designer can say it in the admin's language.
 */
export function schemaDiagnostics(validate: ValidateFunction, doc: unknown): Diagnostic[] {
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of validate.errors ?? []) {
    // A oneOf failure repeats what its branch already said.
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const { path, message, params } = describe(e, doc);
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      code: 'SCHEMA',
      severity: 'error',
      path: path || '/',
      message: `${path || '/'} ${message}`,
      params: { ...params, where: path || '/' },
    });
  }
  return mergeAllowed(out);
}

/**
 * A union of literals fails once per literal ("must be \"lead\"", "must be \"deal\""...):
 * one sentence per place listing every allowed value says the same, readably.
 */
function mergeAllowed(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const allowedAt = new Map<string, string[]>();
  for (const d of diagnostics) {
    if (d.params?.variant !== 'allowed') continue;
    const values = allowedAt.get(d.path) ?? [];
    values.push(String(d.params.allowed));
    allowedAt.set(d.path, values);
  }
  const out: Diagnostic[] = [];
  const said = new Set<string>();
  for (const d of diagnostics) {
    const values = d.params?.variant === 'allowed' ? allowedAt.get(d.path) : undefined;
    if (values === undefined || values.length < 2) {
      out.push(d);
      continue;
    }
    // The other literals of this place are in the first one's sentence.
    if (said.has(d.path)) continue;
    said.add(d.path);
    const allowed = values.map((v) => v.replace(/^\[|\]$/g, '')).join(', ');
    out.push({
      ...d,
      message: `${d.path} must be one of ${allowed}`,
      params: { ...d.params, allowed },
    });
  }
  return out;
}

export function compileSchema(schema: object): ValidateFunction {
  return createAjv().compile(schema);
}
