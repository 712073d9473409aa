import {
  DEFAULT_TEMPLATE_LIMITS,
  TEMPLATE_OUTPUT_KINDS,
  type TemplateLimits,
  type TemplateOutputKind,
} from '../engine/template-limits.js';

/** A setting that is not a positive whole number: start-up says which and stops. */
export class TemplateLimitSettingError extends Error {
  constructor(name: string, value: string) {
    super(`${name} must be a positive whole number, got "${value}"`);
    this.name = 'TemplateLimitSettingError';
  }
}

function read(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new TemplateLimitSettingError(name, raw);
  return n;
}

/**
 * Template limits from the environment (runtime/README.md, "Templates"):
 * `TEMPLATE_RENDER_LIMIT_MS`, `TEMPLATE_MEMORY_LIMIT`, `TEMPLATE_PARSE_LIMIT` and
 * `TEMPLATE_MAX_<KIND>_CHARS` per output kind; unset ones keep their defaults.
 *
 * @example templateLimitsFromEnv({ TEMPLATE_MAX_EMAIL_CHARS: '50000' }).maxChars.email // 50000
 */
export function templateLimitsFromEnv(env: NodeJS.ProcessEnv): TemplateLimits {
  const d = DEFAULT_TEMPLATE_LIMITS;
  const maxChars = {} as Record<TemplateOutputKind, number>;
  for (const kind of TEMPLATE_OUTPUT_KINDS)
    maxChars[kind] = read(env, `TEMPLATE_MAX_${kind.toUpperCase()}_CHARS`, d.maxChars[kind]);
  return {
    renderLimit: read(env, 'TEMPLATE_RENDER_LIMIT_MS', d.renderLimit),
    memoryLimit: read(env, 'TEMPLATE_MEMORY_LIMIT', d.memoryLimit),
    parseLimit: read(env, 'TEMPLATE_PARSE_LIMIT', d.parseLimit),
    maxChars,
  };
}
