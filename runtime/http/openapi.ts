import type { TSchema } from '@sinclair/typebox';
import type { RouteDef } from './route.js';

/** Drops TypeBox's symbol keys: plain JSON Schema. */
function plain(schema: TSchema): unknown {
  return JSON.parse(JSON.stringify(schema));
}

/** The OpenAPI 3.1 document of the API, from the same schemas that validate requests. */
export function buildOpenApi(routes: readonly RouteDef[]): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = Object.entries(r.params ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema: plain(schema),
    }));
    const q = r.query as unknown as { properties?: Record<string, TSchema> } | undefined;
    for (const [name, schema] of Object.entries(q?.properties ?? {})) {
      parameters.push({ name, in: 'query', required: false, schema: plain(schema) });
    }
    for (const [name, description] of Object.entries(r.requestHeaders ?? {})) {
      parameters.push({
        name,
        in: 'header',
        required: false,
        description,
        schema: { type: 'string' },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(r.responses)) {
      responses[status] =
        schema === undefined
          ? { description: 'No content' }
          : {
              description: Number(status) < 400 ? 'OK' : 'Error',
              content: {
                [Number(status) < 300 ? (r.produces ?? 'application/json') : 'application/json']: {
                  schema: plain(schema),
                },
              },
            };
    }
    if (r.body !== undefined) responses['400'] ??= { description: 'Malformed or invalid body' };
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method}${path.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: plain(r.body) } },
            },
          }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Conveyor runtime API',
      version: '0.1.0',
      description:
        'Runs published automations against CRM records. Errors: {"error": {"code", "message", "diagnostics"?}}.',
    },
    paths,
  };
}
