import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { z } from 'zod';
import { checkpointOf, type Checkpoint } from '../audit/checkpoint.js';
import type { AuditLedger } from '../audit/ledger.js';
import { verifyAudit } from '../audit/verify.js';
import { AppError, ERRORS } from '../errors.js';
import { callerKey, optionalCallerKey, type Authenticator } from '../http/auth.js';
import { scopeOf } from '../http/authorization.js';
import { CalibrationQuerySchema } from '../http/outcome-routes.js';
import { OverrideSchema } from '../http/signoff-routes.js';
import type { ApiKey } from '../keys/key-store.js';
import { streamExport } from '../http/listing-routes.js';
import { ExportQuerySchema, filtersOf, ListQuerySchema, parseQuery } from '../listing/list-query.js';
import { listScopeOf } from '../listing/listing-service.js';
import type { Logger } from '../logger.js';
import { calibrationReport, type CalibrationReport } from '../outcomes/calibration-report.js';
import type { CalibrationSource } from '../outcomes/outcome-store.js';
import { loadAssets } from './assets.js';
import { mayOn, type ConsoleRouteId } from './console-access.js';
import { activeSession, consoleSessions, sessionEnded } from './console-session.js';
import { toText, type SafeHtml } from './html.js';
import { auditPage } from './pages/audit-page.js';
import { calibrationPage } from './pages/calibration-page.js';
import { errorPage } from './pages/error-page.js';
import { evaluationPage } from './pages/evaluation-page.js';
import { evaluationsPage, LIST_FIELDS, type ListField } from './pages/evaluations-page.js';
import type { Viewer } from './pages/layout.js';
import { queuePage } from './pages/queue-page.js';
import { replayPage } from './pages/replay-page.js';
import { signInPage } from './pages/sign-in-page.js';
import { loadEvaluation, loadQueue, type ReviewServices } from './review-data.js';

/**
 * The strict policy of every console answer: only this origin's own script and stylesheet, no
 * inline script or style, images only from here or data: URLs, forms only to here, never framed.
 * `connect-src 'self'` lets console.js send the review heartbeat to this origin, and nowhere else.
 */
export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** How long a session lasts from sign-in. */
export const DEFAULT_SESSION_TTL_MS = 8 * 3_600_000;
/** How long "being reviewed" holds without a heartbeat (console.js beats every minute while the reviewer is active). */
export const DEFAULT_REVIEW_MARK_MS = 3 * 60_000;

export interface ConsoleDeps extends ReviewServices {
  auth: Authenticator;
  ledger: AuditLedger;
  calibration: CalibrationSource;
  logger: Logger;
  sessionTtlMs: number;
  /** Replays simulate like evaluations: past this many at once, a fast 503 (as the API route). */
  maxConcurrentReplays?: number;
}

const isConsolePath = (p: string) => p === '/ui' || p.startsWith('/ui/');

/** A browser asking for a page (navigation sends text/html); programs get problem+json instead. */
const wantsHtml = (req: Request) => (req.get('accept') ?? '').includes('text/html');

const send = (res: Response, status: number, page: SafeHtml) => res.status(status).type('text/html; charset=utf-8').send(toText(page));

const viewerOf = (res: Response): Viewer => ({ key: optionalCallerKey(res), csrf: activeSession(res)?.csrf });
const signedIn = (res: Response): Viewer & { key: ApiKey } => ({ key: callerKey(res), csrf: activeSession(res)?.csrf });

const landing = (key: ApiKey) => (scopeOf('GET /ui/queue', key.role) ? '/ui/queue' : '/ui/evaluations');

/** A query value as one bounded string, or undefined (absent, empty, repeated). */
function one(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v.length === 0 || v.length > max ? undefined : v;
}

/** Fixed messages for what a redirect says happened: the query names one, the text is ours. */
const DONE: Record<string, string> = {
  approve: 'Recorded: you approved.',
  deny: 'Recorded: you denied.',
  request_changes: 'Recorded: you requested changes.',
};

const isIdShape = (s: string) => s.length === 36 && [...s].every((c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c === '-');

/** What the service lets each key see of the domains: every loaded one the API route admits it to. */
const domainsFor = (deps: ConsoleDeps, key: ApiKey, api: Parameters<typeof mayOn>[0]) => [...deps.domains.keys()].filter((d) => mayOn(api, key, { domain: d })).sort();

/** Only the listing's own filter fields, with empty form fields left out (a blank select means "any"). */
function listValues(query: Record<string, unknown>, extra: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of [...LIST_FIELDS, ...extra]) {
    const v = one(query[f], 400);
    if (v !== undefined) out[f] = v;
  }
  return out;
}


