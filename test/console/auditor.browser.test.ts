import fs from 'node:fs';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '../../src/container.js';
import { CONSOLE_CSP } from '../../src/console/console-routes.js';
import { PgConsoleStore } from '../../src/console/pg-console-store.js';
import { sealApiKey, sessionTokenHash, newSessionToken } from '../../src/console/session-token.js';
import type { CreatedKey } from '../../src/keys/key-store.js';
import { SCENARIOS } from '../support/scenarios.js';
import { LOWERED_SITE_THRESHOLD, newPlace, openService, packsWithPolicyText, removePlace, replaceOnce, type Place } from '../replay/replay-support.js';
import { CHROMIUM, expectClean, inPage, launchBrowser, listen, openPage, overflow, screenshot, SCREENSHOTS, signInPage, type WatchedPage } from './browser-support.js';

const BOUND = 60_000;
const calm = SCENARIOS.calmCraneLift.body;
const gusty = SCENARIOS.gustyCraneLift.body;
const crane = (base: typeof calm, hours: number) => ({ ...base, state: { ...base.state, crew_status: { size: 6, hours_on_site: hours } } });

interface People {
  agent: CreatedKey;
  alice: CreatedKey;
  erin: CreatedKey;
}

// Skipped only off CI when Chromium is absent; on CI a missing browser fails (.ci/run installs it).
describe.skipIf(!fs.existsSync(CHROMIUM) && !process.env.CI)('the review console in Chromium: auditors, and what other roles may not do', () => {
  let place: Place;
  let packs: ReturnType<typeof packsWithPolicyText>;
  let svc: Container;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let people: People;
  let calmId: string;
  let pendingId: string;
  /** Confirmed outcomes reported on evaluations under the first policy: what the calibration picture counts. */
  let confirmedOutcomes = 0;
  const as = (k: CreatedKey) => ({ Authorization: `Bearer ${k.token}` });

  beforeAll(async () => {
    place = newPlace('postgres');
    const first = await openService(place);
    people = {
      agent: await first.keys.create({ name: 'site-bot', role: 'agent', owner: 'site-automation' }),
      alice: await first.keys.create({ name: 'alice-day', role: 'supervisor', owner: 'alice@example.org' }),
      erin: await first.keys.create({ name: 'erin', role: 'auditor', owner: 'erin@example.org' }),
    };
    // Evaluations under the shipped policy, and what really happened after them, reported by the auditor.
    const evaluate = async (body: object) => {
      const res = await request(first.app).post('/v1/evaluate').set(as(people.agent)).send(body);
      expect(res.status).toBe(200);
      return res.body as { evaluation_id: string; decision: string };
    };
    calmId = (await evaluate(crane(calm, 2))).evaluation_id;
    for (const [body, outcome] of [
      [crane(calm, 2), 'no_incident'],
      [crane(calm, 3), 'no_incident'],
      [crane(calm, 4), 'near_miss'],
      [crane(gusty, 9), 'near_miss'],
      [crane(gusty, 10), 'recordable_incident'],
      [crane(gusty, 11), 'no_incident'],
    ] as const) {
      const made = await evaluate(body);
      const reported = await request(first.app).post(`/v1/evaluations/${made.evaluation_id}/outcome`).set(as(people.erin)).send({ outcome, occurred_at: new Date().toISOString() });
      expect(reported.status).toBe(201);
      confirmedOutcomes++;
    }
    await first.stop();
    // The same database under a lowered site threshold: a replay of the calm lift now escalates.
    packs = packsWithPolicyText((domain, text) => (domain === 'construction_safety' ? replaceOnce(text, LOWERED_SITE_THRESHOLD.from, LOWERED_SITE_THRESHOLD.to) : text));
    svc = await openService(place, packs.dir);
    const pending = await request(svc.app).post('/v1/evaluate').set(as(people.agent)).send(crane(gusty, 12));
    expect(pending.body.decision).toBe('escalate');
    pendingId = pending.body.evaluation_id;
    await svc.audit.sealer.seal();
    server = await listen(svc.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await svc?.stop();
    if (place) await removePlace(place);
    packs?.remove();
  });

  it(
    'when an auditor finds an evaluation and replays it under a lowered threshold, then the diff shows then and now side by side',
    async () => {
      const w = await openPage(browser, server.url);
      try {
        await signInPage(w, people.erin.token);
        expect(new URL(w.page.url()).pathname).toBe('/ui/evaluations');
        // Filter, then open by id.
        await w.page.getByLabel('Model’s answer').selectOption('approve');
        await w.page.getByRole('button', { name: 'Search' }).click();
        await w.page.waitForURL(/decision=approve/);
        expect(await w.page.locator(`#evaluations a[href="/ui/evaluations/${calmId}"]`).count()).toBe(1);
        expect(await w.page.locator('#evaluations .badge-escalate').count()).toBe(0);
        // The export links carry the same filters and stream the listing's own export.
        const csvHref = await w.page.getByRole('link', { name: 'CSV' }).getAttribute('href');
        expect(csvHref).toBe('/ui/evaluations/export?decision=approve&format=csv');
        const csv = await w.context.request.get(csvHref!);
        expect(csv.status()).toBe(200);
        expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
        const lines = (await csv.text()).trim().split('\n');
        expect(lines[0]).toMatch(/^id,created_at,domain,decision/);
        expect(lines.some((l) => l.startsWith(calmId))).toBe(true);
        expect(lines.slice(1).every((l) => l.split(',')[3] === 'approve')).toBe(true);

        await w.page.getByLabel('Evaluation id').fill(calmId);
        await w.page.getByRole('button', { name: 'Open' }).click();
        await w.page.waitForURL(`**/ui/evaluations/${calmId}`);
        // An auditor does not sign: no sign-off form, no section about it.
        expect(await w.page.locator('#sign-off-form').count()).toBe(0);
        await w.page.getByRole('button', { name: 'Replay under today\'s policy' }).click();
        await w.page.waitForLoadState('domcontentloaded');
        const diff = w.page.locator('#replay-diff');
        const decision = await diff.locator('tr', { hasText: 'Decision' }).locator('td').allInnerTexts();
        expect(decision.slice(0, 2)).toEqual(['approve', 'escalate']);
        expect(decision[2]).toContain('changed');
        expect(await diff.locator('tr', { hasText: 'Thresholds' }).locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['incident rate 30%', 'incident rate 5%']));
        expect(await diff.locator('li.added').innerText()).toContain('incident_rate_above_threshold');
        const policyDiff = w.page.locator('table.diff');
        expect(await policyDiff.locator('td.removed').innerText()).toContain('incident_rate: 0.3');
        expect(await policyDiff.locator('td.added').innerText()).toContain('incident_rate: 0.05');
        expect(await overflow(w.page)).toBe(0);
        await screenshot(w.page, 'replay');
        await w.page.getByRole('link', { name: 'Back to the evaluation' }).click();
        expect(await w.page.locator('#replay-history').innerText()).toContain('approve then, escalate now; changed (new policy)');
        expectClean(w);
      } finally {
        await w.close();
      }
    },
    BOUND,
  );

  it(
    'when an auditor opens the audit trail and the calibration, then they see the verify status, the last signed checkpoint and a reliability diagram',
    async () => {
      const w = await openPage(browser, server.url);
      try {
        await signInPage(w, people.erin.token);
        await w.page.getByRole('link', { name: 'Audit trail' }).click();
        const api = await request(svc.app).get('/v1/audit/verify').set(as(people.erin));
        expect(['ok', 'pending']).toContain(api.body.status);
        expect(await w.page.locator('#verify-status').innerText()).toBe(api.body.status);
        const checkpoint = await request(svc.app).get('/v1/audit/checkpoint').set(as(people.erin));
        const shown = await w.page.locator('#checkpoint').innerText();
        expect(shown).toContain(checkpoint.body.block.hash);
        expect(shown).toContain(checkpoint.body.block.key_id);

        await w.page.getByRole('link', { name: 'Calibration' }).click();
        await w.page.getByLabel('Domain').selectOption('construction_safety');
        await w.page.getByRole('button', { name: 'Show' }).click();
        await w.page.waitForURL('**/ui/calibration?domain=construction_safety**');
        const report = (await request(svc.app).get('/v1/domains/construction_safety/calibration').set(as(people.erin))).body;
        const withOutcomes = report.groups.findIndex((g: any) => g.outcomes.confirmed > 0);
        expect(withOutcomes).toBeGreaterThanOrEqual(0);
        const group = w.page.locator('.calibration-group').nth(withOutcomes);
        // A picture: one diagram per rate, each with a point per non-empty bin and its count beside it.
        const incident = group.locator('svg.reliability').first();
        const points = incident.locator('.series-confirmed .series-point');
        const bins = report.groups[withOutcomes].confirmed.incident.bins.filter((b: any) => b.count > 0);
        expect(await points.count()).toBe(bins.length);
        const counts = (await incident.locator('.series-confirmed .series-count').allTextContents()).map(Number);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(confirmedOutcomes);
        expect(counts.sort()).toEqual(bins.map((b: any) => b.count).sort());
        expect(await incident.locator('line.diagonal').count()).toBe(1);
        expect(await group.locator('.brier-score').first().innerText()).toBe(report.groups[withOutcomes].confirmed.incident.brier.toFixed(3));
        await group.screenshot({ path: `${SCREENSHOTS}/calibration.png` });
        expectClean(w);
      } finally {
        await w.close();
      }
    },
    BOUND,
  );

  it(
    'when a role that may not sign posts a sign-off anyway, then it sees no form and the server refuses the forged post',
    async () => {
      const w = await openPage(browser, server.url);
      try {
        await signInPage(w, people.erin.token);
        await w.page.goto(`/ui/evaluations/${pendingId}`);
        expect(await w.page.locator('#sign-off-form').count()).toBe(0);
        expect(await w.page.getByRole('heading', { name: 'Sign-off', exact: true }).count()).toBe(0);
        expect(await w.page.getByRole('link', { name: 'Queue' }).count()).toBe(0);
        const csrf = await w.page.locator('meta[name="csrf-token"]').getAttribute('content');
        const forged = await w.context.request.post(`/ui/evaluations/${pendingId}/sign-off`, { form: { csrf: csrf!, decision: 'approve', reason: 'forged by an auditor' }, maxRedirects: 0 });
        expect(forged.status()).toBe(403);
        const after = await request(svc.app).get(`/v1/evaluations/${pendingId}`).set(as(people.erin));
        expect(after.body.effective_decision).toBe('pending');
        expect(after.body.review.history).toEqual([]);
      } finally {
        await w.close();
      }
    },
    BOUND,
  );

  it(
    'when a supervisor’s form arrives without its CSRF token, or with another session’s, then it is refused and nothing is recorded',
    async () => {
      const w = await openPage(browser, server.url);
      const other = await openPage(browser, server.url);
      try {
        await signInPage(w, people.alice.token);
        await signInPage(other, people.erin.token);
        const theirs = await other.page.locator('meta[name="csrf-token"]').getAttribute('content');
        const missing = await w.context.request.post(`/ui/evaluations/${pendingId}/sign-off`, { form: { decision: 'deny', reason: 'no token' }, maxRedirects: 0 });
        expect(missing.status()).toBe(403);
        expect(await missing.text()).toContain('CSRF token is missing or wrong');
        const wrong = await w.context.request.post(`/ui/evaluations/${pendingId}/sign-off`, { form: { csrf: theirs!, decision: 'deny', reason: 'wrong token' }, maxRedirects: 0 });
        expect(wrong.status()).toBe(403);
        const after = await request(svc.app).get(`/v1/evaluations/${pendingId}`).set(as(people.erin));
        expect(after.body.review.history).toEqual([]);
      } finally {
        await w.close();
        await other.close();
      }
    },
    BOUND,
  );

  it(
    'when an agent key is pasted, then it gets no session and cannot reach the queue; an agent’s session cookie is refused',
    async () => {
      const w = await openPage(browser, server.url);
      try {
        await signInPage(w, people.agent.token);
        expect(new URL(w.page.url()).pathname).toBe('/ui/sign-in');
        expect(await w.page.getByRole('alert').innerText()).toContain('The console is for supervisor and auditor keys');
        expect((await w.context.cookies()).map((c) => c.name)).not.toContain('foresight_console');
        await w.page.goto('/ui/queue');
        expect(new URL(w.page.url()).pathname).toBe('/ui/');

        // Even a session made for an agent key behind the service's back gets no page.
        const token = newSessionToken();
        const now = new Date();
        await new PgConsoleStore(svc.db).openSession({ tokenHash: sessionTokenHash(token), keyId: people.agent.id, sealedKey: sealApiKey(token, people.agent.token), createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000) });
        await w.context.addCookies([{ name: 'foresight_console', value: token, url: server.url }]);
        const queue = await w.page.goto('/ui/queue');
        expect(queue!.status()).toBe(403);
        expect(await w.page.locator('h1').innerText()).toBe('The API key lacks the role this route needs');
        expect(await w.page.locator('#pending, table.queue').count()).toBe(0);
      } finally {
        await w.close();
      }
    },
    BOUND,
  );

  it(
    'when any console page is shown, then it has the strict CSP, landmarks and labelled controls, loads nothing from elsewhere, and fits a tablet',
    async () => {
      const pages = ['/ui/evaluations', `/ui/evaluations/${pendingId}`, '/ui/audit', '/ui/calibration'];
      for (const viewport of [{ width: 1366, height: 900 }, { width: 820, height: 1180 }]) {
        const w: WatchedPage = await openPage(browser, server.url, viewport);
        try {
          await signInPage(w, people.erin.token);
          for (const path of pages) {
            const res = await w.page.goto(path);
            expect(res!.status(), path).toBe(200);
            expect(res!.headers()['content-security-policy']).toBe(CONSOLE_CSP);
            const a11y = await inPage(
              w.page,
              `(() => {
                const all = (q) => [...document.querySelectorAll(q)];
                return {
                  landmarks: ['header[role=banner]', 'nav', 'main', 'footer[role=contentinfo]'].map((q) => all(q).length),
                  unlabelled: all('input:not([type=hidden]), select, textarea').filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')).map((el) => el.outerHTML.slice(0, 80)),
                  h1: all('h1').length,
                  svgWithoutName: all('svg').filter((el) => !el.getAttribute('aria-labelledby')).length,
                  inlineScripts: all('script').filter((el) => !el.src).length,
                  styleAttributes: all('[style]').length,
                  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                };
              })()`,
            );
            expect(a11y, path).toEqual({ landmarks: [1, 1, 1, 1], unlabelled: [], h1: 1, svgWithoutName: 0, inlineScripts: 0, styleAttributes: 0, overflow: 0 });
          }
          // The skip link is the first stop of the keyboard and leads to the content.
          await w.page.goto('/ui/audit');
          await w.page.keyboard.press('Tab');
          expect(await inPage(w.page, 'document.activeElement.textContent')).toBe('Skip to content');
          expectClean(w);
        } finally {
          await w.close();
        }
      }
    },
    BOUND,
  );
});
