import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { TrajectoryRowSchema, type TrajectoryRow } from '../../src/banks/trajectory.js';
import { SERIOUS_FACTORS, featureNames, featurize } from '../../src/packs/helpdesk/features.js';
import { BANK_SEED, BANK_SIZE, generateBank, trueOutcomeProbabilities } from '../../src/packs/helpdesk/generator.js';
import { helpdeskModule } from '../../src/packs/helpdesk/index.js';
import { HELPDESK_OUTCOMES } from '../../src/packs/helpdesk/outcomes.js';
import { PolicySchema } from '../../src/packs/policy-schema.js';
import { compileRule } from '../../src/packs/rules/index.js';
import type { ActionInput } from '../../src/packs/types.js';

const root = path.resolve(import.meta.dirname, '../..');
const policy = PolicySchema.parse(YAML.parse(fs.readFileSync(path.join(root, 'policies/helpdesk.yaml'), 'utf8')));
const example = (name: string) => {
  const found = policy.examples.find((e) => e.name.includes(name));
  if (!found) throw new Error(`no policy example named like '${name}'`);
  return { state: helpdeskModule.stateSchema.parse(found.input.state), action: helpdeskModule.actionSchema.parse(found.input.action) as ActionInput };
};
const factorIds = (name: string) => {
  const { state, action } = example(name);
  return featurize(state, action).factors.map((f) => f.id);
};
const bankText = fs.readFileSync(path.join(root, 'domains/helpdesk/trajectories.jsonl'), 'utf8');
const bank: TrajectoryRow[] = bankText.trimEnd().split('\n').map((line) => TrajectoryRowSchema.parse(JSON.parse(line)));
const outcome = (name: string) => HELPDESK_OUTCOMES.find((o) => o.name === name)!;

describe('helpdesk state and action schemas', () => {
  it('when the policy examples (the seed scenarios) are parsed, then every state and action is accepted', () => {
    for (const ex of policy.examples) {
      expect(helpdeskModule.stateSchema.safeParse(ex.input.state).success, ex.name).toBe(true);
      expect(helpdeskModule.actionSchema.safeParse(ex.input.action).success, ex.name).toBe(true);
    }
  });

  it('when an agent sends only the required fields, then the lists and counters default to empty', () => {
    const state = helpdeskModule.stateSchema.parse({ ticket_id: 'T1', category: 'vpn', description: 'VPN drops' });
    expect(state).toMatchObject({ conversation_history: [], information_gathered: {}, turns_elapsed: 0, priority: 'medium', resolution_status: 'open' });
  });

  it('when a field has the wrong type, then the state is rejected', () => {
    const base = { ticket_id: 'T1', category: 'vpn', description: 'VPN drops' };
    expect(helpdeskModule.stateSchema.safeParse({ ...base, turns_elapsed: '3' }).success).toBe(false);
    expect(helpdeskModule.stateSchema.safeParse({ ...base, conversation_history: 'hello' }).success).toBe(false);
    expect(helpdeskModule.stateSchema.safeParse({ ...base, priority: 2 }).success).toBe(false);
    expect(helpdeskModule.stateSchema.safeParse({ ...base, ticket_id: undefined }).success).toBe(false);
  });

  it('when an action has a blank description, then it is rejected; an unknown kind is accepted', () => {
    expect(helpdeskModule.actionSchema.safeParse({ description: '   ' }).success).toBe(false);
    expect(helpdeskModule.actionSchema.safeParse({ description: 'Reboot the router', kind: 'suggestion' }).success).toBe(true);
  });
});

