// Registers a route of the API contract (api/routes.ts) on Fastify: checks the role, parses params,
// query and body with the contract's zod schemas (once, here, at the edge), runs the handler and
// sends its Result through the one error mapper. Records each registered route for the OpenAPI
// document, so the document lists exactly what is served.
import type { Result } from '@ratify/crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Role, RouteName, RouteSpec, Routes } from '../api/routes.ts';
import type { StaffRole } from '@ratify/storage';
import { ROUTES } from '../api/routes.ts';
import { CAMPAIGN_BODY_LIMITS } from '../api/campaign-routes.ts';
import { CONSOLE_BODY_LIMITS } from '../api/console-routes.ts';
import { BARGAINING_BODY_LIMITS } from '../api/bargaining-routes.ts';
import type { ApiErrorCode } from './errors.ts';
import { errorBody, statusOf } from './errors.ts';

export type MemberSession = { readonly unionId: string; readonly memberNumber: string; readonly tokenHash: string };

/** A staff session (cookie) with its account. */
export type StaffSessionActor = {
  readonly kind: 'staff';
  readonly id: string;
  readonly username: string;
  readonly role: StaffRole;
  readonly tokenHash: string;
};
/** Who called a staff route: a staff session, or the operations bearer token (RATIFY_ADMIN_TOKEN). */
export type StaffActor = StaffSessionActor | { readonly kind: 'ops_token' };
export type StaffRouteRole = 'admin' | 'observer' | 'trustee' | 'campaign' | 'staff';
export type AuditInput = { readonly actor: StaffActor; readonly action: RouteName; readonly params: unknown };

export type Guards = {
  readonly member: (request: FastifyRequest) => Promise<Result<MemberSession, ApiErrorCode>>;
  readonly admin: (request: FastifyRequest) => Result<true, ApiErrorCode>;
  /** Staff routes (admin, observer, trustee, campaign): session + role + CSRF, or the ops token. Absent: the token only. */
  readonly staff?: (request: FastifyRequest, role: StaffRouteRole) => Promise<Result<StaffActor, ApiErrorCode>>;
  /** Appends to the audit log after every successful state-changing staff route. */
  readonly audit?: (entry: AuditInput) => Promise<void>;
};

type SessionOf<R extends Role> = R extends 'member'
  ? MemberSession
  : R extends 'trustee' | 'campaign' | 'staff'
    ? StaffSessionActor
    : R extends 'admin' | 'observer'
      ? StaffActor
      : null;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type BodyOf<R extends RouteSpec> = R['body'] extends 'canonical' ? string : Infer<R['body']>;

export type HandlerInput<N extends RouteName> = {
  readonly params: Infer<Routes[N]['params' & keyof Routes[N]]>;
  readonly query: Infer<Routes[N]['query' & keyof Routes[N]]>;
  readonly body: BodyOf<Routes[N]>;
  readonly session: SessionOf<Routes[N]['role']>;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
};

export type Handler<N extends RouteName> = (input: HandlerInput<N>) => Promise<Result<z.infer<Routes[N]['response']>, ApiErrorCode>>;

/** Body limits: a ballot is < 256 KiB and a partial decryption < 4 MiB (protocol codec v1). */
const BODY_LIMITS: Partial<Record<RouteName, number>> = {
  ...CONSOLE_BODY_LIMITS,
  ...BARGAINING_BODY_LIMITS,
  ...CAMPAIGN_BODY_LIMITS,
  castBallot: 256 * 1024,
  adminPartialDecryption: 4 * 1024 * 1024,
};
const DEFAULT_BODY_LIMIT = 16 * 1024;

export function sendError(reply: FastifyReply, code: ApiErrorCode, detail?: string): FastifyReply {
  return reply.code(statusOf(code)).send(errorBody(code, detail));
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

type Parsed = { ok: true; value: unknown } | { ok: false; code: ApiErrorCode; detail: string };

function parseBody(spec: RouteSpec, raw: unknown): Parsed {
  const text = typeof raw === 'string' ? raw : undefined;
  if (spec.body === undefined) return { ok: true, value: undefined };
  if (spec.body === 'canonical') {
    return text === undefined || text === '' ? { ok: false, code: 'invalid_json', detail: 'expected a JSON body' } : { ok: true, value: text };
  }
  if (text === undefined) return { ok: false, code: 'invalid_json', detail: 'expected a JSON body' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: 'invalid_json', detail: 'the body does not parse as JSON' };
  }
  const parsed = spec.body.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'invalid_request', detail: firstIssue(parsed.error) };
}

function parseWith(schema: z.ZodType | undefined, value: unknown): Parsed {
  if (schema === undefined) return { ok: true, value: undefined };
  const parsed = schema.safeParse(value ?? {});
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'invalid_request', detail: firstIssue(parsed.error) };
}

export type RouteRegistrar = {
  <N extends RouteName>(name: N, handler: Handler<N>): void;
  readonly registered: readonly RouteName[];
};

export function routeRegistrar(app: FastifyInstance, guards: Guards): RouteRegistrar {
  const registered: RouteName[] = [];
  const register = <N extends RouteName>(name: N, handler: Handler<N>): void => {
    const spec: RouteSpec = ROUTES[name];
    registered.push(name);
    app.route({
      method: spec.method,
      url: spec.path,
      bodyLimit: BODY_LIMITS[name] ?? DEFAULT_BODY_LIMIT,
      handler: async (request, reply) => {
        let session: MemberSession | StaffActor | null = null;
        let actor: StaffActor | null = null;
        if (spec.role === 'member') {
          const s = await guards.member(request);
          if (!s.ok) return sendError(reply, s.error);
          session = s.value;
        } else if (spec.role === 'admin' || spec.role === 'observer' || spec.role === 'trustee' || spec.role === 'campaign' || spec.role === 'staff') {
          if (guards.staff !== undefined) {
            const s = await guards.staff(request, spec.role);
            if (!s.ok) return sendError(reply, s.error);
            actor = s.value;
          } else if (spec.role === 'trustee' || spec.role === 'campaign' || spec.role === 'staff') {
            return sendError(reply, 'staff_sign_in_required');
          } else {
            const a = guards.admin(request);
            if (!a.ok) return sendError(reply, a.error);
            actor = { kind: 'ops_token' };
          }
          session = actor;
        } else if (spec.role !== 'public') {
          // Deny by default: a role without a guard is refused.
          return sendError(reply, 'admin_token_required');
        }
        const params = parseWith(spec.params, request.params);
        if (!params.ok) return sendError(reply, params.code, params.detail);
        const query = parseWith(spec.query, request.query);
        if (!query.ok) return sendError(reply, query.code, query.detail);
        const body = parseBody(spec, request.body);
        if (!body.ok) return sendError(reply, body.code, body.detail);
        const input = { params: params.value, query: query.value, body: body.value, session, request, reply } as HandlerInput<N>;
        const result = await handler(input);
        if (!result.ok) return sendError(reply, result.error, result.detail);
        // Every successful state-changing staff action is audited (who, what, which vote, when).
        if (actor !== null && spec.method !== 'GET' && spec.auditedByService !== true && guards.audit !== undefined) {
          await guards.audit({ actor, action: name, params: params.value });
        }
        return reply.code(spec.status).send(result.value);
      },
    });
  };
  return Object.assign(register, { registered });
}
