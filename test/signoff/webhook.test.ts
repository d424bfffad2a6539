import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/webhooks/webhook-signature.js';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES } from '../support/engines.js';
import { eventually, evaluateAs, packsWith, signOff, startSignOffService, type SignOffTestService } from './sign-off-support.js';

const SECRET = 'whsec_test_0123456789abcdef';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  path: string;
}

/** A receiver on loopback that fails each event's first attempt with a 500 and accepts the retry. */
async function flakyReceiver() {
  const received: Received[] = [];
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body, path: req.url ?? '' });
      const event = String(req.headers['foresight-delivery']);
      if (!seen.has(event)) {
        seen.add(event);
        res.writeHead(500).end('try again');
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { received, url: `http://127.0.0.1:${port}/hooks/foresight`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(ENGINES)('webhooks on %s', (engine) => {
  let svc: SignOffTestService;
  let receiver: Awaited<ReturnType<typeof flakyReceiver>>;
  let policyReceiver: Awaited<ReturnType<typeof flakyReceiver>>;
  let packs: ReturnType<typeof packsWith>;

  beforeAll(async () => {
    receiver = await flakyReceiver();
    policyReceiver = await flakyReceiver();
    // Triage names its own receiver; the other domains use WEBHOOK_URL.
    packs = packsWith((domain, policy) => {
      if (domain === 'triage') policy.notify = { webhook_url: policyReceiver.url };
    });
    svc = await startSignOffService(engine, {
      env: { PACKS_DIR: packs.dir, WEBHOOK_URL: `${receiver.url}?token=receiver-secret`, WEBHOOK_SECRET: SECRET, WEBHOOK_RETRY_BASE_MS: '40', WEBHOOK_MAX_ATTEMPTS: '4' },
    });
  });
  afterAll(async () => {
    await svc?.stop();
    await receiver?.close();
    await policyReceiver?.close();
    packs?.remove();
  });

  const events = (r: Received[], type: string, evaluationId: string) => r.filter((x) => x.headers['foresight-event'] === type && JSON.parse(x.body).evaluation.id === evaluationId);

  it('when an escalation awaits review and is then decided, then each event is delivered signed, retried after the receiver fails, and every attempt is recorded', async () => {
    const made = await evaluateAs(svc, 'agent', SCENARIOS.gustyCraneLift.body);
    expect(made.body.decision).toBe('escalate');
    const id = made.body.evaluation_id as string;

    const awaiting = await eventually(async () => {
      const got = events(receiver.received, 'escalation.awaiting_review', id);
      return got.length >= 2 ? got : undefined;
    });
    // The same event both times (one id), the first refused with a 500, the retry accepted.
    expect(new Set(awaiting.map((a) => a.headers['foresight-delivery'])).size).toBe(1);
    expect(awaiting.map((a) => a.headers['foresight-attempt'])).toEqual(['1', '2']);
    for (const a of awaiting) {
      expect(a.headers['content-type']).toBe('application/json');
      expect(a.headers['foresight-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(SECRET, String(a.headers['foresight-signature']), a.body)).toBe(true);
      // Signed over the exact bytes: any change to the body, or another secret, fails.
      expect(verifySignature(SECRET, String(a.headers['foresight-signature']), a.body.replace('pending', 'approved'))).toBe(false);
      expect(verifySignature('another-secret-0123456789', String(a.headers['foresight-signature']), a.body)).toBe(false);
    }
    const body = JSON.parse(awaiting[1].body);
    expect(body).toMatchObject({
      type: 'escalation.awaiting_review',
      effective_decision: 'pending',
      evaluation: { id, domain: 'construction_safety', override_href: `/v1/evaluations/${id}/override`, action_hash: made.body.action_hash },
      sign_offs: { required: 1, received: 0, remaining: 1 },
    });
    // No part of the input travels in a webhook.
    expect(awaiting[1].body).not.toContain('SITE_2847');

    await signOff(svc, 'alice', id, { decision: 'approve', reason: 'Calm window confirmed' });
    const decided = await eventually(async () => {
      const got = events(receiver.received, 'escalation.decided', id);
      return got.length >= 2 ? got : undefined;
    });
    const decidedBody = JSON.parse(decided[1].body);
    expect(decidedBody).toMatchObject({ effective_decision: 'approved', sign_offs: { remaining: 0 } });
    expect(decidedBody.history[0]).toMatchObject({ choice: 'approve', reason: 'Calm window confirmed', signer: { owner: 'alice@example.org' } });
    expect(verifySignature(SECRET, String(decided[1].headers['foresight-signature']), decided[1].body)).toBe(true);

    const attempts = await eventually(async () => {
      const a = await svc.container.signOffs.deliveries.attemptsFor(id);
      return a.length >= 4 ? a : undefined;
    });
    expect(attempts.map((a) => [a.eventType, a.attempt, a.statusCode, a.delivered])).toEqual([
      ['escalation.awaiting_review', 1, 500, false],
      ['escalation.awaiting_review', 2, 204, true],
      ['escalation.decided', 1, 500, false],
      ['escalation.decided', 2, 204, true],
    ]);
    expect(attempts[0].error).toBe('HTTP 500');
    // The receiver's own token in the query string is not written down.
    expect(attempts.every((a) => a.url === receiver.url)).toBe(true);
  });

  it('when a policy names its own webhook URL, then its events go there and not to WEBHOOK_URL', async () => {
    const made = await evaluateAs(svc, 'agent', SCENARIOS.atypicalMiSentHome.body);
    expect(made.body.decision).toBe('escalate');
    const id = made.body.evaluation_id as string;
    await eventually(async () => events(policyReceiver.received, 'escalation.awaiting_review', id).length >= 2);
    expect(events(receiver.received, 'escalation.awaiting_review', id)).toEqual([]);
  });
});
