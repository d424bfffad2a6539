import request from 'supertest';
import type { Express } from 'express';
import { expect } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { evaluateAs, type SignOffTestService } from '../signoff/sign-off-support.js';

export const SESSION_COOKIE = 'foresight_console';
export const SIGN_IN_COOKIE = 'foresight_console_sign_in';
/** What a browser sends when it navigates: the console answers with pages and redirects. */
export const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The value of one `Set-Cookie` of an answer, with its attributes. */
export function setCookieOf(res: request.Response, name: string): { value: string; attributes: string[] } | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = (raw ?? []).find((l) => l.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return { value: pair.slice(name.length + 1), attributes };
}

/** The hidden `csrf` field of the first form that has one, or the meta tag. */
export function csrfOf(page: string): string | undefined {
  const meta = page.indexOf('<meta name="csrf-token" content="');
  if (meta !== -1) {
    const from = meta + '<meta name="csrf-token" content="'.length;
    return page.slice(from, page.indexOf('"', from));
  }
  const field = page.indexOf('name="csrf" value="');
  if (field === -1) return undefined;
  const from = field + 'name="csrf" value="'.length;
  return page.slice(from, page.indexOf('"', from));
}

export interface Session {
  cookie: string;
  csrf: string;
  token: string;
}

/** Signs in as a browser does: the sign-in page (its token and cookie), then the form with the key. */
export async function signIn(app: Express, apiKey: string): Promise<Session> {
  const form = await request(app).get('/ui/').set(BROWSER);
  expect(form.status).toBe(200);
  const pre = setCookieOf(form, SIGN_IN_COOKIE)!;
  const done = await request(app)
    .post('/ui/sign-in')
    .set(BROWSER)
    .set('Cookie', `${SIGN_IN_COOKIE}=${pre.value}`)
    .type('form')
    .send({ key: apiKey, csrf: csrfOf(form.text)! });
  expect(done.status, done.text).toBe(303);
  const session = setCookieOf(done, SESSION_COOKIE)!;
  const cookie = `${SESSION_COOKIE}=${session.value}`;
  const landing = await request(app).get(done.headers.location).set(BROWSER).set('Cookie', cookie);
  expect(landing.status).toBe(200);
  return { cookie, csrf: csrfOf(landing.text)!, token: session.value };
}

let variant = 0;
/** A fresh escalation (a new crew size each time, so a re-ask does not return the pending one). */
export async function escalation(svc: SignOffTestService, agentId = 'safety-coach'): Promise<string> {
  const body = SCENARIOS.gustyCraneLift.body;
  const made = await evaluateAs(svc, 'agent', { ...body, state: { ...body.state, crew_status: { size: 3 + (++variant % 40), hours_on_site: 9 + (variant % 3) } }, context: { agent_id: agentId } });
  expect(made.status).toBe(200);
  expect(made.body.decision).toBe('escalate');
  return made.body.evaluation_id as string;
}
