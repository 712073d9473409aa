type JsonObject = { [key: string]: unknown };

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function tagOf(member: unknown, prop: string): boolean {
  if (!isObject(member) || !isObject(member.properties)) return false;
  const p = member.properties[prop];
  const required = Array.isArray(member.required) && member.required.includes(prop);
  return required && isObject(p) && typeof p.const === 'string';
}

/**
 * Rewrites unions of string literals into `enum`, and `anyOf` unions of objects tagged by `type`, `kind` or `do` into
 * `oneOf` + `discriminator`, so ajv reports errors of the one matching branch
 * (or "unknown type") instead of every branch's complaints.
 */
export function discriminateUnions<T>(schema: T): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v);
    const members = out.anyOf;
    if (Array.isArray(members) && members.length > 1) {
      // A union of string literals reads better as one enum: "must be one of [...]".
      if (members.every((m) => isObject(m) && typeof m.const === 'string')) {
        delete out.anyOf;
        out.type = 'string';
        out.enum = members.map((m) => (m as JsonObject).const);
        return out;
      }
      const prop = ['type', 'kind', 'do'].find((p) => members.every((m) => tagOf(m, p)));
      if (prop) {
        delete out.anyOf;
        out.type = 'object';
        out.discriminator = { propertyName: prop };
        out.required = [prop];
        out.oneOf = members;
      }
    }
    return out;
  };
  return walk(JSON.parse(JSON.stringify(schema))) as T;
}
