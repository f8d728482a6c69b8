// The OpenAPI 3.1 document, generated from the API contract for exactly the routes registered.
import { z } from 'zod';
import type { RouteName, RouteSpec } from '../api/routes.ts';
import { COMMON_ERRORS, ROUTES } from '../api/routes.ts';
import { errorBodySchema } from '../api/schemas.ts';
import { statusOf, isApiErrorCode } from './errors.ts';

type Json = Record<string, unknown>;
const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;

function parameters(spec: RouteSpec): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (schema === undefined) continue;
    const json = schemaOf(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s });
    }
  }
  return out;
}

/** A success response: JSON per the response schema, or bytes in each of the media types it `produces`. */
function successContent(spec: RouteSpec): Json {
  if (spec.produces === undefined) return { 'application/json': { schema: schemaOf(spec.response, 'output') } };
  return Object.fromEntries(spec.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
}

function responses(spec: RouteSpec): Json {
  const out: Json = { [String(spec.status)]: { description: 'OK', content: successContent(spec) } };
  const byStatus = new Map<number, string[]>();
  for (const code of [...spec.errors, ...COMMON_ERRORS]) {
    if (!isApiErrorCode(code)) throw new Error(`route ${spec.path}: unknown error code ${code}`);
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: codes.join(', '),
      content: { 'application/json': { schema: schemaOf(errorBodySchema, 'output') } },
    };
  }
  return out;
}

export function openApiDocument(names: readonly RouteName[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const name of names) {
    const spec: RouteSpec = ROUTES[name];
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: Json = { operationId: name, summary: spec.summary, 'x-role': spec.role, parameters: parameters(spec), responses: responses(spec) };
    if (spec.body === 'canonical') {
      op['requestBody'] = {
        required: true,
        description: 'Canonical JSON text (RFC 8785, ratify/v2 wire format): the exact bytes are checked.',
        content: { 'application/json': { schema: { type: 'object' } } },
      };
    } else if (spec.body !== undefined) {
      op['requestBody'] = { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } };
    }
    if (spec.role === 'member') op['security'] = [{ session: [] }];
    if (spec.role === 'admin') op['security'] = [{ adminToken: [] }];
    (paths[path] ??= {})[spec.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Ratify API', version: '0.1.0', description: 'End-to-end verifiable voting for labor unions.' },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'ratify_session' },
        adminToken: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
