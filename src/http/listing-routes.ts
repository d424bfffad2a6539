import { Router, type RequestHandler, type Response } from 'express';
import { csvLine } from '../listing/csv.js';
import { ExportQuerySchema, filtersOf, ListQuerySchema, parseQuery } from '../listing/list-query.js';
import { listScopeOf, SUMMARY_COLUMNS, type EvaluationSummary, type ListingService } from '../listing/listing-service.js';
import type { EvaluationFilters, ListScope } from '../listing/listing-store.js';
import { AppError } from '../errors.js';
import type { ApiKey } from '../keys/key-store.js';
import { callerKey } from './auth.js';
import { scopeOf, type RouteId } from './authorization.js';

export interface ListingRouteDeps {
  listing: ListingService;
  guard(route: RouteId): RequestHandler;
}

/** Resolves when the client has taken what was written (or has gone). */
const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });

const FORMATS = {
  jsonl: { type: 'application/x-ndjson; charset=utf-8', header: '', line: (s: EvaluationSummary) => `${JSON.stringify(s)}\n` },
  csv: {
    type: 'text/csv; charset=utf-8',
    header: csvLine(SUMMARY_COLUMNS),
    line: (s: EvaluationSummary) => csvLine(SUMMARY_COLUMNS.map((c) => (c === 'reason_codes' ? s.reason_codes.join(';') : s[c]))),
  },
} as const;

function scopeFor(route: RouteId, res: Response) {
  const key = callerKey(res);
  const scope = listScopeOf(scopeOf(route, key.role), key);
  if (!scope) throw new AppError('forbidden', `${route} is not open to role '${key.role}'`);
  return { key, scope };
}

/**
 * Streams every evaluation that matches as JSONL or CSV, a page at a time with back-pressure, never
 * holding the result (the API's export and the console's share it).
 */
export async function streamExport(
  res: Response,
  listing: ListingService,
  o: { format: keyof typeof FORMATS; filters: EvaluationFilters; scope: ListScope; key: ApiKey },
): Promise<void> {
  const format = FORMATS[o.format];
  const aborted = new AbortController();
  res.on('close', () => aborted.abort());
  const pages = listing.exportPages({ filters: o.filters, scope: o.scope, key: o.key, requestId: String(res.locals.requestId ?? '') || null, signal: aborted.signal });
  // The first page is read before the headers go out, so a failure there is still a problem+json answer.
  let page = await pages.next();
  res.status(200).type(format.type).set('content-disposition', `attachment; filename="evaluations.${o.format}"`).set('cache-control', 'no-store');
  try {
    if (format.header && !res.write(format.header)) await drained(res);
    while (!page.done && !aborted.signal.aborted) {
      let chunk = '';
      for (const s of page.value) chunk += format.line(s);
      // Back-pressure: the next page is read only once the client has taken this one.
      if (!res.write(chunk)) await drained(res);
      page = await pages.next();
    }
    res.end();
  } catch {
    // Headers are gone: an export cut short must not look complete, so the connection is dropped.
    res.destroy();
  } finally {
    await pages.return(undefined);
  }
}

/** Finding evaluations: `GET /v1/evaluations` (a page) and `GET /v1/evaluations/export` (all of it, streamed). */
export function listingRoutes(deps: ListingRouteDeps): Router {
  const router = Router();

  // Before `GET /v1/evaluations/:id` (mounted after this router), which would take "export" for an id.
  router.get('/v1/evaluations/export', deps.guard('GET /v1/evaluations/export'), async (req, res) => {
    const q = parseQuery(ExportQuerySchema, req.query);
    const { key, scope } = scopeFor('GET /v1/evaluations/export', res);
    await streamExport(res, deps.listing, { format: q.format, filters: filtersOf(q), scope, key });
  });

  router.get('/v1/evaluations', deps.guard('GET /v1/evaluations'), async (req, res) => {
    const q = parseQuery(ListQuerySchema, req.query);
    const { key, scope } = scopeFor('GET /v1/evaluations', res);
    const page = await deps.listing.page({ filters: filtersOf(q), scope, limit: q.limit, cursor: q.cursor, key, requestId: String(res.locals.requestId ?? '') || null });
    res.set('cache-control', 'no-store').json({
      items: page.items,
      next_cursor: page.next_cursor,
      ...(page.next_cursor ? { next: `/v1/evaluations?${nextQuery(req.query as Record<string, string>, page.next_cursor)}` } : {}),
    });
  });

  return router;
}

function nextQuery(query: Record<string, string>, cursor: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (k !== 'cursor') params.set(k, v);
  params.set('cursor', cursor);
  return params.toString();
}
