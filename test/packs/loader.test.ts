import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains, PackError } from '../../src/packs/load-domains.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';

const roots: string[] = [];

/** A copy of the shipped packs and policies (banks linked, not copied) that a test may break. */
function copyOfPacks(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-packs-'));
  roots.push(root);
  fs.cpSync(path.join(PROJECT_ROOT, 'policies'), path.join(root, 'policies'), { recursive: true });
  for (const d of fs.readdirSync(path.join(PROJECT_ROOT, 'domains'))) {
    const from = path.join(PROJECT_ROOT, 'domains', d);
    if (!fs.statSync(from).isDirectory()) continue;
    fs.mkdirSync(path.join(root, 'domains', d), { recursive: true });
    for (const f of fs.readdirSync(from)) {
      if (f === 'trajectories.jsonl') fs.symlinkSync(path.join(from, f), path.join(root, 'domains', d, f));
      else fs.copyFileSync(path.join(from, f), path.join(root, 'domains', d, f));
    }
  }
  return root;
}

function edit(file: string, change: (text: string) => string) {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

describe('loading domain packs and policies', () => {
  it('when the shipped packs load, then each policy is versioned by the hash of its content', () => {
    const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES);
    expect([...domains.keys()].sort()).toEqual(['construction_safety', 'helpdesk', 'triage']);
    for (const d of domains.values()) {
      expect(d.policyVersion).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(d.rules.length + d.hazardRules.length).toBeGreaterThanOrEqual(5);
      expect(d.hazardRules.every((h) => h.citation.length > 0)).toBe(true);
      expect(d.bank.rows.length).toBeGreaterThanOrEqual(5000);
    }
    const root = copyOfPacks();
    edit(path.join(root, 'policies/helpdesk.yaml'), (t) => `${t}\n# a comment changes the version\n`);
    const changed = loadDomains(root, DOMAIN_MODULES);
    expect(changed.get('helpdesk')!.policyVersion).not.toBe(domains.get('helpdesk')!.policyVersion);
    expect(changed.get('triage')!.policyVersion).toBe(domains.get('triage')!.policyVersion);
  });

  it('when a hard rule does not compile, then loading fails with a message naming the file and the rule', () => {
    const root = copyOfPacks();
    const file = path.join(root, 'policies/construction_safety.yaml');
    const policy = YAML.parse(fs.readFileSync(file, 'utf8'));
    const firstRule = 'a_broken_rule';
    policy.hard_rules = [...(policy.hard_rules ?? []), { id: firstRule, when: 'contians(facts.task, "x")', message: 'm', citation: 'c' }];
    fs.writeFileSync(file, YAML.stringify(policy));
    expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(PackError);
    expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(new RegExp(`construction_safety.yaml.*${firstRule}.*contians`));
  });

  it('when a threshold is out of range, then loading fails naming the field', () => {
    const root = copyOfPacks();
    edit(path.join(root, 'policies/triage.yaml'), (t) => t.replace(/adverse_rate:\s*0\.2\b/, 'adverse_rate: 1.7'));
    expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(/triage.yaml: thresholds.adverse_rate/);
  });

  it('when zero tolerance names an outcome the taxonomy lacks, then loading fails naming it', () => {
    const root = copyOfPacks();
    edit(path.join(root, 'policies/helpdesk.yaml'), (t) => t.replace(/- outcome: data_loss/, '- outcome: meteor_strike'));
    expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(/meteor_strike/);
  });

  it('when a zero-tolerance bound cannot be shown within rollouts.max, then loading fails saying so', () => {
    const root = copyOfPacks();
    edit(path.join(root, 'policies/helpdesk.yaml'), (t) => t.replace(/(- outcome: data_loss\s*\n\s*max_probability:) [0-9.]+/, '$1 0.001'));
    expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(/helpdesk.yaml: no approval is provable within rollouts.max/);
  });

  it('when a domain has no hazard catalogue, or a hazard reads a fact the dictionary lacks, then loading fails naming the file', () => {
    const root = copyOfPacks();
    fs.rmSync(path.join(root, 'domains/triage/catalogue.yaml'));
    expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(/triage\/catalogue.yaml: domain 'triage' has no hazard catalogue/);
    const other = copyOfPacks();
    edit(path.join(other, 'domains/helpdesk/catalogue.yaml'), (t) => {
      const doc = YAML.parse(t);
      doc.hazards[0].when = `facts.no_such_fact == 1 || (${doc.hazards[0].when})`;
      return YAML.stringify(doc);
    });
    expect(() => loadDomains(other, DOMAIN_MODULES)).toThrow(/helpdesk\/catalogue.yaml: .*facts.no_such_fact/);
  });

  it('when a pack file is not valid YAML or lacks its outcomes, then loading fails naming the file', () => {
    const root = copyOfPacks();
    fs.writeFileSync(path.join(root, 'domains/triage/pack.yaml'), 'name: triage\ntitle: Triage\n');
    expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(/triage\/pack.yaml: outcomes/);
  });

  it('when a policy file is not valid YAML, then loading fails with a PackError naming the file, not a parser crash', () => {
    const root = copyOfPacks();
    const file = path.join(root, 'policies/helpdesk.yaml');
    edit(file, (t) => `${t}\nthresholds: [unclosed\n`);
    let err: unknown;
    try {
      loadDomains(root, DOMAIN_MODULES);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PackError);
    expect(err).toMatchObject({ file, problem: expect.stringMatching(/^not valid YAML: /) });
  });

  it('when a bank row uses an outcome outside the taxonomy, then loading fails naming the line', () => {
    const root = copyOfPacks();
    const bank = path.join(root, 'domains/helpdesk/trajectories.jsonl');
    const lines = fs.readFileSync(bank, 'utf8').split('\n');
    fs.rmSync(bank);
    const bad = JSON.parse(lines[1]);
    bad.final_outcome = 'vanished';
    lines[1] = JSON.stringify(bad);
    fs.writeFileSync(bank, lines.join('\n'));
    expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(/trajectories.jsonl: line 2: unknown outcome 'vanished'/);
  });
});
