import { OPENAPI_COMPONENTS } from './openapi-components.js';
import { OpenApiSchemas } from './openapi-schema.js';
import type { RouteDef } from './route.js';

/**
 * The OpenAPI 3.1 document of the API, from the same schemas that validate requests;
 * shared shapes are `components` referenced by `$ref`. `tests/http/openapi.test.ts`
 * lints it with Redocly (`redocly.yaml`).
 */
export function buildOpenApi(routes: readonly RouteDef[]): object {
  const schemas = new OpenApiSchemas(OPENAPI_COMPONENTS);
  const error = schemas.schema(OPENAPI_COMPONENTS.find((c) => c.name === 'Error')?.schema ?? {});
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = Object.entries(r.params ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema: schemas.schema(schema),
    }));
    const q = r.query as unknown as { properties?: Record<string, object> } | undefined;
    for (const [name, schema] of Object.entries(q?.properties ?? {})) {
      parameters.push({ name, in: 'query', required: false, schema: schemas.schema(schema) });
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
                  schema: schemas.schema(schema),
                },
              },
            };
    }
    const malformed = {
      description: 'Malformed request',
      content: { 'application/json': { schema: error } },
    };
    if (r.body !== undefined || r.params !== undefined || r.query !== undefined)
      responses['400'] ??= malformed;
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
              content: { 'application/json': { schema: schemas.schema(r.body) } },
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
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Runs published automations against CRM records. Errors: {"error": {"code", "message", "diagnostics"?}}.',
    },
    servers: [{ url: '/', description: 'The runtime serving this document' }],
    paths,
    components: { schemas: schemas.components() },
  };
}
