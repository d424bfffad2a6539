import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import { callerKey, type Authenticator } from './auth.js';
import { scopeOf } from './authorization.js';

function summary(d: LoadedDomain) {
  return {
    domain: d.name,
    title: d.title,
    policy_version: d.policyVersion,
    thresholds: d.policy.thresholds,
    outcomes: d.outcomes.map((o) => o.name),
    href: `/v1/domains/${d.name}`,
  };
}

// What an agent may know of a policy: the bar it must clear, not the hard rules' source it could
// word its requests around. An allow-list, so a field added to policies later stays hidden until
// someone decides an agent should see it.
const AGENT_POLICY_FIELDS = ['thresholds', 'decision_rule', 'confidence', 'interval', 'rollouts', 'horizon', 'deadline_ms', 'zero_tolerance'] as const;

function agentView(d: LoadedDomain) {
  const policy = d.policy as Record<string, unknown>;
  const shown = Object.fromEntries(AGENT_POLICY_FIELDS.filter((f) => policy[f] !== undefined).map((f) => [f, policy[f]]));
  // Rule ids only: they are named in the reasons of every escalation anyway.
  return { ...shown, version: d.policyVersion, hard_rules: d.policy.hard_rules.map((r) => ({ id: r.id })) };
}

export function domainRoutes(domains: ReadonlyMap<string, LoadedDomain>, auth: Authenticator): Router {
  const router = Router();
  const schemas = new Map(
    [...domains.values()].map((d) => [
      d.name,
      {
        state: z.toJSONSchema(d.module.stateSchema, { io: 'input', unrepresentable: 'any' }),
        action: z.toJSONSchema(d.module.actionSchema, { io: 'input', unrepresentable: 'any' }),
      },
    ]),
  );

  router.get('/v1/domains', auth.guard('GET /v1/domains'), (_req, res) => {
    res.json({ domains: [...domains.values()].map(summary) });
  });

  router.get('/v1/domains/:domain', auth.guard('GET /v1/domains/:domain'), (req, res) => {
    const d = domains.get(String(req.params.domain));
    if (!d) throw new AppError('unknown_domain', `unknown domain '${req.params.domain}'`);
    const { examples, ...policy } = d.policy;
    const full = scopeOf('GET /v1/domains/:domain', callerKey(res).role) !== 'without_rule_text';
    res.json({
      ...summary(d),
      outcomes: d.outcomes,
      policy: full ? { ...policy, version: d.policyVersion, examples: examples.length } : agentView(d),
      schema: schemas.get(d.name),
    });
  });

  return router;
}
