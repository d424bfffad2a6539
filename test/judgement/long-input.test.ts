import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

// Every text field, sent long and pathological: each answer (a decision or a 4xx) comes within 2 s,
// and /healthz keeps answering meanwhile, because no reading is worse than linear.
type Body = { domain: string; state: Record<string, unknown>; action: Record<string, unknown> };
const TEXT_FIELDS: { domain: keyof typeof BASES; path: string[] }[] = [
  { domain: 'construction_safety', path: ['state', 'task_description'] },
  { domain: 'construction_safety', path: ['state', 'recent_observations', '0'] },
  { domain: 'construction_safety', path: ['action', 'description'] },
  { domain: 'construction_safety', path: ['state', 'environmental_conditions', 'weather'] },
  { domain: 'triage', path: ['state', 'chief_complaint'] },
  { domain: 'triage', path: ['state', 'conversation_history', '0', 'content'] },
  { domain: 'triage', path: ['action', 'description'] },
  { domain: 'helpdesk', path: ['state', 'description'] },
  { domain: 'helpdesk', path: ['state', 'conversation_history', '0', 'content'] },
  { domain: 'helpdesk', path: ['action', 'description'] },
  { domain: 'helpdesk', path: ['action', 'parameters', 'command'] },
];
// Safe requests, so that "never an approval" means the long field itself stopped it.
const BASES = {
  construction_safety: SCENARIOS.calmCraneLift.body,
  triage: SCENARIOS.sprainedAnkleHomeCare.body,
  helpdesk: SCENARIOS.selfServicePasswordReset.body,
};

const PATHOLOGICAL = [
  (n: number) => '9'.repeat(n),
  (n: number) => '1.'.repeat(n / 2),
  (n: number) => 'a'.repeat(n),
  (n: number) => 'no not without '.repeat(n / 15),
  (n: number) => 'gusting to 50 km/h, '.repeat(n / 20),
  (n: number) => '((((|||)))*+'.repeat(n / 12),
  (n: number) => '\u0000\u202e\ud83d\ude00 é'.repeat(n / 7),
  (n: number) => 'BP 88/'.repeat(n / 6),
];

function withText(body: Body, path: string[], text: string): Body {
  const copy = structuredClone(body) as Record<string, unknown>;
  let at = copy as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = at[key];
    if (next === undefined || next === null || typeof next !== 'object') at[key] = /^\d+$/.test(path[i + 1]) ? [] : {};
    if (Array.isArray(at[key]) && path[i + 1] === '0' && (at[key] as unknown[]).length === 0) (at[key] as unknown[]).push(path.length - i > 2 ? { role: 'user', content: '' } : '');
    at = at[key] as Record<string, unknown>;
  }
  at[path.at(-1)!] = text;
  return copy as Body;
}

function send(port: number, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; ms: number; decision?: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - started;
        let decision: string | undefined;
        try {
          decision = JSON.parse(Buffer.concat(chunks).toString('utf8')).decision;
        } catch {
          decision = undefined;
        }
        resolve({ status: res.statusCode ?? 0, ms, decision });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('bounded cost on any input', () => {
  let svc: TestService;
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    svc = await startService('pglite', { env: { BODY_LIMIT: '1mb' } });
    server = svc.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
    // One ordinary request of each domain first: the first request after start compiles the path it
    // takes (about 150-350 ms here, whatever its size), which is not what this test measures.
    for (const body of Object.values(BASES)) await send(port, 'POST', '/v1/evaluate', svc.keys.agent, body);
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await svc?.stop();
  });

  it('when any text field carries 200,000 pathological characters, then the answer comes within 2 s, is never an approval, and /healthz keeps answering meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TEXT_FIELDS), fc.constantFrom(...PATHOLOGICAL), async (field, make) => {
        const body = withText(BASES[field.domain] as Body, field.path, make(200_000));
        const evaluation = send(port, 'POST', '/v1/evaluate', svc.keys.agent, body);
        const health: number[] = [];
        let done = false;
        void evaluation.finally(() => (done = true));
        while (!done) health.push((await send(port, 'GET', '/healthz', svc.keys.agent)).ms);
        const answer = await evaluation;
        expect(answer.ms).toBeLessThan(2000);
        expect([200, 400, 413, 422]).toContain(answer.status);
        expect(answer.decision).not.toBe('approve');
        // A field this long is refused before it is read or stored (the field limit is four times the
        // reading cap), so nothing in its path holds the event loop for long.
        expect(Math.max(0, ...health)).toBeLessThan(100);
      }),
      { numRuns: 24 },
    );
  });
});
