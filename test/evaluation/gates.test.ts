import { describe, expect, it } from 'vitest';
import { gates } from '../../src/evaluation/gates.js';
import type { LoadedDomain } from '../../src/packs/load-domains.js';
import { PolicySchema } from '../../src/packs/policy-schema.js';
import { compileCatalogue } from '../../src/packs/reading/catalogue.js';
import type { ActionReading, Facts, Reading } from '../../src/packs/reading/reading.js';

const catalogue = compileCatalogue({
  domain: 'site',
  facts: {
    'wind.gust_mph': { question: 'What are the gusts at the crane?', worst: 40, unit: 'mph' },
    'crane.wind_limit_mph': { question: "What is the crane's wind limit?" },
    'crew.size': { question: 'How many people are in the crew?' },
  },
  hazards: [
    {
      id: 'crane_wind',
      severity: 'critical',
      title: 'Crane lift above its wind limit',
      when: "action.kind == 'crane_lift' && facts.wind.gust_mph > coalesce(facts.crane.wind_limit_mph, 20)",
      message: 'Gusts {facts.wind.gust_mph} mph',
      citation: '29 CFR 1926.1417(n)',
    },
  ],
});
const policy = PolicySchema.parse({
  domain: 'site',
  description: 'test',
  thresholds: { incident_rate: 0.3 },
  rollouts: { min: 16, max: 64, batch: 16 },
  horizon: 5,
  deadline_ms: { default: 1000, max: 2000 },
});
const domain = { name: 'site', catalogue, hazardRules: catalogue.hazards, rules: [], policy } as unknown as LoadedDomain;

const lift: ActionReading = { effect: 'proceeds', kind: 'crane_lift', kind_source: 'kind', high_impact: true, lowers_risk: false };
const reading = (facts: Facts, action: Partial<ActionReading> = {}, over: Partial<Reading> = {}): Reading => ({
  facts,
  provenance: {},
  action: { ...lift, ...action },
  ignored: [],
  truncated: [],
  instructions: [],
  unread: { share: 0, words: 5, unknown: [] },
  text: '',
  ...over,
});

describe('the gates before simulation', () => {
  it('when the gusts are known and above the limit, then the hazard fires and nothing is missing', () => {
    const g = gates(domain, reading({ wind: { gust_mph: 31 } }));
    expect(g.codes).toEqual(['hard_rule:crane_wind']);
    expect(g.missing).toEqual([]);
  });

  it('when the gusts are unknown for a crane lift, then the lift escalates with missing_information naming the question', () => {
    const g = gates(domain, reading({}));
    expect(g.codes).toEqual(['missing_information']);
    expect(g.missing).toEqual([{ fact: 'wind.gust_mph', question: 'What are the gusts at the crane?', rules: ['crane_wind'] }]);
  });

  it('when worst values are tried for the unknown facts, then the reading itself is left as it was', () => {
    const facts: Facts = { wind: { speed_mph: 12 }, crew: { size: 4 } };
    const r = reading(facts);
    const before = structuredClone(r.facts);
    expect(gates(domain, r).codes).toEqual(['missing_information']);
    expect(r.facts).toEqual(before);
    // Asking again gives the same answer: nothing of the first try stayed behind.
    expect(gates(domain, r).missing.map((m) => m.fact)).toEqual(['wind.gust_mph']);
  });

  it('when the gusts are unknown but the action stands the crew down, then no question blocks it', () => {
    expect(gates(domain, reading({}, { effect: 'stands_down', lowers_risk: true, high_impact: false })).codes).toEqual([]);
  });

  it('when the worst plausible value would not break the rule, then the unknown fact does not block', () => {
    expect(gates(domain, reading({ crane: { wind_limit_mph: 45 } })).codes).toEqual([]);
  });

  it('when a stand-down meets a hazard, then the hazard rule does not apply to it', () => {
    expect(gates(domain, reading({ wind: { gust_mph: 50 } }, { effect: 'stands_down', lowers_risk: true })).codes).toEqual([]);
  });

  it('when the action contradicts itself, the text was cut, or most words are unreadable, then each has its own reason', () => {
    const g = gates(domain, reading({ wind: { gust_mph: 5 } }, { contradiction: "kind 'stop_work' but the description proceeds" }, { truncated: ['state.task_description'], unread: { share: 0.9, words: 10, unknown: ['flux'] } }));
    expect(g.codes).toEqual(['input_truncated', 'action_contradiction', 'unfamiliar_situation']);
    expect(g.messages.unfamiliar_situation).toContain('flux');
  });

  it('when the pack read no effect of a high-impact action, then it escalates as unfamiliar and says what it lacks; a stand-down does not', () => {
    const calm = { wind: { gust_mph: 5 } };
    const g = gates(domain, reading(calm, { unaccounted: 'no setting it changes was read' }));
    expect(g.codes).toEqual(['unfamiliar_situation']);
    expect(g.messages.unfamiliar_situation).toContain('no setting it changes was read');
    // Both measures at once: one reason, both messages.
    const both = gates(domain, reading(calm, { unaccounted: 'no setting it changes was read' }, { unread: { share: 0.9, words: 10, unknown: ['flux'] } }));
    expect(both.codes).toEqual(['unfamiliar_situation']);
    expect(both.messages.unfamiliar_situation).toMatch(/flux.*no setting it changes was read/);
    expect(gates(domain, reading(calm, { unaccounted: 'no setting it changes was read', effect: 'stands_down', lowers_risk: true })).codes).toEqual([]);
    expect(gates(domain, reading(calm)).codes).toEqual([]);
  });
});