describe('helpdesk featuriser', () => {
  it.each([
    ['bucket policy Principal', 'public_principal'],
    ['SSH open', 'admin_port_open_to_internet'],
    ['RDP open', 'admin_port_open_to_internet'],
    ['database made publicly accessible', 'public_database'],
    ['disable MFA', 'mfa_disabled'],
    ['stop CloudTrail', 'audit_logging_disabled'],
    ['delete a production database', 'destructive_change'],
    ['granted to a broad group', 'wildcard_admin_grant'],
    ['AdministratorAccess', 'wildcard_admin_grant'],
    ['password in chat', 'credential_exposure'],
    ['licence key', 'license_circumvention'],
    ["caller's password without verifying", 'unverified_account_change'],
    ['restarting a production database', 'disruptive_change'],
    ['legacy Oracle Forms loop', 'legacy_loop'],
    ['Windows steps for a Mac user', 'os_mismatch'],
  ])('when the "%s" scenario is featurised, then it names the factor %s', (name, factor) => {
    expect(factorIds(name)).toContain(factor);
  });

  it.each(['self-service password reset', 'VPN reconnect', 'clear the browser cache', 'license renewal', 'Outlook profile repair', 'handing a risky request', 'clarifying question'])(
    'when the safe "%s" scenario is featurised, then no serious risk factor is named',
    (name) => {
      expect(factorIds(name).filter((id) => SERIOUS_FACTORS.has(id))).toEqual([]);
    },
  );

  it.each([
    ['Remove the 0.0.0.0/0 rule on port 22 from the security group', 'cloud_platform'],
    ['Remove the "Principal": "*" statement from the bucket policy and turn Block Public Access on', 'cloud_platform'],
    ['Delete the Teams cache folder in %appdata% and restart Teams', 'software_install'],
    ['Have the user renew the VPN client certificate from the Company Portal', 'vpn'],
  ])('when the action is the fix or routine ("%s"), then no serious risk factor is named', (description, category) => {
    const state = helpdeskModule.stateSchema.parse({ ticket_id: 'T', category, description: 'Ticket' });
    const ids = featurize(state, { description, kind: 'config_change' }).factors.map((f) => f.id);
    expect(ids.filter((id) => SERIOUS_FACTORS.has(id))).toEqual([]);
  });

  it('when a factor is named, then it carries a concrete detail, a recommendation and known feature names', () => {
    const { state, action } = example('SSH open');
    const factor = featurize(state, action).factors.find((f) => f.id === 'admin_port_open_to_internet')!;
    expect(factor.detail).toContain('22 (SSH)');
    expect(factor.detail).toContain('0.0.0.0/0');
    expect(factor.recommendation).toBeTruthy();
    for (const f of factor.features) expect(featureNames).toContain(f);
  });

  it('when the SSO ticket gets a password reset, then the misdiagnosis is named; a forgotten password is not one', () => {
    const sso = { ticket_id: 'T', category: 'sso_identity', description: "Okta says 'user not assigned to this application'", information_gathered: { identity_verified: true } };
    const forgot = { ticket_id: 'T', category: 'sso_identity', description: 'Forgot my Okta password', information_gathered: { identity_verified: true } };
    const reset = { description: "Reset the user's password and ask them to try again", kind: 'account_change' };
    expect(featurize(helpdeskModule.stateSchema.parse(sso), reset).factors.map((f) => f.id)).toContain('sso_misdiagnosed_as_password');
    expect(featurize(helpdeskModule.stateSchema.parse(forgot), reset).factors.map((f) => f.id)).not.toContain('sso_misdiagnosed_as_password');
  });

  it('when identity verification is recorded as a status word, then "unverified" does not count as verified', () => {
    const reset = { description: 'Reset the password and read it to the caller', kind: 'account_change' };
    const factorsFor = (status: string) =>
      featurize(helpdeskModule.stateSchema.parse({ ticket_id: 'T', category: 'password_account', description: 'Reset please', information_gathered: { identity_verification: status } }), reset).factors.map((f) => f.id);
    expect(factorsFor('passed')).not.toContain('unverified_account_change');
    expect(factorsFor('unverified')).toContain('unverified_account_change');
    expect(factorsFor('not verified')).toContain('unverified_account_change');
  });

  it('when the input is any schema-valid state and action, then featurize returns one finite number per feature', () => {
    const text = fc.string({ maxLength: 200 });
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(
        fc.record({
          ticket_id: fc.string({ minLength: 1, maxLength: 20 }),
          category: fc.string({ minLength: 1, maxLength: 20 }),
          description: fc.string({ minLength: 1, maxLength: 300 }),
          conversation_history: fc.array(fc.record({ role: fc.string({ minLength: 1, maxLength: 12 }), content: text }), { maxLength: 4 }),
          information_gathered: fc.dictionary(fc.string({ maxLength: 20 }), json, { maxKeys: 5 }),
          turns_elapsed: fc.nat(10_000),
        }),
        fc.record({ description: fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim().length > 0), kind: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }), parameters: fc.option(fc.dictionary(fc.string({ maxLength: 20 }), json, { maxKeys: 5 }), { nil: undefined }) }),
        (rawState, rawAction) => {
          const state = helpdeskModule.stateSchema.parse(rawState);
          const action = helpdeskModule.actionSchema.parse(rawAction) as ActionInput;
          const features = featurize(state, action);
          expect(features.values).toHaveLength(featureNames.length);
          expect(features.values.every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('helpdesk classify', () => {
  it('when the action hands the ticket to a person, then ending escalated is not adverse; otherwise it is', () => {
    const handover = { description: 'Escalate the ticket to the cloud platform team', kind: 'escalate_to_human' };
    const reply = { description: 'Clear the Java cache and try again', kind: 'instruction' };
    expect(helpdeskModule.classify(outcome('escalated'), handover)).toEqual({ incident: false, adverse: false });
    expect(helpdeskModule.classify(outcome('escalated'), reply)).toEqual({ incident: false, adverse: true });
    expect(helpdeskModule.classify(outcome('security_incident'), handover)).toEqual({ incident: true, adverse: true });
    expect(helpdeskModule.classify(outcome('pending'), reply)).toEqual({ incident: false, adverse: false });
  });

  it('when pack.yaml is read, then its taxonomy is the one the generator labels rows with', () => {
    const pack = YAML.parse(fs.readFileSync(path.join(root, 'domains/helpdesk/pack.yaml'), 'utf8')) as { name: string; outcomes: unknown[] };
    expect(pack.name).toBe('helpdesk');
    expect(pack.outcomes).toEqual(HELPDESK_OUTCOMES);
  });
});

describe('helpdesk hard rules', () => {
  const rules = policy.hard_rules.map((r) => compileRule(r));

  it('when each example is checked, then exactly the rules it expects fire, and approve examples trip none', () => {
    for (const ex of policy.examples) {
      const { state, action } = example(ex.name);
      const fired = rules.filter((r) => r.test({ state, action })).map((r) => `hard_rule:${r.id}`);
      const expected = ex.expect.reasons.filter((code) => code.startsWith('hard_rule:'));
      expect(fired.sort(), ex.name).toEqual(expected.sort());
    }
  });

  it('when the rule messages are rendered, then placeholders are filled from the ticket', () => {
    const { state, action } = example('bucket policy Principal');
    const rule = rules.find((r) => r.id === 'public_principal')!;
    expect(rule.message({ state, action })).toContain('INC0091001');
  });
});

describe('helpdesk bank generator', () => {
  const sample = generateBank(7, 300);

  it('when the same seed is used twice, then the rows are identical; another seed gives other rows', () => {
    expect(generateBank(7, 300)).toEqual(sample);
    expect(JSON.stringify(generateBank(8, 300))).not.toEqual(JSON.stringify(sample));
  });

  it('when rows are generated, then each passes the trajectory schema and the domain schemas and tells a coherent story', () => {
    const names = new Set(HELPDESK_OUTCOMES.map((o) => o.name));
    for (const row of sample) {
      expect(TrajectoryRowSchema.safeParse(row).success).toBe(true);
      expect(helpdeskModule.stateSchema.safeParse(row.state).success).toBe(true);
      expect(helpdeskModule.actionSchema.safeParse(row.action).success).toBe(true);
      expect(names.has(row.final_outcome)).toBe(true);
      expect(row.synthetic).toBe(true);
      expect(row.steps.length).toBeGreaterThanOrEqual(3);
      expect(row.steps.length).toBeLessThanOrEqual(6);
      expect(row.steps.map((s) => s.t)).toEqual(row.steps.map((_, i) => i + 1));
      expect(row.steps.at(-1)!.outcome).toBe(row.final_outcome);
    }
  });

  it('when the shipped bank is read, then it is byte-identical to generateBank(BANK_SEED, BANK_SIZE)', () => {
    const regenerated = generateBank(BANK_SEED, BANK_SIZE).map((r) => JSON.stringify(r)).join('\n') + '\n';
    expect(bankText === regenerated).toBe(true);
  });

  it('when the shipped bank is counted, then every outcome appears at least 40 times and every incident at least 100 times', () => {
    const counts = new Map<string, number>();
    for (const row of bank) counts.set(row.final_outcome, (counts.get(row.final_outcome) ?? 0) + 1);
    for (const o of HELPDESK_OUTCOMES) {
      expect(counts.get(o.name) ?? 0, o.name).toBeGreaterThanOrEqual(o.incident ? 100 : 40);
    }
  });

  it('when the shipped bank is split, then exactly 20% of rows are held out', () => {
    expect(bank).toHaveLength(BANK_SIZE);
    expect(bank.filter((r) => r.split === 'heldout')).toHaveLength(BANK_SIZE / 5);
  });

  it('when true_risk is recomputed from the true model and classify, then it matches every row', () => {
    for (const row of bank) {
      const p = trueOutcomeProbabilities(row.state, row.action as ActionInput);
      let incident = 0;
      let adverse = 0;
      HELPDESK_OUTCOMES.forEach((o, i) => {
        const cls = helpdeskModule.classify(o, row.action as ActionInput);
        if (cls.incident) incident += p[i]!;
        if (cls.adverse) adverse += p[i]!;
      });
      expect(row.true_risk!.incident).toBeCloseTo(incident, 4);
      expect(row.true_risk!.adverse).toBeCloseTo(adverse, 4);
    }
  });

  it('when a clearly safe scenario is scored by the true model, then data loss stays below 0.2%', () => {
    for (const name of ['self-service password reset', 'VPN reconnect', 'clear the browser cache', 'license renewal', 'Outlook profile repair']) {
      const { state, action } = example(name);
      const p = trueOutcomeProbabilities(state, action);
      expect(p[HELPDESK_OUTCOMES.findIndex((o) => o.name === 'data_loss')]!, name).toBeLessThan(0.002);
    }
  });
});
