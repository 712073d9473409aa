import type { OpenApiComponent } from './openapi-components.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Drops TypeBox's symbol keys and `undefined`: plain JSON. */
function plain(schema: object): Json {
  return JSON.parse(JSON.stringify(schema)) as Json;
}

/**
 * JSON Schema 2020-12 (the dialect of OpenAPI 3.1) from TypeBox's draft-07 output:
 * tuples become `prefixItems` (and `items: false` for a closed one); `$id` and
 * `$schema` go, since the document is one resource; ajv's `discriminator` hint goes
 * (OpenAPI's keyword means something else: it wants named branches), the `oneOf` with
 * a `const` per branch says the same.
 */
function dialect(node: Json): Json {
  if (Array.isArray(node)) return node.map(dialect);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$id' || k === '$schema' || k === 'additionalItems' || k === 'discriminator')
      continue;
    if (k === 'items' && Array.isArray(v)) {
      out.prefixItems = v.map(dialect);
      if (node.additionalItems === false) out.items = false;
      continue;
    }
    out[k] = dialect(v);
  }
  return out;
}

/**
 * Turns route schemas into OpenAPI 3.1 schemas with shared components: each schema a
 * component stands for, wherever it appears (a route, or inside another schema), is
 * replaced by a `$ref` to `#/components/schemas/<name>`.
 */
export class OpenApiSchemas {
  private readonly byJson = new Map<string, string>();
  private readonly documented: Record<string, Json> = {};

  constructor(components: readonly OpenApiComponent[]) {
    for (const c of components)
      for (const s of c.standsFor) this.byJson.set(JSON.stringify(dialect(plain(s))), c.name);
    for (const c of components)
      this.documented[c.name] = this.refs(dialect(plain(c.schema)), c.name);
  }

  /** A route's schema as the document shows it. */
  schema(schema: object): Json {
    return this.refs(dialect(plain(schema)));
  }

  /** `components.schemas` of the document. */
  components(): Record<string, Json> {
    return this.documented;
  }

  private refs(node: Json, self?: string): Json {
    if (Array.isArray(node)) return node.map((n) => this.refs(n));
    if (node === null || typeof node !== 'object') return node;
    const name = this.byJson.get(JSON.stringify(node));
    if (name !== undefined && name !== self) return { $ref: `#/components/schemas/${name}` };
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) out[k] = this.refs(v);
    return out;
  }
}
