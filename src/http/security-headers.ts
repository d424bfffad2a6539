import type { RequestHandler } from 'express';

/**
 * Headers on every answer, errors and 404s included (mounted first). Every answer is JSON (or
 * Prometheus text) for programs: nothing may run it as a page, frame it, sniff it into HTML, send
 * the URL elsewhere, read it cross-origin, or keep it in a cache (answers carry decisions and audit
 * records that a stale copy would misstate). A route that serves HTML later sets its own CSP.
 */
const HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    next();
  };
}