const SignOffForm = z.looseObject({ return: z.enum(['queue', 'evaluation']).optional(), csrf: z.string().optional() });
const ReviewingForm = z.looseObject({ state: z.enum(['open', 'closed']).default('open') });

/** The evaluation a console path names (`/ui/evaluations/<id>/…`), to link back to it from an error page. */
function evaluationOfPath(p: string): string | undefined {
  const parts = p.split('/', 5);
  return parts[1] === 'ui' && parts[2] === 'evaluations' && parts[3] !== undefined && isIdShape(parts[3]) ? parts[3] : undefined;
}

/** The review console at /ui/: server-rendered pages over the same services the API routes use. */
export function consoleRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const log = deps.logger;
  const sessions = consoleSessions({ auth: deps.auth, store: deps.store, now: deps.now, sessionTtlMs: deps.sessionTtlMs });
  const guard = (route: ConsoleRouteId) => sessions.guard(route);
  const { assets, missing } = loadAssets();
  if (missing.length > 0) log.warn({ missing }, 'console assets missing: pages are served without them');
  const maxReplays = deps.maxConcurrentReplays ?? 8;
  let replaysInFlight = 0;

  router.use('/ui', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    next();
  });
  router.use('/ui', express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }));

  router.get('/ui/assets/:file', guard('GET /ui/assets/:file'), (req, res) => {
    const asset = assets.get(String(req.params.file));
    if (!asset) throw new AppError('not_found', `no console asset ${req.params.file}`);
    res.set('Cache-Control', 'no-cache').set('ETag', asset.etag);
    if (req.get('if-none-match') === asset.etag) return void res.status(304).end();
    res.status(200).type(asset.type).send(asset.body);
  });

  router.get('/ui/', guard('GET /ui/'), (req, res) => {
    const key = optionalCallerKey(res);
    if (key && scopeOf('POST /ui/sign-in', key.role)) return void res.redirect(303, landing(key));
    const message = sessionEnded(res) || req.query.ended !== undefined
      ? { kind: 'info' as const, text: 'Your session has ended (it expired, you signed out elsewhere, or the key was revoked or rotated out). Sign in again.' }
      : req.query.signed_out !== undefined
        ? { kind: 'info' as const, text: 'Signed out.' }
        : undefined;
    send(res, 200, signInPage({ csrf: sessions.signInToken(req, res), message }));
  });

  router.post('/ui/sign-in', sessions.signInCredential, guard('POST /ui/sign-in'), async (req, res) => {
    const key = callerKey(res);
    await sessions.signIn(req, res, key);
    res.redirect(303, landing(key));
  });

  router.post('/ui/sign-out', guard('POST /ui/sign-out'), async (req, res) => {
    await sessions.signOut(req, res);
    res.redirect(303, '/ui/?signed_out=1');
  });

  router.get('/ui/queue', guard('GET /ui/queue'), async (req, res) => {
    const key = callerKey(res);
    const domains = domainsFor(deps, key, 'GET /v1/evaluations/:id');
    const domain = one(req.query.domain, 100);
    const filters = { domain: domain && domains.includes(domain) ? domain : undefined, agent: one(req.query.agent, 200) };
    const queue = await loadQueue(deps, key, filters, String(res.locals.requestId ?? '') || null);
    const done = one(req.query.done, 40);
    send(res, 200, queuePage(signedIn(res), { queue, filters, domains, now: deps.now(), message: done && DONE[done] ? { kind: 'ok', text: DONE[done] } : undefined }));
  });

  // Before `/ui/evaluations/:id`, which would take "export" for an id.
  router.get('/ui/evaluations/export', guard('GET /ui/evaluations/export'), async (req, res) => {
    const key = callerKey(res);
    const q = parseQuery(ExportQuerySchema, listValues(req.query as Record<string, unknown>, ['format']));
    const scope = listScopeOf(scopeOf('GET /v1/evaluations/export', key.role), key);
    if (!scope) throw new AppError('forbidden', `role '${key.role}' may not export`);
    await streamExport(res, deps.listing, { format: q.format, filters: filtersOf(q), scope, key });
  });

  router.get('/ui/evaluations', guard('GET /ui/evaluations'), async (req, res) => {
    const key = callerKey(res);
    const jump = one(req.query.id, 64);
    if (jump !== undefined) {
      if (isIdShape(jump)) return void res.redirect(303, `/ui/evaluations/${jump.toLowerCase()}`);
      return void send(res, 400, evaluationsPage(signedIn(res), { values: {}, items: [], nextCursor: null, domains: domainsFor(deps, key, 'GET /v1/evaluations/:id'), problem: `'${jump}' is not an evaluation id (a UUID).` }));
    }
    const values = listValues(req.query as Record<string, unknown>);
    const domains = domainsFor(deps, key, 'GET /v1/evaluations/:id');
    const scope = listScopeOf(scopeOf('GET /v1/evaluations', key.role), key);
    if (!scope) throw new AppError('forbidden', `role '${key.role}' may not list evaluations`);
    let q;
    try {
      q = parseQuery(ListQuerySchema, { ...values, ...(one(req.query.cursor, 200) ? { cursor: one(req.query.cursor, 200) } : {}) });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') {
        return void send(res, 400, evaluationsPage(signedIn(res), { values: values as Partial<Record<ListField, string>>, items: [], nextCursor: null, domains, problem: err.detail }));
      }
      throw err;
    }
    const found = await deps.listing.page({ filters: filtersOf(q), scope, limit: q.limit, cursor: q.cursor, key, requestId: String(res.locals.requestId ?? '') || null });
    send(res, 200, evaluationsPage(signedIn(res), { values: values as Partial<Record<ListField, string>>, items: found.items, nextCursor: found.next_cursor, domains }));
  });

  router.get('/ui/evaluations/:id', guard('GET /ui/evaluations/:id'), async (req, res) => {
    const key = callerKey(res);
    const ev = await loadEvaluation(deps, key, String(req.params.id), String(res.locals.requestId ?? '') || null);
    const domain = deps.domains.get(ev.stored.domain);
    const filter = one(req.query.futures, 100);
    const futuresFilter = filter === 'bad' || (filter && ev.stored.futures.some((f) => f.final_outcome === filter)) ? filter : undefined;
    // Opening an escalation one may sign shows the others it is being reviewed (a mark, not a lock).
    if (ev.cannotSign === null && ev.view.effective_decision === 'pending') {
      await deps.store.markReviewing({ evaluationId: ev.stored.id, owner: key.owner, keyId: key.id, name: key.name, seenAt: deps.now() });
    }
    const done = one(req.query.done, 40);
    send(res, 200, evaluationPage(signedIn(res), { ev, domain, futuresFilter, now: deps.now(), message: done && DONE[done] ? { kind: 'ok', text: DONE[done] } : undefined }));
  });

  router.post('/ui/evaluations/:id/sign-off', guard('POST /ui/evaluations/:id/sign-off'), async (req, res) => {
    const key = callerKey(res);
    const form = SignOffForm.safeParse(req.body ?? {});
    if (!form.success) throw new AppError('validation_failed', 'return: queue or evaluation');
    const { return: back, csrf: _csrf, ...rest } = form.data;
    if (rest.expires_in === '') delete rest.expires_in;
    // The API's own schema: the console accepts exactly what POST /v1/evaluations/:id/override does.
    const parsed = OverrideSchema.safeParse(rest);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(form)', message: i.message }));
      throw new AppError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
    }
    const id = String(req.params.id);
    const stored = await deps.evaluations.get(id);
    if (!stored || !mayOn('POST /v1/evaluations/:id/override', key, stored)) throw new AppError('not_found', `no evaluation ${id}`);
    await deps.signOffs.signOff(stored, key, parsed.data);
    await deps.store.unmarkReviewing(stored.id, key.owner);
    res.redirect(303, back === 'queue' ? `/ui/queue?done=${parsed.data.decision}` : `/ui/evaluations/${stored.id}?done=${parsed.data.decision}`);
  });

  router.post('/ui/evaluations/:id/reviewing', guard('POST /ui/evaluations/:id/reviewing'), async (req, res) => {
    const key = callerKey(res);
    const form = ReviewingForm.safeParse(req.body ?? {});
    if (!form.success) throw new AppError('validation_failed', 'state: open or closed');
    const id = String(req.params.id);
    const stored = await deps.evaluations.get(id);
    if (!stored || !mayOn('POST /v1/evaluations/:id/override', key, stored)) throw new AppError('not_found', `no evaluation ${id}`);
    if (form.data.state === 'closed') await deps.store.unmarkReviewing(stored.id, key.owner);
    else if ((await deps.signOffs.view(stored)).effective_decision === 'pending') {
      await deps.store.markReviewing({ evaluationId: stored.id, owner: key.owner, keyId: key.id, name: key.name, seenAt: deps.now() });
    }
    res.status(204).end();
  });

  router.post('/ui/evaluations/:id/replay', guard('POST /ui/evaluations/:id/replay'), async (req, res) => {
    const key = callerKey(res);
    const id = String(req.params.id);
    const stored = await deps.evaluations.get(id);
    if (!stored || !mayOn('POST /v1/evaluations/:id/replay', key, stored)) throw new AppError('not_found', `no evaluation ${id}`);
    if (replaysInFlight >= maxReplays) throw new AppError('overloaded', `${replaysInFlight} replays are in progress`);
    replaysInFlight++;
    try {
      const answer = await deps.replays.replay(stored, key);
      send(res, 200, replayPage(signedIn(res), answer));
    } finally {
      replaysInFlight--;
    }
  });

  router.get('/ui/audit', guard('GET /ui/audit'), async (_req, res) => {
    const report = await verifyAudit(deps.ledger);
    const block = await deps.ledger.latestBlock();
    let checkpoint: Checkpoint | null = null;
    if (block) {
      const pem = (await deps.ledger.publicKeys()).get(block.key_id);
      if (pem) checkpoint = checkpointOf(block, pem);
    }
    send(res, 200, auditPage(signedIn(res), report, checkpoint));
  });

  router.get('/ui/calibration', guard('GET /ui/calibration'), async (req, res) => {
    const key = callerKey(res);
    const domains = domainsFor(deps, key, 'GET /v1/domains/:domain/calibration');
    const asked = one(req.query.domain, 100);
    const domain = asked && domains.includes(asked) ? asked : domains[0];
    const values = { since: one(req.query.since, 40), until: one(req.query.until, 40), policy_version: one(req.query.policy_version, 200) };
    const query = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    const parsed = CalibrationQuerySchema.safeParse(query);
    let report: CalibrationReport | null = null;
    let problem: string | undefined;
    if (!parsed.success) problem = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    else if (domain) {
      const since = parsed.data.since ? new Date(parsed.data.since) : undefined;
      const until = parsed.data.until ? new Date(parsed.data.until) : undefined;
      if (since && until && since >= until) problem = 'since: must be before until';
      else report = await calibrationReport(deps.calibration, { domain, since, until, policyVersion: parsed.data.policy_version });
    }
    send(res, problem ? 400 : 200, calibrationPage(signedIn(res), { domains, domain, values, report, problem }));
  });

  // Anything else under /ui/ is a console 404 (a page for a browser).
  router.use('/ui', (req, _res, next) => next(new AppError('not_found', `no console page ${req.path}`)));

  const pages: ErrorRequestHandler = (err, req, res, next) => {
    if (!isConsolePath(req.path) || res.headersSent || !wantsHtml(req)) return next(err);
    const parserTooLarge = (err as { type?: string }).type === 'entity.too.large';
    const e = err instanceof AppError ? err : parserTooLarge ? new AppError('payload_too_large') : new AppError('internal', undefined, undefined, { cause: err });
    if (!e.operational) log.error({ err, requestId: res.locals.requestId }, 'console page failed');
    const signingIn = req.path === '/ui/sign-in';
    if (signingIn && (e.code === 'unauthenticated' || e.code === 'forbidden')) {
      const text = e.code === 'unauthenticated' ? 'That key is unknown, revoked or rotated out.' : e.detail?.includes('needs one of') ? 'The console is for supervisor and auditor keys; this key has another role.' : (e.detail ?? ERRORS.forbidden.title);
      return void send(res, e.status, signInPage({ csrf: sessions.signInToken(req, res), message: { kind: 'error', text } }));
    }
    if (e.code === 'unauthenticated') return void res.redirect(303, sessionEnded(res) ? '/ui/?ended=1' : '/ui/');
    const id = evaluationOfPath(req.path);
    const back = id && e.code !== 'not_found' ? `/ui/evaluations/${id}` : '/ui/';
    send(res, e.status, errorPage(viewerOf(res), { status: e.status, title: ERRORS[e.code].title, detail: e.operational ? e.detail : undefined, requestId: String(res.locals.requestId ?? ''), back }));
  };
  router.use(pages);
  return router;
}
