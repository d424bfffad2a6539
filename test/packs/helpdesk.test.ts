import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue, severityRank } from '../../src/packs/reading/catalogue.js';
import { helpdeskModule } from '../../src/packs/helpdesk/index.js';
import { SERIOUS_FACTORS } from '../../src/packs/helpdesk/factors.js';
import { HELPDESK_OUTCOMES } from '../../src/packs/helpdesk/outcomes.js';
import { PolicySchema } from '../../src/packs/policy-schema.js';
import type { ActionInput } from '../../src/packs/types.js';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/helpdesk/catalogue.yaml'));
const policy = PolicySchema.parse(YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'policies/helpdesk.yaml'), 'utf8')));
const enforced = catalogue.hazards.filter((h) => severityRank(h.severity) >= severityRank(policy.catalogue.enforce));
const read = (state: Record<string, unknown>, action: Record<string, unknown>) =>
  helpdeskModule.read(helpdeskModule.stateSchema.parse(state), helpdeskModule.actionSchema.parse(action) as ActionInput, catalogue);
const example = (name: string) => {
  const found = policy.examples.find((e) => e.name.includes(name));
  if (!found) throw new Error(`no policy example named like '${name}'`);
  return read(found.input.state, found.input.action);
};
const fired = (r: ReturnType<typeof read>) => enforced.filter((h) => h.test({ facts: r.facts, action: r.action as unknown as Record<string, unknown> })).map((h) => h.id);
const outcome = (name: string) => HELPDESK_OUTCOMES.find((o) => o.name === name)!;

describe('helpdesk state and action schemas', () => {
  it('when the policy examples are parsed, then every state and action is accepted', () => {
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
    // A count as numeric text ("3") is taken (helpdesk-record-shapes); one in words or a flag is not.
    expect(helpdeskModule.stateSchema.safeParse({ ...base, turns_elapsed: 'three' }).success).toBe(false);
    expect(helpdeskModule.stateSchema.safeParse({ ...base, turns_elapsed: true }).success).toBe(false);
    // A thread as one text is taken as its turns (helpdesk-record-shapes); a number or a record is not a thread.
    expect(helpdeskModule.stateSchema.safeParse({ ...base, conversation_history: 42 }).success).toBe(false);
    expect(helpdeskModule.stateSchema.safeParse({ ...base, conversation_history: { role: 'user' } }).success).toBe(false);
    expect(helpdeskModule.actionSchema.safeParse({ description: '   ' }).success).toBe(false);
  });
});

describe('helpdesk catalogue and policy', () => {
  it('when the catalogue loads, then every hazard cites its source and the policy adds no rule of the same id', () => {
    expect(catalogue.hazards.length).toBeGreaterThanOrEqual(20);
    for (const h of catalogue.hazards) expect(h.citation.length, h.id).toBeGreaterThan(20);
    expect(policy.hard_rules.filter((r) => catalogue.hazards.some((h) => h.id === r.id))).toEqual([]);
  });

  it('when each policy example is read, then exactly the hazards it expects fire, and approve examples fire none', () => {
    for (const ex of policy.examples) {
      const r = read(ex.input.state, ex.input.action);
      const expected = ex.expect.reasons.filter((c) => c.startsWith('hard_rule:')).map((c) => c.slice('hard_rule:'.length));
      expect(fired(r).sort(), ex.name).toEqual(expected.sort());
    }
  });

  it('when a hazard message is rendered, then its placeholders come from the reading', () => {
    const r = example('bucket policy Principal');
    const h = catalogue.hazards.find((x) => x.id === 'public_principal')!;
    expect(h.message({ facts: r.facts, action: r.action as unknown as Record<string, unknown> })).toContain('INC0091001');
  });
});

describe('helpdesk featuriser over the reading', () => {
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
  ])('when the "%s" example is featurised, then it names the factor %s', (name, factor) => {
    expect(helpdeskModule.featurize(example(name)).factors.map((f) => f.id)).toContain(factor);
  });

  it.each(['self-service password reset', 'VPN reconnect', 'clear the browser cache', 'license renewal', 'Outlook profile repair', 'handing a risky request', 'clarifying question'])(
    'when the safe "%s" example is featurised, then no serious risk factor is named',
    (name) => {
      expect(helpdeskModule.featurize(example(name)).factors.map((f) => f.id).filter((id) => SERIOUS_FACTORS.has(id))).toEqual([]);
    },
  );

  it('when the priority is unknown, then the feature takes the neutral value, not the safest', () => {
    const known = helpdeskModule.featurize(read({ ticket_id: 'T', category: 'vpn', description: 'x', priority: 'P1' }, { description: 'Reconnect the VPN' })).values;
    const unknown = helpdeskModule.featurize(read({ ticket_id: 'T', category: 'vpn', description: 'x', priority: 'whenever' }, { description: 'Reconnect the VPN' })).values;
    const i = helpdeskModule.featureNames.indexOf('priority_level');
    expect(known[i]).toBe(1);
    expect(unknown[i]).toBeCloseTo(1 / 3);
  });

  it('when the input is any schema-valid state and action, then read and featurize return one finite number per feature', () => {
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
        (state, action) => {
          const features = helpdeskModule.featurize(read(state, action));
          expect(features.values).toHaveLength(helpdeskModule.featureNames.length);
          expect(features.values.every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('helpdesk classify and summary', () => {
  it('when the action hands the ticket to a person, then ending escalated is not adverse; otherwise it is', () => {
    const handover = example('handing a risky request').action;
    const reply = example('legacy Oracle Forms loop').action;
    expect(handover.lowers_risk).toBe(true);
    expect(helpdeskModule.classify(outcome('escalated'), handover)).toEqual({ incident: false, adverse: false });
    expect(helpdeskModule.classify(outcome('escalated'), reply)).toEqual({ incident: false, adverse: true });
    expect(helpdeskModule.classify(outcome('security_incident'), handover)).toEqual({ incident: true, adverse: true });
    expect(helpdeskModule.classify(outcome('pending'), reply)).toEqual({ incident: false, adverse: false });
  });

  it('when a reading is summarised, then the line names the category, the ticket and the action', () => {
    const line = helpdeskModule.summarize(example('SSH open'));
    expect(line).toContain('cloud_platform');
    expect(line).toContain('SSH');
    expect(line).toContain('config_change');
  });
});
