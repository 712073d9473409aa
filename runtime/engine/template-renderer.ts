import type { Emitter, Template } from 'liquidjs';
import { Context, toValue, toValueSync } from 'liquidjs';
import type { Liquid } from 'liquidjs';
import { createSandboxedLiquid } from '../../schemas/index.js';
import {
  DEFAULT_TEMPLATE_LIMITS,
  type TemplateLimits,
  type TemplateOutputKind,
} from './template-limits.js';

const CACHE_LIMIT = 5000;

/** A template stopped by a limit; its message says which and how to raise it. */
export class TemplateLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateLimitError';
  }
}

function text(value: unknown): string {
  const v: unknown = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(text).join('');
  return String(v);
}

/** Collects output and stops the render as soon as it passes `max` characters. */
class CappedEmitter implements Emitter {
  buffer = '';
  constructor(
    private readonly max: number,
    private readonly kind: TemplateOutputKind,
  ) {}
  write(html: unknown): void {
    const s = text(html);
    if (this.buffer.length + s.length > this.max)
      throw new TemplateLimitError(
        `the rendered ${this.kind} passed ${this.max} characters (TEMPLATE_MAX_${this.kind.toUpperCase()}_CHARS)`,
      );
    this.buffer += s;
  }
}

/** liquidjs's limit messages, said in Conveyor's words with the setting that raises them. */
function explain(e: unknown, limits: TemplateLimits): unknown {
  if (e instanceof TemplateLimitError) return e;
  const inner = (e as { originalError?: unknown } | null)?.originalError;
  if (inner instanceof TemplateLimitError) return inner;
  const message = e instanceof Error ? e.message : String(e);
  if (message.startsWith('template render limit exceeded'))
    return new TemplateLimitError(
      `the template rendered for longer than ${limits.renderLimit} ms (TEMPLATE_RENDER_LIMIT_MS)`,
    );
  if (message.startsWith('memory alloc limit exceeded'))
    return new TemplateLimitError(
      `the template allocated more than ${limits.memoryLimit} elements (TEMPLATE_MEMORY_LIMIT)`,
    );
  if (message.startsWith('parse length limit exceeded'))
    return new TemplateLimitError(
      `the template is longer than ${limits.parseLimit} characters (TEMPLATE_PARSE_LIMIT)`,
    );
  // V8's own ceiling on a string or the stack: a limit too, whatever reached it.
  if (e instanceof RangeError || inner instanceof RangeError)
    return new TemplateLimitError(`the template went past what the runtime allows: ${message}`);
  return e;
}

/**
 * Renders the model's Liquid texts with no file system and within limits. Whatever
 * goes wrong throws (an unknown placeholder, a limit), which the engine records as
 * the action's failure with this message.
 *
 * @example new TemplateRenderer().render('Hi {{ contact.name }}', ctx, 'message')
 */
export class TemplateRenderer {
  private readonly liquid: Liquid;
  private readonly cache = new Map<string, Template[]>();

  constructor(readonly limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS) {
    const { parseLimit, renderLimit, memoryLimit } = limits;
    this.liquid = createSandboxedLiquid({ parseLimit, renderLimit, memoryLimit });
  }

  render(source: string, scope: Record<string, unknown>, kind: TemplateOutputKind): string {
    try {
      const parsed = this.parse(source);
      // A fresh context per render: its limiters count from zero and from now.
      const ctx = new Context(scope, this.liquid.options, { sync: true }, { liquid: this.liquid });
      const out = new CappedEmitter(this.limits.maxChars[kind], kind);
      toValueSync(this.liquid.renderer.renderTemplates(parsed, ctx, out));
      return out.buffer;
    } catch (e) {
      throw explain(e, this.limits);
    }
  }

  private parse(source: string): Template[] {
    let parsed = this.cache.get(source);
    if (parsed === undefined) {
      parsed = this.liquid.parse(source);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(source, parsed);
    }
    return parsed;
  }
}
