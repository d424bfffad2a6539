import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/canonical-json.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';
import { matchPersonal, parsePersonalPath } from '../../src/privacy/personal-paths.js';
import { openPersonal, personalDigest, sealPersonal, type Shown } from '../../src/privacy/personal-seal.js';
import { PERSON } from './privacy-support.js';

function pathOf(text: string) {
  const parsed = parsePersonalPath(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.path;
}
const paths = ['state.patient.name', 'state.patient.mrn', 'state.notes', 'state.turns.*.content'].map(pathOf);
type Content = ReturnType<typeof content>;

function content() {
  return {
    request: {
      domain: 'triage',
      state: { patient: { name: PERSON.name, mrn: PERSON.mrn, age: 45 }, notes: PERSON.complaint, turns: [{ role: 'caller', content: PERSON.story }, { role: 'nurse', content: 'ok' }] },
      action: { description: 'Advise rest', kind: 'disposition' },
    },
    response: {
      decision: 'escalate',
      explanation: `Escalated: state.notes: "jaw pain for 2 hours" and ${PERSON.name} is 45.`,
      reading: { facts: { complaint: PERSON.complaint }, sources: { onset: 'state.notes: "2 hours"', mrn: `state.patient.mrn = ${JSON.stringify(PERSON.mrn)}` }, action: { kind: 'disposition' } },
      policy: { version: 'sha256:x' },
    },
    futures: [{ index: 0, final_outcome: 'admission', steps: [{ t: 1, event: `${PERSON.name.toUpperCase()} calls back`, outcome: 'x', reward: 0 }], risk_factors: ['jaw pain'] }],
  };
}

describe('sealing personal values apart from the stored evaluation', () => {
  it('when content is sealed, then no personal value is left in it, each is committed to by a salted digest, and opening it gives back exactly the original', () => {
    const original = content();
    const sealed = sealPersonal(original, paths)!;
    const sc = sealed.content as unknown as Content;
    const text = JSON.stringify(sealed.content);
    for (const s of [PERSON.name, PERSON.mrn, PERSON.complaint, PERSON.story, '2 hours', PERSON.name.toUpperCase()]) expect(text, s).not.toContain(s);
    // What is not personal stays: the decision, the structure, the age, the nurse's short turn.
    expect(sc.response.decision).toBe('escalate');
    expect(sc.request.state.patient.age).toBe(45);
    expect(sc.request.action).toEqual(original.request.action);
    expect(sc.response.reading.action).toEqual({ kind: 'disposition' });
    for (const f of sealed.fields) expect(personalDigest(f.salt, f.value)).toBe(f.digest);
    const byDigest = new Map(sealed.fields.map((f) => [f.digest, f]));
    const opened = openPersonal(sealed.content, (d): Shown | undefined => (byDigest.has(d) ? { kind: 'value', value: byDigest.get(d)!.value } : undefined));
    expect(canonicalJson(opened)).toBe(canonicalJson(original));
    // The input is never changed in place.
    expect(canonicalJson(original)).toBe(canonicalJson(content()));
  });

  it('when the same value is sealed twice, then the digests differ (a fresh salt each time), so a digest cannot be matched against a guess', () => {
    const a = sealPersonal(content(), paths)!;
    const b = sealPersonal(content(), paths)!;
    const name = (s: typeof a) => s.fields.find((f) => f.path === 'request.state.patient.name')!;
    expect(name(a).digest).not.toBe(name(b).digest);
    const unsalted = `sha256:${crypto.createHash('sha256').update(canonicalJson(PERSON.name)).digest('hex')}`;
    expect(name(a).digest).not.toBe(unsalted);
  });

  it('when opened for someone who may not see the values, or after erasure, then they read [personal] or [erased]; look-alike markers a caller typed are left alone', () => {
    const c = content();
    c.request.state.patient.age = { $personal: `sha256:${'0'.repeat(64)}` } as never;
    c.response.explanation += ` [[personal:sha256:${'1'.repeat(64)}]]`;
    const sealed = sealPersonal(c, paths)!;
    const masked = openPersonal(sealed.content as unknown as Content, (d) => (sealed.fields.some((f) => f.digest === d) ? { kind: 'masked' } : undefined));
    expect(masked.request.state.patient).toEqual({ name: '[personal]', mrn: '[personal]', age: { $personal: `sha256:${'0'.repeat(64)}` } });
    expect(masked.response.reading.facts.complaint).toBe('[personal]');
    expect(masked.response.explanation).toContain(`[[personal:sha256:${'1'.repeat(64)}]]`);
    const erased = openPersonal(sealed.content as unknown as Content, (d) => (sealed.fields.some((f) => f.digest === d) ? { kind: 'erased' } : undefined));
    expect(JSON.stringify(erased)).not.toContain(PERSON.name);
    expect(erased.request.state.notes).toBe('[erased]');
  });

  it('when a request holds none of the paths, then there is nothing to seal (the row keeps scheme 2)', () => {
    const c = content();
    c.request.state = { other: 'x' } as never;
    expect(sealPersonal(c, paths)).toBeNull();
    expect(matchPersonal(c.request, paths)).toEqual([]);
  });

  it('when paths are matched, then * covers every key or index, and a field inside a personal subtree is left to the subtree', () => {
    const req = { state: { a: { b: [{ c: 1 }, { c: 2 }] }, d: { e: 'x' } } };
    const both = ['state.a.b.*.c', 'state.a'].map(pathOf);
    expect(matchPersonal(req, both).map((m) => m.path.join('.'))).toEqual(['state.a']);
    const one = [pathOf('state.a.b.*.c')];
    expect(matchPersonal(req, one).map((m) => m.path.join('.'))).toEqual(['state.a.b.0.c', 'state.a.b.1.c']);
  });
});

describe('the personal paths a pack declares', () => {
  it('when the shipped packs load, then each names its personal fields and headline', () => {
    const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES);
    expect(domains.get('triage')!.personal.map((p) => p.join('.'))).toEqual(expect.arrayContaining(['state.chief_complaint', 'state.caller_demographics.mrn', 'state.conversation_history']));
    expect(domains.get('helpdesk')!.personal.map((p) => p.join('.'))).toEqual(expect.arrayContaining(['state.requester_email']));
    expect(domains.get('triage')!.headline).toEqual(['state', 'chief_complaint']);
  });

  it('when a pack names a personal path badly, then loading fails naming the file and the path', () => {
    for (const [bad, message] of [
      ['notes', /must start with state\., action\. or context\./],
      ['state.a b', /segment 'a b'/],
      ['state', /names a whole part/],
    ] as const) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-packs-'));
      try {
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
        const file = path.join(root, 'domains/triage/pack.yaml');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  - state.notes\n', `  - ${bad}\n`));
        expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(message);
        expect(() => loadDomains(root, DOMAIN_MODULES)).toThrow(/triage\/pack\.yaml: personal\.\d+/);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
  });
});
