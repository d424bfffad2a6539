import fs from 'node:fs';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { evaluateAs, MINUTE, packsWith, startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';
import { escalation } from './console-support.js';
import { CHROMIUM, expectClean, focused, inPage, launchBrowser, listen, openPage, screenshot, SCREENSHOTS, signInPage } from './browser-support.js';

const BOUND = 60_000;
const triage = SCENARIOS.atypicalMiSentHome.body;

/** The time from opening an escalation to a recorded sign-off, measured in the first flow (for the closing note). */
export const measured: { openToSignOffMs?: number } = {};

// Skipped only off CI when Chromium is absent; on CI a missing browser fails (.ci/run installs it).
describe.skipIf(!fs.existsSync(CHROMIUM) && !process.env.CI)('the review console in Chromium: supervisors', () => {
  let svc: SignOffTestService;
  let packs: ReturnType<typeof packsWith>;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let age = 40;

  /** A triage escalation (one sign-off): a new age each time, so a re-ask does not return the pending one. */
  const triageEscalation = async (agentId: string) => {
    const made = await evaluateAs(svc, 'agent', { ...triage, state: { ...triage.state, caller_demographics: { ...triage.state.caller_demographics, age: ++age } }, context: { agent_id: agentId } });
    expect(made.body.decision).toBe('escalate');
    return made.body.evaluation_id as string;
  };

  beforeAll(async () => {
    // Construction-site lifts need two people; triage needs one.
    packs = packsWith((domain, policy) => {
      if (domain === 'construction_safety') policy.override = { ...policy.override, sign_offs: 2 };
    });
    svc = await startSignOffService('postgres', { env: { PACKS_DIR: packs.dir } });
    server = await listen(svc.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await svc?.stop();
    packs?.remove();
  });

  it(
    'when a supervisor signs in, opens an escalation from the queue, reads its futures and approves with a reason, then the agent’s long poll returns approve',
    async () => {
      const id = await triageEscalation('nurse-line');
      const w = await openPage(browser, server.url);
      try {
        await signInPage(w, svc.people.alice.token);
        expect(new URL(w.page.url()).pathname).toBe('/ui/queue');
        // The key is never kept by the browser: only an HttpOnly session cookie.
        const cookies = await w.context.cookies();
        expect(cookies.map((c) => c.name).sort()).toEqual(['foresight_console']);
        expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/ui' });
        expect(cookies[0].value).not.toContain(svc.people.alice.token);
        expect(await inPage(w.page, 'document.cookie')).toBe('');

        const row = w.page.locator(`tr[data-id="${id}"]`);
        await expect.poll(() => row.count()).toBe(1);
        const cells = await row.locator('td').allInnerTexts();
        expect(cells[1]).toBe('triage');
        expect(cells[2]).toBe('nurse-line');
        expect(cells[3]).toContain('Recommend antacid');
        expect(cells[4]).toMatch(/\d+% (incident|adverse-outcome) probability \(\d+ of 16 futures end in (an incident|an adverse outcome)\); threshold \d+%/);
        expect(cells[5]).toMatch(/^(2[5-9]|30) min left$/);
        expect(cells[6]).toContain('1 sign-off needed');
        await screenshot(w.page, 'queue');

        const opened = Date.now();
        await row.getByRole('link').click();
        await w.page.waitForURL(`**/ui/evaluations/${id}`);
        // The futures as timelines, bad first.
        const futures = w.page.locator('#futures-list > li');
        expect(await futures.count()).toBe(16);
        const bad = await futures.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-bad') === 'true'));
        expect(bad.indexOf(false) === -1 || bad.slice(bad.indexOf(false)).every((b) => !b)).toBe(true);
        expect(bad[0]).toBe(true);
        expect(await futures.first().locator('.timeline > li').count()).toBeGreaterThan(0);
        const firstStep = await futures.first().locator('.timeline > li').first().innerText();
        expect(firstStep).toMatch(/step 1/);
        // Filtering by outcome shows that outcome only, at once.
        const outcome = await futures.first().getAttribute('data-outcome');
        await w.page.getByLabel('Show').selectOption(outcome!);
        const visible = w.page.locator('#futures-list > li:not([hidden])');
        const shownOutcomes = await visible.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-outcome')));
        expect(shownOutcomes.length).toBeGreaterThan(0);
        expect(new Set(shownOutcomes)).toEqual(new Set([outcome]));
        expect(await w.page.locator('#futures-count').innerText()).toBe(`${shownOutcomes.length} of 16 futures shown.`);
        await w.page.getByLabel('Show').selectOption('');
        await w.page.screenshot({ path: `${SCREENSHOTS}/evaluation.png`, fullPage: true });
        const box = (await w.page.locator('#futures').boundingBox())!;
        await w.page.screenshot({ path: `${SCREENSHOTS}/evaluation-futures.png`, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1100) } });
        // The reasons carry their citations; the rates are drawn against the threshold.
        expect(await w.page.locator('.reasons .citation').first().innerText()).toMatch(/AHA|NICE/);
        expect(await w.page.locator('svg.rate-chart .chart-threshold').count()).toBeGreaterThan(0);

        const poll = fetch(`${server.url}/v1/evaluations/${id}?wait=30s`, { headers: svc.as('agent') });
        await w.page.getByLabel('Approve (override the escalation)').check();
        await w.page.getByLabel('Reason (required; the agent sees it)').fill('ECG done on site: normal; caller to be seen at clinic today');
        await w.page.getByRole('button', { name: 'Record sign-off' }).click();
        await w.page.waitForURL(`**/ui/evaluations/${id}?done=approve`);
        measured.openToSignOffMs = Date.now() - opened;
        // Reading the futures, filtering them and signing, as the test does it: the figure the README quotes.
        fs.writeFileSync(`${SCREENSHOTS}/timings.json`, `${JSON.stringify({ open_to_recorded_sign_off_ms: measured.openToSignOffMs, measured_at: new Date().toISOString() }, null, 2)}\n`);
        expect(await w.page.locator('#effective-decision').innerText()).toBe('approved');
        expect(await w.page.getByRole('status').first().innerText()).toContain('Recorded: you approved.');

        const answer = await poll;
        const body = (await answer.json()) as Record<string, any>;
        expect(body.effective_decision).toBe('approved');
        expect(body.review.feedback).toContain('ECG done on site: normal; caller to be seen at clinic today');
        expect(body.review.history[0].signer.owner).toBe('alice@example.org');
        expectClean(w);
      } finally {
        await w.close();
      }
    },
    BOUND,
  );

  it(
    'when a supervisor works the queue by keyboard, then j/k move, ? helps, d denies with a reason, and Enter opens',
    async () => {
      const first = await triageEscalation('kbd-1');
      const second = await triageEscalation('kbd-2');
      const w = await openPage(browser, server.url);
      try {
        await signInPage(w, svc.people.bob.token);
        const ids = await w.page.locator('tr.queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
        // Oldest first.
        expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
        const selectedId = () => w.page.locator('tr.queue-row.is-selected').getAttribute('data-id');
        expect(await selectedId()).toBe(ids[0]);
        await w.page.keyboard.press('j');
        expect(await selectedId()).toBe(ids[1]);
        expect(await focused(w.page, 'data-id')).toBe(ids[1]);
        await w.page.keyboard.press('k');
        expect(await selectedId()).toBe(ids[0]);
        await w.page.keyboard.press('?');
        await expect.poll(() => w.page.locator('#help-dialog').isVisible()).toBe(true);
        await w.page.keyboard.press('Escape');
        await expect.poll(() => w.page.locator('#help-dialog').isVisible()).toBe(false);

        for (let i = 0; i < ids.indexOf(first); i++) await w.page.keyboard.press('j');
        expect(await selectedId()).toBe(first);
        await w.page.keyboard.press('d');
        const dialog = w.page.locator('#decide-dialog');
        await expect.poll(() => dialog.isVisible()).toBe(true);
        expect(await dialog.locator('#decide-title').innerText()).toBe('Deny this escalation');
        // The reason is required: the dialog will not submit without one.
        expect(await focused(w.page)).toBe('decide-reason');
        await w.page.keyboard.type('Home care is unsafe with jaw pain and diabetes');
        await dialog.getByRole('button', { name: 'Deny' }).click();
        await w.page.waitForURL('**/ui/queue?done=deny');
        expect(await w.page.locator(`tr[data-id="${first}"]`).count()).toBe(0);
        const denied = await request(svc.app).get(`/v1/evaluations/${first}`).set(svc.as('auditor'));
        expect(denied.body.effective_decision).toBe('denied');
        expect(denied.body.review.history[0]).toMatchObject({ choice: 'deny', reason: 'Home care is unsafe with jaw pain and diabetes', signer: { owner: 'bob@example.org' } });

        const secondIndex = await w.page.locator('tr.queue-row').evaluateAll((rows, id) => rows.findIndex((r) => r.getAttribute('data-id') === id), second);
        for (let i = 0; i < secondIndex; i++) await w.page.keyboard.press('j');
        await w.page.keyboard.press('Enter');
        await w.page.waitForURL(`**/ui/evaluations/${second}`);
        // On the evaluation, f goes to the futures and a picks "approve" and moves to the reason.
        await w.page.keyboard.press('f');
        expect(await focused(w.page)).toBe('futures-title');
        await w.page.keyboard.press('a');
        expect(await focused(w.page)).toBe('sign-off-reason');
        expect(await w.page.getByLabel('Approve (override the escalation)').isChecked()).toBe(true);
        expectClean(w);
      } finally {
        await w.close();
      }
    },
    BOUND,
  );

  it(
    'when a two-person escalation is open, then others see it being reviewed, the second supervisor sees no verdict until signing, and completes it',
    async () => {
      const id = await escalation(svc, 'crane-coach');
      const alice = await openPage(browser, server.url);
      const bob = await openPage(browser, server.url);
      try {
        await signInPage(alice, svc.people.alice.token);
        await signInPage(bob, svc.people.bob.token);
        await alice.page.goto(`/ui/evaluations/${id}`);
        expect(await alice.page.locator('#sign-offs-remaining').innerText()).toBe('2 of 2 still needed');
        // Bob's queue shows that Alice has it open: a soft lock, which never blocks him.
        await bob.page.goto('/ui/queue');
        expect(await bob.page.locator(`tr[data-id="${id}"] .status`).innerText()).toBe('being reviewed by alice@example.org');

        await alice.page.getByLabel('Approve (override the escalation)').check();
        await alice.page.getByLabel('Reason (required; the agent sees it)').fill('Alice: gusts forecast to drop below 15 mph by 3 pm');
        await alice.page.getByLabel('An approval expires after (optional)').selectOption('30m');
        await alice.page.getByRole('button', { name: 'Record sign-off' }).click();
        await alice.page.waitForURL(`**/ui/evaluations/${id}?done=approve`);
        expect(await alice.page.locator('#effective-decision').innerText()).toBe('pending');
        expect(await alice.page.locator('#sign-off-history').innerText()).toContain('Alice: gusts forecast');

        // Blind review: Bob sees how many remain, not what Alice said.
        await bob.page.goto(`/ui/evaluations/${id}`);
        expect(await bob.page.locator('#blind-status').innerText()).toBe('1 of 2 sign-offs still needed. Others’ verdicts stay hidden until you have signed.');
        expect(await bob.page.content()).not.toContain('Alice: gusts forecast');
        expect(await bob.page.locator('#sign-off-history').innerText()).toContain('A sign-off was recorded (hidden until you sign)');

        await bob.page.getByLabel('Approve (override the escalation)').check();
        await bob.page.getByLabel('Reason (required; the agent sees it)').fill('Bob: lift plan revised, tag lines doubled');
        await bob.page.getByRole('button', { name: 'Record sign-off' }).click();
        await bob.page.waitForURL(`**/ui/evaluations/${id}?done=approve`);
        expect(await bob.page.locator('#effective-decision').innerText()).toBe('approved');
        const history = await bob.page.locator('#sign-off-history').innerText();
        expect(history).toContain('Alice: gusts forecast');
        expect(history).toContain('Bob: lift plan revised');
        const api = await request(svc.app).get(`/v1/evaluations/${id}`).set(svc.as('agent'));
        expect(api.body.effective_decision).toBe('approved');
        expect(api.body.review.sign_offs_received).toBe(2);
        expectClean(alice);
        expectClean(bob);
      } finally {
        await alice.close();
        await bob.close();
      }
    },
    BOUND,
  );

  it(
    'when a supervisor leaves an escalation open without a heartbeat, then after a few minutes it no longer shows as being reviewed',
    async () => {
      const id = await triageEscalation('abandoned-tab');
      const carol = await openPage(browser, server.url);
      const bob = await openPage(browser, server.url);
      try {
        await signInPage(carol, svc.people.carol.token);
        await carol.page.goto(`/ui/evaluations/${id}`);
        await signInPage(bob, svc.people.bob.token);
        expect(await bob.page.locator(`tr[data-id="${id}"] .status`).innerText()).toBe('being reviewed by carol@example.org');
        svc.clock.advance(4 * MINUTE);
        await bob.page.reload();
        expect(await bob.page.locator(`tr[data-id="${id}"] .status`).innerText()).toBe('');
        expectClean(bob);
      } finally {
        await carol.close();
        await bob.close();
      }
    },
    BOUND,
  );

  it(
    'when a reviewer leaves the escalation’s page, then its beacon ends the mark at once',
    async () => {
      const id = await triageEscalation('closed-tab');
      const carol = await openPage(browser, server.url);
      try {
        await signInPage(carol, svc.people.carol.token);
        await carol.page.goto(`/ui/evaluations/${id}`);
        const marks = async () => (await svc.container.db.query('SELECT owner FROM console_review_marks WHERE evaluation_id = $1', [id])).rows.map((r) => r.owner);
        expect(await marks()).toEqual(['carol@example.org']);
        await carol.page.getByRole('link', { name: 'Queue' }).click();
        await expect.poll(marks, { timeout: 5_000 }).toEqual([]);
        expectClean(carol);
      } finally {
        await carol.close();
      }
    },
    BOUND,
  );

  it(
    'when a supervisor’s key is revoked, then the console session ends on the next page',
    async () => {
      const key = await svc.container.keys.create({ name: 'night-desk', role: 'supervisor', owner: 'frank@example.org' });
      const w = await openPage(browser, server.url);
      try {
        await signInPage(w, key.token);
        expect(new URL(w.page.url()).pathname).toBe('/ui/queue');
        await svc.container.keys.revoke(key.id);
        await w.page.reload();
        expect(new URL(w.page.url()).pathname).toBe('/ui/');
        expect(await w.page.getByRole('status').innerText()).toContain('Your session has ended');
        await w.page.goto('/ui/queue');
        expect(new URL(w.page.url()).pathname).toBe('/ui/');
        const left = await svc.container.db.query('SELECT count(*)::int AS n FROM console_sessions WHERE key_id = $1', [key.id]);
        expect(left.rows[0].n).toBe(0);
      } finally {
        await w.close();
      }
    },
    BOUND,
  );
});
