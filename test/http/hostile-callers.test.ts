import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { writeBootstrapKeys, BOOTSTRAP_KEYS_FILE } from '../../src/keys/bootstrap-file.js';
import type { CreatedKey } from '../../src/keys/key-store.js';
import { PgKeyStore } from '../../src/keys/pg-key-store.js';
import type { RateLimit } from '../../src/keys/rate-limit-spec.js';
import { secretDigest } from '../../src/keys/token.js';
import { createLogger } from '../../src/logger.js';
import { manualClock } from '../keys/database.js';
import { killAll, processData, runCli, startServiceProcess, type ProcessData } from '../support/process.js';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES, startService, type TestService } from '../support/service.js';

const EVALUATE = SCENARIOS.calmCraneLift.body;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
/** A token of the right shape that no one issued: what a scanner or a brute-forcer sends. */
const forgedToken = (id = crypto.randomBytes(8).toString('hex')) => `fsk_${id}_${crypto.randomBytes(32).toString('base64url')}`;

function expectSecurityHeaders(res: request.Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

afterAll(killAll);

describe.each(ENGINES)('hostile callers on %s', (engine) => {
  let svc: TestService;
  const clock = manualClock();
  let n = 0;
  // A small default so that bursts are quick to reach; the sealer and sweeper off, so the only
  // queries are the ones a request makes.
  const env = { RATE_LIMIT_PER_KEY: '2/s', RATE_LIMIT_BURST: '3', AUDIT_SEAL_INTERVAL_MS: '0', SIGN_OFF_SWEEP_INTERVAL_MS: '0', AUTH_CACHE_TTL_MS: '60000' };

  /** A key of its own for each test, so that no test spends another's bucket. */
  const newKey = async (role: 'agent' | 'operator' = 'agent', rateLimit?: RateLimit): Promise<CreatedKey> =>
    svc.container.keys.create({ name: `hostile-${role}-${++n}`, role, owner: 'hostile-callers-test', rateLimit });

  beforeAll(async () => {
    svc = await startService(engine, { env, clock: clock.now });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  describe('per-key rate limits', () => {
    it('when a key spends its burst on evaluate, then the next gets 429 problem+json with an integer Retry-After and decision escalate, and nothing is stored', async () => {
      const key = await newKey();
      for (let i = 0; i < 3; i++) {
        const ok = await request(svc.app).post('/v1/evaluate').set(bearer(key.token)).send(EVALUATE);
        expect(ok.status).toBe(200);
        expect(ok.headers['ratelimit-remaining']).toBe(String(2 - i));
      }
      const stored = await svc.countEvaluations();
      const refused = await request(svc.app).post('/v1/evaluate').set(bearer(key.token)).send(EVALUATE);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(refused.body).toMatchObject({ code: 'rate_limited', status: 429, decision: 'escalate', reasons: [{ code: 'rate_limited' }] });
      expect(refused.body.retry_after_s).toBe(Number(refused.headers['retry-after']));
      expect(refused.body.evaluation_id).toBeUndefined();
      expect(await svc.countEvaluations()).toBe(stored);
    });

    it('when a key spends its burst on a read, then it is refused 429 with Retry-After, without a decision', async () => {
      const key = await newKey();
      for (let i = 0; i < 3; i++) expect((await request(svc.app).get('/v1/domains').set(bearer(key.token))).status).toBe(200);
      const refused = await request(svc.app).get('/v1/domains').set(bearer(key.token));
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body.code).toBe('rate_limited');
      expect(refused.body.decision).toBeUndefined();
    });

    it('when one agent is throttled, then another agent with its own key is not', async () => {
      const runaway = await newKey();
      const other = await newKey();
      for (let i = 0; i < 10; i++) await request(svc.app).post('/v1/evaluate').set(bearer(runaway.token)).send(EVALUATE);
      expect((await request(svc.app).post('/v1/evaluate').set(bearer(runaway.token)).send(EVALUATE)).status).toBe(429);
      for (let i = 0; i < 3; i++) expect((await request(svc.app).post('/v1/evaluate').set(bearer(other.token)).send(EVALUATE)).status).toBe(200);
    });

    it('when a key has a limit of its own, then it replaces the default, tighter or looser', async () => {
      const tight = await newKey('agent', { perSecond: 1, burst: 1 });
      expect((await request(svc.app).get('/v1/domains').set(bearer(tight.token))).status).toBe(200);
      const refused = await request(svc.app).get('/v1/domains').set(bearer(tight.token));
      expect(refused.status).toBe(429);
      expect(refused.body.detail).toMatch(/1\/s burst 1/);

      const loose = await newKey('agent', { perSecond: 100, burst: 10 });
      for (let i = 0; i < 10; i++) expect((await request(svc.app).get('/v1/domains').set(bearer(loose.token))).status).toBe(200);
      expect((await request(svc.app).get('/v1/domains').set(bearer(loose.token))).status).toBe(429);
      const stored = await svc.container.keys.get(loose.id);
      expect(stored?.rateLimit).toEqual({ perSecond: 100, burst: 10 });
    });

    it('when time passes, then the bucket refills at its rate, and only up to its burst', async () => {
      const key = await newKey();
      for (let i = 0; i < 3; i++) await request(svc.app).get('/v1/domains').set(bearer(key.token));
      const refused = await request(svc.app).get('/v1/domains').set(bearer(key.token));
      expect(refused.status).toBe(429);
      // After Retry-After seconds at 2/s, two more requests and not a third.
      clock.advance(Number(refused.headers['retry-after']) * 1000);
      expect((await request(svc.app).get('/v1/domains').set(bearer(key.token))).status).toBe(200);
      expect((await request(svc.app).get('/v1/domains').set(bearer(key.token))).status).toBe(200);
      expect((await request(svc.app).get('/v1/domains').set(bearer(key.token))).status).toBe(429);
      // A long quiet spell fills it to the burst, no further.
      clock.advance(3_600_000);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await request(svc.app).get('/v1/domains').set(bearer(key.token))).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });

    it('when requests are refused, then /metrics counts them by route', async () => {
      const key = await newKey();
      for (let i = 0; i < 5; i++) await request(svc.app).post('/v1/evaluate').set(bearer(key.token)).send(EVALUATE);
      const operator = await newKey('operator');
      const metrics = await request(svc.app).get('/metrics').set(bearer(operator.token));
      expect(metrics.status).toBe(200);
      const line = metrics.text.split('\n').find((l) => l.startsWith('foresight_rate_limited_total{route="POST /v1/evaluate"}'));
      expect(Number(line?.split(' ').at(-1))).toBeGreaterThanOrEqual(2);
    });
  });

  describe('unknown tokens', () => {
    it('when a flood of made-up and malformed tokens arrives, then none costs a database query and a real key stays cached', async () => {
      const real = await newKey('agent', { perSecond: 1000, burst: 1000 });
      expect((await request(svc.app).get('/v1/domains').set(bearer(real.token))).status).toBe(200);
      const db = svc.container.db;
      const query = db.query;
      const asked: string[] = [];
      db.query = ((text: string, params?: unknown[]) => {
        asked.push(text);
        return query.call(db, text, params);
      }) as typeof db.query;
      try {
        const flood = [
          ...Array.from({ length: 150 }, () => forgedToken()),
          // The real key's id with a made-up secret: ids appear in logs, so they are no secret.
          ...Array.from({ length: 50 }, () => forgedToken(real.id)),
          ...['hello', `fsk_${real.id}_short`, 'fsk_'.padEnd(64, 'x'), `${real.token}x`, real.token.toUpperCase()],
        ];
        for (const token of flood) {
          const res = await request(svc.app).get('/v1/domains').set(bearer(token));
          expect(res.status).toBe(401);
        }
        expect(asked).toEqual([]);
        expect((await request(svc.app).get('/v1/domains').set(bearer(real.token))).status).toBe(200);
        expect(asked).toEqual([]);
      } finally {
        db.query = query;
      }
    });

    it('when keys from before tagged secrets are live, then they keep working, and a rotation without grace ends their lookups', async () => {
      const secret = crypto.randomBytes(32).toString('base64url');
      const id = crypto.randomBytes(8).toString('hex');
      await svc.container.db.query(
        `INSERT INTO api_keys (id, name, role, owner, secret_hash, untagged_secret) VALUES ($1, 'pre-tag', 'agent', 'legacy-team', $2, true)`,
        [id, secretDigest(secret)],
      );
      const token = `fsk_${id}_${secret}`;
      // A store starting now sees the live untagged key, as a replica started after the upgrade does.
      const store = new PgKeyStore(svc.container.db);
      expect((await store.verify(token))?.key.owner).toBe('legacy-team');
      expect(await store.verify(forgedToken(id))).toBeNull();
      const rotated = await store.rotate(id, 0);
      expect(await store.verify(token)).toBeNull();
      const after = new PgKeyStore(svc.container.db);
      expect((await after.verify(rotated!.key.token))?.key.id).toBe(id);
      const { rows } = await svc.container.db.query<{ untagged_secret: boolean }>('SELECT untagged_secret FROM api_keys WHERE id = $1', [id]);
      expect(rows[0].untagged_secret).toBe(false);
    });
  });

  describe('security headers', () => {
    it('when anything is answered (a success, an error, a 404, a refusal, a health check), then it carries the security headers', async () => {
      const key = await newKey('agent', { perSecond: 1, burst: 1 });
      const operator = await newKey('operator');
      const answers = [
        await request(svc.app).get('/v1/domains').set(bearer(key.token)),
        await request(svc.app).get('/v1/domains').set(bearer(key.token)),
        await request(svc.app).get('/v1/domains'),
        await request(svc.app).get('/no/such/route'),
        await request(svc.app).post('/v1/evaluate').set(bearer(operator.token)).send(EVALUATE),
        await request(svc.app).post('/v1/evaluate').set(bearer((await newKey()).token)).set('content-type', 'application/json').send('{"domain": '),
        await request(svc.app).get('/healthz'),
        await request(svc.app).get('/readyz'),
        await request(svc.app).get('/metrics').set(bearer(operator.token)),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 429, 401, 404, 403, 400, 200, 200, 200]);
      for (const res of answers) expectSecurityHeaders(res);
    });
  });

  describe('a request deadline on evaluate', () => {
    let slow: TestService;
    const logged: string[] = [];
    beforeAll(async () => {
      slow = await startService(engine, { env: { EVALUATE_TIMEOUT_MS: '300', AUDIT_SEAL_INTERVAL_MS: '0' }, logger: createLogger('warn', { write: (line: string) => void logged.push(line) }) });
    });
    afterAll(async () => {
      await slow?.stop();
    });

    it('when the store stops answering, then evaluate answers 503 escalate within its deadline, and the late answer is dropped quietly', async () => {
      const evaluations = slow.container.evaluations;
      const append = evaluations.append.bind(evaluations);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let finished!: () => void;
      const lateDone = new Promise<void>((resolve) => (finished = resolve));
      evaluations.append = async (record) => {
        await gate;
        try {
          return await append(record);
        } finally {
          setImmediate(finished);
        }
      };
      try {
        const started = performance.now();
        const res = await request(slow.app).post('/v1/evaluate').set(slow.auth('agent')).send(EVALUATE);
        const took = performance.now() - started;
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ code: 'deadline_exceeded', decision: 'escalate', reasons: [{ code: 'deadline_exceeded' }] });
        expect(took).toBeLessThan(5_000);
        expectSecurityHeaders(res);
        release();
        await lateDone;
      } finally {
        evaluations.append = append;
      }
      // The service answers as before, and the dropped late answer raised no error.
      expect((await request(slow.app).post('/v1/evaluate').set(slow.auth('agent')).send(EVALUATE)).status).toBe(200);
      expect(logged.filter((l) => l.includes('unhandled error'))).toEqual([]);
    });
  });
});

