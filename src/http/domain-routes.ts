import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { Authenticator } from './auth.js';

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

export function domainRoutes(domains: ReadonlyMap<string, LoadedDomain>, auth: Authenticator): Router {
  const router = Router();
  const anyRole = auth.require('agent', 'supervisor', 'auditor');
  const schemas = new Map(
    [...domains.values()].map((d) => [
      d.name,
      {
        state: z.toJSONSchema(d.module.stateSchema, { io: 'input', unrepresentable: 'any' }),
        action: z.toJSONSchema(d.module.actionSchema, { io: 'input', unrepresentable: 'any' }),
      },
    ]),
  );

  router.get('/v1/domains', anyRole, (_req, res) => {
    res.json({ domains: [...domains.values()].map(summary) });
  });

  router.get('/v1/domains/:domain', anyRole, (req, res) => {
    const d = domains.get(String(req.params.domain));
    if (!d) throw new AppError('unknown_domain', `unknown domain '${req.params.domain}'`);
    const { examples, ...policy } = d.policy;
    res.json({
      ...summary(d),
      outcomes: d.outcomes,
      policy: { ...policy, version: d.policyVersion, examples: examples.length },
      schema: schemas.get(d.name),
    });
  });

  return router;
}
