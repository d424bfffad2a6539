import type { Request, Response } from 'express';

/** The longest Cookie header read; anything past it is ignored (browsers send far less to one path). */
const MAX_COOKIE_HEADER = 8192;

/** One cookie's value from the request's Cookie header, by a single linear scan (no regular expression). */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  const text = header.length > MAX_COOKIE_HEADER ? header.slice(0, MAX_COOKIE_HEADER) : header;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === ' ' || text[i] === ';')) i++;
    const eq = text.indexOf('=', i);
    const end = text.indexOf(';', i);
    const stop = end === -1 ? text.length : end;
    if (eq !== -1 && eq < stop && text.slice(i, eq).trim() === name) return text.slice(eq + 1, stop).trim();
    i = stop + 1;
  }
  return undefined;
}

export interface CookieSpec {
  name: string;
  value: string;
  maxAgeSeconds: number;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), limited to the
 * console's path, and Secure whenever the request came over HTTPS.
 */
export function setCookie(req: Request, res: Response, spec: CookieSpec): void {
  const parts = [`${spec.name}=${spec.value}`, 'Path=/ui', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(spec.maxAgeSeconds))}`];
  if (req.secure) parts.push('Secure');
  res.append('Set-Cookie', parts.join('; '));
}

export const clearCookie = (req: Request, res: Response, name: string) => setCookie(req, res, { name, value: '', maxAgeSeconds: 0 });
