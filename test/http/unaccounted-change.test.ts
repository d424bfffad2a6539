import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../support/service.js';

// A change whose effect the helpdesk pack cannot read: the shipped (fail-closed) policy escalates it and names the
// question; a policy set to judge such changes leaves it to the model's rates, and the answer says so.
const body = {
  domain: 'helpdesk',
  state: {
    ticket_id: 'CHG-7781', category: 'infrastructure', priority: 'low', description: 'Routine widget maintenance on the staging lattice',
    conversation_history: [], resolution_status: 'open', information_gathered: {}, turns_elapsed: 1,
  },
  action: { description: 'apply change', kind: 'config_change', parameters: { tool_call: 'reticulate_widgets', arguments: { lattice: 'north-7', mode: 'full' } } },
};

describe('a change the pack read no effect of', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService('pglite');
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when the shipped helpdesk policy sees it, then the same request escalates as unfamiliar with the question', async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(body);
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.reading.action.unaccounted).toMatch(/what does this change open or close/);
    const reason = res.body.reasons.find((r: { code: string }) => r.code === 'unfamiliar_situation');
    expect(reason?.message).toMatch(/cannot tell what this action does.*open or close/);
  });

  it('when the policy is set to judge such changes, then the answer says its reading found no effect and that the decision rests on the rates', async () => {
    const policy = svc.container.domains.get('helpdesk')!.policy;
    const before = policy.unfamiliar.unaccounted;
    policy.unfamiliar.unaccounted = 'judge';
    try {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...body, state: { ...body.state, ticket_id: 'CHG-7782' } });
      expect(res.status).toBe(200);
      expect(res.body.explanation).toMatch(/read no effect of this change .* rests on them alone/);
      expect(res.body.reasons.map((r: { code: string }) => r.code)).not.toContain('unfamiliar_situation');
    } finally {
      policy.unfamiliar.unaccounted = before;
    }
  });
});
