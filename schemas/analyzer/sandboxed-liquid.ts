import {
  CaptureTag,
  Liquid,
  Tag,
  type Context,
  type FS,
  type TagToken,
  type TopLevelToken,
} from 'liquidjs';

/** Tags that load another file: templates live in the model, so there is none to load. */
export const FILE_TAGS = ['include', 'render', 'layout'] as const;

/** Thrown while parsing a template that uses one of `FILE_TAGS` (anywhere, `{% liquid %}` too). */
export class FileTagRefusedError extends Error {
  constructor(readonly tag: string) {
    super(
      `{% ${tag} %} loads another file, which templates cannot do; put the text in this template`,
    );
    this.name = 'FileTagRefusedError';
  }
}

/** liquidjs's DoS limits (see its `parseLimit`, `renderLimit`, `memoryLimit` options). */
export interface LiquidLimits {
  /** Characters one `parse()` may read. */
  readonly parseLimit: number;
  /** Milliseconds one render may take. */
  readonly renderLimit: number;
  /** Elements and characters the filters, ranges and loops of one render may allocate. */
  readonly memoryLimit: number;
}

const refuse = (): never => {
  throw new Error('templates have no files to read');
};

/** A file system with no files: nothing exists, nothing can be read. */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => refuse(),
  readFileSync: refuse,
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

/** Stands in for `include`/`render`/`layout`: the template does not parse. */
class RefusedFileTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    throw new FileTagRefusedError(token.name);
  }
  render(): void {}
}

/**
 * `capture` that counts what it keeps against the memory limit: liquidjs counts the
 * strings its filters build but not a captured one, so doubling a string by capturing
 * it twice in a loop would otherwise grow without a bound.
 */
class BoundedCaptureTag extends CaptureTag {
  override *render(ctx: Context): Generator<unknown, void, string> {
    const html: string = yield this.liquid.renderer.renderTemplates(this.templates, ctx);
    ctx.memoryLimit.use(html.length);
    ctx.bottom()[this.variable] = html;
  }
}

/**
 * A Liquid engine with no file system at all: the file tags are replaced by one that
 * refuses to parse (which also covers lines of a `{% liquid %}` block, parsed by the
 * same parser), and the `fs` it would fall back to has no files. `capture` counts
 * against `memoryLimit`. Placeholders that do not exist and unknown filters throw.
 *
 * @example createSandboxedLiquid({ renderLimit: 500 }).parseAndRenderSync('{{ a }}', { a: 1 })
 */
export function createSandboxedLiquid(limits: Partial<LiquidLimits> = {}): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    fs: NO_FILES,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    ...limits,
  });
  for (const tag of FILE_TAGS) liquid.registerTag(tag, RefusedFileTag);
  liquid.registerTag('capture', BoundedCaptureTag);
  return liquid;
}

/** The tag name when `e` (or what it wraps) says a file tag was refused. */
export function refusedFileTag(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 8 && cur instanceof Error; i++) {
    if (cur instanceof FileTagRefusedError) return cur.tag;
    // liquidjs wraps what a tag throws in a ParseError that keeps it as `originalError`.
    cur = (cur as { originalError?: unknown }).originalError;
  }
  return undefined;
}