describe('rate-limit and timeout settings', () => {
  it('when nothing is set, then every key gets 50/s with bursts of 100', () => {
    expect(loadConfig({}).rateLimit.perKey).toEqual({ perSecond: 50, burst: 100 });
    expect(loadConfig({ RATE_LIMIT_PER_KEY: '600/m' }).rateLimit.perKey).toEqual({ perSecond: 10, burst: 20 });
    expect(loadConfig({ RATE_LIMIT_PER_KEY: 'off' }).rateLimit.perKey).toBeNull();
  });

  it.each([
    [{ RATE_LIMIT_PER_KEY: 'fast' }, /RATE_LIMIT_PER_KEY/],
    [{ RATE_LIMIT_PER_KEY: '1e3/s' }, /not a rate/],
    [{ RATE_LIMIT_PER_KEY: '0/s' }, /not a rate/],
    [{ RATE_LIMIT_BURST: '0' }, /burst/],
    [{ RATE_LIMIT_PER_KEY: 'off', RATE_LIMIT_BURST: '10' }, /RATE_LIMIT_BURST/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' }, /HTTP_HEADERS_TIMEOUT_MS/],
  ])('when %j, then start-up stops with a message naming it', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('bootstrap keys file', () => {
  it('when the file is already there, then it is left alone and the keys go to a new file, also 0600', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-bootstrap-'));
    try {
      const key = (role: 'agent' | 'admin', token: string) => ({ role, token }) as CreatedKey;
      const first = writeBootstrapKeys(dir, [key('agent', 'fsk_first')], new Date('2026-01-01T00:00:00Z'));
      expect(first).toBe(path.join(dir, BOOTSTRAP_KEYS_FILE));
      const second = writeBootstrapKeys(dir, [key('admin', 'fsk_second')], new Date('2026-01-02T00:00:00Z'));
      expect(second).not.toBe(first);
      expect(fs.readFileSync(first, 'utf8')).toMatch(/^agent\s+fsk_first$/m);
      expect(fs.readFileSync(second, 'utf8')).toMatch(/^admin\s+fsk_second$/m);
      for (const f of [first, second]) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// A first start on a fresh data directory reads and learns every bank: minutes on a loaded machine.
const START_MS = 300_000;

describe('the service process, as started on a fresh data directory', () => {
  let data: ProcessData;
  beforeAll(async () => {
    data = await processData('pglite');
  });
  afterAll(async () => {
    await killAll();
    await data?.remove();
  });

  it('when it starts the first time, then the keys are in a 0600 file the log names, never in the log; slow clients are cut off; a CLI-made key keeps its own limit', async () => {
    const svc = await startServiceProcess({ ...data.env, LOG_LEVEL: 'debug', HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' }, START_MS);
    const file = path.join(data.dataDir, BOOTSTRAP_KEYS_FILE);
    let keys: Record<string, string> = {};
    try {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      keys = Object.fromEntries([...fs.readFileSync(file, 'utf8').matchAll(/^([a-z]+)\s+(fsk_\S+)$/gm)].map((m) => [m[1], m[2]]));
      expect(Object.keys(keys).sort()).toEqual(['admin', 'agent', 'auditor', 'operator', 'supervisor']);
      const res = await fetch(`${svc.url}/v1/domains`, { headers: bearer(keys.agent) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");

      // A client that sends half its headers and then nothing is disconnected, not waited on.
      const cutAfter = await new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const socket = net.connect(svc.port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n'));
        let answer = '';
        socket.on('data', (d) => (answer += d));
        socket.on('error', () => {});
        socket.on('close', () => (answer.startsWith('HTTP/1.1 408') ? resolve(Date.now() - started) : reject(new Error(`cut off with '${answer}'`))));
        setTimeout(() => reject(new Error('a trickling client was not cut off within 10 s')), 10_000).unref();
      });
      expect(cutAfter).toBeGreaterThanOrEqual(900);
      expect(cutAfter).toBeLessThan(10_000);
    } finally {
      svc.child.kill('SIGTERM');
      await svc.exited;
    }
    const logs = svc.stdout() + svc.stderr();
    expect(logs).toContain(file);
    expect(logs).not.toMatch(/fsk_/);
    for (const token of Object.values(keys)) expect(logs).not.toContain(token.slice(-20));

    // The CLI opens the embedded database itself, so the service is stopped for it.
    const created = await runCli(['keys', 'create', '--role', 'agent', '--name', 'slow-bot', '--owner', 'ops', '--rate-limit', '1/s', '--burst', '1'], data.env);
    expect(created.code).toBe(0);
    const limited = created.stdout.trim().split('\n').at(-1)!.trim();
    expect((await runCli(['keys', 'list'], data.env)).stdout).toMatch(/slow-bot\s+owner=ops\s+rate_limit=1\/s,burst=1/);
    const before = fs.readFileSync(file, 'utf8');

    const again = await startServiceProcess(data.env, START_MS);
    try {
      const first = await fetch(`${again.url}/v1/domains`, { headers: bearer(limited) });
      expect(first.status).toBe(200);
      const second = await fetch(`${again.url}/v1/domains`, { headers: bearer(limited) });
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      // The default limit is off for the load tests (test/support/process.ts); the bootstrap key is not limited.
      for (let i = 0; i < 5; i++) expect((await fetch(`${again.url}/v1/domains`, { headers: bearer(keys.agent) })).status).toBe(200);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
    // No second set of keys, and the first file untouched.
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(data.dataDir).filter((f) => f.startsWith('bootstrap-keys'))).toEqual([BOOTSTRAP_KEYS_FILE]);
    expect(again.stdout()).not.toMatch(/fsk_|first start/);
  }, 3 * START_MS);
});
