import { mayAccess, scopeOf, type Owned, type RouteId } from '../http/authorization.js';
import type { ApiKey } from '../keys/key-store.js';

/**
 * Each console route, and the API routes whose data and actions it shows. The console is another
 * face of those routes, never a way around them: a role may use a console route only when every
 * API route under it admits that role (test/console/console-access.test.ts checks the table), and a
 * record is shown or acted on only when `mayAccess` of the API route says so.
 */
export const CONSOLE_ROUTES = {
  'GET /ui/': [],
  'GET /ui/assets/:file': [],
  'POST /ui/sign-in': [],
  'POST /ui/sign-out': [],
  'GET /ui/queue': ['GET /v1/evaluations', 'GET /v1/evaluations/:id'],
  'GET /ui/evaluations': ['GET /v1/evaluations'],
  'GET /ui/evaluations/export': ['GET /v1/evaluations/export'],
  'GET /ui/evaluations/:id': ['GET /v1/evaluations/:id'],
  'POST /ui/evaluations/:id/sign-off': ['POST /v1/evaluations/:id/override'],
  'POST /ui/evaluations/:id/reviewing': ['POST /v1/evaluations/:id/override'],
  'POST /ui/evaluations/:id/replay': ['POST /v1/evaluations/:id/replay'],
  'GET /ui/audit': ['GET /v1/audit/verify', 'GET /v1/audit/checkpoint'],
  'GET /ui/calibration': ['GET /v1/domains/:domain/calibration'],
} as const satisfies Partial<Record<RouteId, readonly RouteId[]>>;

export type ConsoleRouteId = keyof typeof CONSOLE_ROUTES;

/** Whether the signed-in role may use a console route at all: what it may not do is not shown. */
export function mayUse(route: ConsoleRouteId, key: ApiKey | undefined): boolean {
  return key !== undefined && scopeOf(route, key.role) !== undefined;
}

/** Whether `key` may see or act on one record through the API route `api`. */
export const mayOn = (api: RouteId, key: ApiKey, record: Owned): boolean => mayAccess(api, key, record);
