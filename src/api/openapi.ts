import { z } from 'zod';
import { EvaluateRequestSchema } from '../evaluation/evaluate.js';
import { ROUTE_ACCESS, ROUTE_IDS, rolesOf, scopeOf, type RouteId } from '../http/authorization.js';
import { CalibrationQuerySchema, OutcomeSchema } from '../http/outcome-routes.js';
import { EraseSchema, SubjectEraseSchema } from '../http/privacy-routes.js';
import { CheckSchema, OverrideSchema, RevokeSchema } from '../http/signoff-routes.js';
import { ExportQuerySchema, ListQuerySchema } from '../listing/list-query.js';
import { CheckAnswerSchema, EvaluateAnswerSchema, HealthSchema, ProblemSchema, ReloadAnswerSchema, StoredEvaluationSchema } from './schemas.js';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes parse requests with and
 * the client parses answers with, and from the one authorisation table (who may call what). Every
 * route of that table has an operation here: a test walks both, and checks real answers against
 * the schemas the document names.
 */

export interface Operation {
  /** The request body's schema, when the route takes one. */
  body?: z.ZodType;
  /** The query's schema, when the route reads one. */
  query?: z.ZodType;
  /** The schema of a 200 answer; a route that streams or answers text names its media type instead. */
  ok?: z.ZodType;
  okMediaType?: string;
  /** Problem statuses this route answers with, beyond the ones every keyed route may give (401, 403). */
  problems?: number[];
}

const Anything = z.record(z.string(), z.unknown());

/** Operations by route. Routes added to the authorisation table join here. */
export const OPERATIONS: Partial<Record<RouteId, Operation>> = {
  'POST /v1/evaluate': { body: EvaluateRequestSchema, ok: EvaluateAnswerSchema, problems: [400, 404, 409, 413, 415, 429, 503] },
  'GET /v1/evaluations/:id': { ok: StoredEvaluationSchema, problems: [400, 404] },
  'POST /v1/evaluations/:id/override': { body: OverrideSchema, ok: Anything, problems: [400, 404, 409] },
  'POST /v1/evaluations/:id/revoke-approval': { body: RevokeSchema, ok: Anything, problems: [400, 404, 409] },
  'POST /v1/evaluations/:id/check': { body: CheckSchema, ok: CheckAnswerSchema, problems: [400, 404] },
  'GET /v1/evaluations': { query: ListQuerySchema, ok: z.object({ items: z.array(Anything), next_cursor: z.string().nullable() }).loose(), problems: [400] },
  'GET /v1/evaluations/export': { query: ExportQuerySchema, okMediaType: 'application/x-ndjson', problems: [400] },
  'POST /v1/evaluations/:id/outcome': { body: OutcomeSchema, ok: Anything, problems: [400, 404] },
  'POST /v1/evaluations/:id/replay': { ok: Anything, problems: [400, 404, 409, 503] },
  'POST /v1/evaluations/:id/erase': { body: EraseSchema, ok: Anything, problems: [400, 404, 409] },
  'POST /v1/personal-data/erase': { body: SubjectEraseSchema, ok: Anything, problems: [400] },
  'GET /v1/domains/:domain/calibration': { query: CalibrationQuerySchema, ok: Anything, problems: [400, 404] },
  'GET /openapi.json': { ok: Anything },
  'GET /v1/domains': { ok: Anything },
  'GET /v1/domains/:domain': { ok: Anything, problems: [404] },
  'GET /v1/audit/verify': { ok: Anything },
  'POST /v1/audit/verify': { body: Anything, ok: Anything, problems: [400] },
  'GET /v1/audit/checkpoint': { ok: Anything, problems: [404] },
  'GET /v1/evaluations/:id/proof': { ok: Anything, problems: [404] },
  'GET /metrics': { okMediaType: 'text/plain' },
  // No body (or `{}`). 422: a file on disk did not load, and the problem names it (`file`, `problem`); 503: the database, or a stop.
  'POST /v1/admin/reload': { ok: ReloadAnswerSchema, problems: [400, 415, 422, 503] },
  'GET /healthz': { ok: HealthSchema },
  'GET /readyz': { ok: HealthSchema, problems: [503] },
};

const jsonSchema = (s: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** `/v1/evaluations/:id` → `/v1/evaluations/{id}`, with its path parameters. */
function pathOf(route: RouteId): { method: string; path: string; params: string[] } {
  const [method, raw] = route.split(' ') as [string, string];
  const params: string[] = [];
  const path = raw
    .split('/')
    .map((seg) => (seg.startsWith(':') ? (params.push(seg.slice(1)), `{${seg.slice(1)}}`) : seg))
    .join('/');
  return { method: method.toLowerCase(), path, params };
}

const problemResponse = (status: number) => ({ description: `problem (${status})`, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  // The API, not the console's pages (src/console): those are HTML for people.
  for (const route of ROUTE_IDS.filter((r) => !r.split(' ')[1].startsWith('/ui'))) {
    const op = OPERATIONS[route];
    if (!op) throw new Error(`no OpenAPI operation for ${route} (src/api/openapi.ts)`);
    const { method, path, params } = pathOf(route);
    const open = scopeOf(route, undefined) !== undefined;
    const responses: Record<string, unknown> = {
      200: op.ok
        ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.ok, 'output') } } }
        : { description: 'OK', content: { [op.okMediaType ?? 'application/json']: { schema: { type: 'string' } } } },
    };
    for (const status of [...(open ? [] : [401, 403]), ...(op.problems ?? [])]) responses[status] = problemResponse(status);
    const parameters = [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(op.query ? queryParameters(op.query) : []),
    ];
    (paths[path] ??= {})[method] = {
      operationId: route.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
      summary: ROUTE_ACCESS[route].purpose,
      'x-roles': rolesOf(route),
      ...(open ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Foresight', version, description: 'A guardrail for AI agents that simulates before it acts. Every refusal of evaluate carries decision: escalate.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key (foresight keys create)' } },
      schemas: { Problem: jsonSchema(ProblemSchema, 'output') },
    },
    paths,
  };
}

function queryParameters(schema: z.ZodType): Record<string, unknown>[] {
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: js.required?.includes(name) ?? false, schema: s }));
}
