import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { SimulateRequest, WorldModel } from '../../src/world-model/world-model.js';
import { ENGINES, startService, type TestService } from '../support/service.js';
import { PERSON, PERSONAL_STRINGS, triageWithPerson } from './privacy-support.js';

/** Every log line the service writes, as text. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream, text: () => lines.join('') };
}

describe.each(ENGINES)('personal data and the logs, on %s', (engine) => {
  let svc: TestService;
  const out = capture();
  const logger = createLogger('debug', out.stream);

  beforeAll(async () => {
    const modelLog = logger.child({ module: 'test-world-model' });
    svc = await startService(engine, {
      logger,
      // A component that logs what it was given, the way a careless adapter or an error message would.
      worldModelFor: (domain, embedded): WorldModel => ({
        backend: embedded.backend,
        version: embedded.version,
        knowsProbabilities: embedded.knowsProbabilities,
        health: () => embedded.health(),
        close: async () => {},
        async simulate(req: SimulateRequest) {
          if (domain.name === 'triage') {
            const state = req.state as { chief_complaint: string; conversation_history: { content: string }[]; caller_demographics: { phone: string } };
            modelLog.warn({ state: req.state, input: { phone: state.caller_demographics.phone } }, `the model saw: ${state.chief_complaint}`);
            modelLog.error({ err: new Error(`could not parse "${state.conversation_history[0].content}"`), caller: { phone: state.caller_demographics.phone } }, 'turn unreadable');
          }
          return embedded.simulate(req);
        },
      }),
    });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when a request carries personal data and something logs it, then the log lines say [personal] where the values were', async () => {
    const made = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(triageWithPerson());
    expect(made.status).toBe(200);
    await request(svc.app).get(`/v1/evaluations/${made.body.evaluation_id}`).set(svc.auth('auditor')).expect(200);
    await request(svc.app).get('/v1/evaluations?domain=triage').set(svc.auth('auditor')).expect(200);
    const text = out.text();
    // The lines were written (so the test could fail) ...
    expect(text).toContain('the model saw: [personal]');
    expect(text).toContain('turn unreadable');
    expect(text).toContain('could not parse');
    // ... and hold no personal value, in messages, fields or error messages.
    for (const s of PERSONAL_STRINGS) expect(text, s).not.toContain(s);
  });

  it('when the same values are logged outside any request, then they are not struck: only the values a request carries or reads are', () => {
    logger.info(`outside a request: ${PERSON.complaint}`);
    expect(out.text()).toContain(`outside a request: ${PERSON.complaint}`);
  });
});
