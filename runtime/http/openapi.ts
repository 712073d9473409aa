import { OPENAPI_COMPONENTS } from './openapi-components.js';
import { OpenApiSchemas } from './openapi-schema.js';
import { BULK_READ_PATHS } from './rate-limits.js';
import type { RouteDef } from './route.js';
import { SESSION_COOKIE } from './session-cookie.js';

/** Either credential authenticates a route that is not open. */
const SIGNED_IN = [{ sessionCookie: [] }, { apiToken: [] }];
const RATE_LIMITED = new Set<string>([
  ...BULK_READ_PATHS.map((p) => `get ${p}`),
  'post /api/hooks/:token',
  'post /api/auth/sign-in',
]);
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

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
    const failure = (description: string) => ({
      description,
      content: { 'application/json': { schema: error } },
    });
    if (r.body !== undefined || r.params !== undefined || r.query !== undefined)
      responses['400'] ??= failure('Malformed request');
    if (r.open !== 'always')
      responses['401'] ??= failure(
        r.open === undefined
          ? 'No valid session cookie or API token (UNAUTHENTICATED), or no owner yet (SETUP_REQUIRED)'
          : 'No owner yet (SETUP_REQUIRED)',
      );
    if (r.permission !== undefined && r.permission !== 'signed-in')
      responses['403'] ??= failure(
        `The caller's role may not do this (FORBIDDEN; x-permission names what is needed)`,
      );
    if (WRITES.has(r.method)) {
      responses['403'] ??= failure(
        'A cookie-borne change from another origin (CROSS_SITE), or not allowed',
      );
      responses['415'] ??= failure('The body is not declared application/json');
      responses['503'] ??= failure('The store refused the write (STORE_UNAVAILABLE)');
    }
    responses['421'] ??= failure('The Host header is not one this server answers for');
    if (RATE_LIMITED.has(`${r.method} ${r.path}`))
      responses['429'] ??= {
        ...failure('Too many requests (RATE_LIMITED)'),
        headers: {
          'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
        },
      };
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: r.open === undefined ? SIGNED_IN : [],
      ...(r.permission === undefined ? {} : { 'x-permission': r.permission }),
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
    security: SIGNED_IN,
    paths,
    components: {
      schemas: schemas.components(),
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by POST /api/auth/sign-in (HttpOnly, SameSite=Lax)',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token from POST /api/tokens (cvy_...)',
        },
      },
    },
  };
}
