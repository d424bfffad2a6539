import { describe, expect, it } from 'vitest';
import { prepared } from '../../src/evaluation/reading-memo.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';

const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('construction_safety')!;
const lift = (gustMph: number, note = 'calm morning') => ({
  state: { environmental_conditions: { wind_speed_mph: 8, gust_mph: gustMph }, site_notes: note },
  action: { kind: 'crane_lift', description: 'Lift the precast panel to level 3' },
});

describe('the reading of a request, worked out once per distinct request', () => {
  it('when the same request comes again, its keys in another order, then it is read once and the second answer uses the same reading', () => {
    const a = lift(12);
    const first = prepared(domain, a.state, a.action as never);
    const reordered = { site_notes: a.state.site_notes, environmental_conditions: { gust_mph: 12, wind_speed_mph: 8 } };
    const again = prepared(domain, reordered, { description: a.action.description, kind: a.action.kind } as never);
    expect(again).toBe(first);
  });

  it('when one fact differs, then the request is read afresh and the reading has that fact', () => {
    const calm = lift(12);
    const gusty = lift(45);
    const one = prepared(domain, calm.state, calm.action as never);
    const other = prepared(domain, gusty.state, gusty.action as never);
    expect(other).not.toBe(one);
    expect(JSON.stringify(other.reading.facts)).toContain('45');
    expect(JSON.stringify(one.reading.facts)).not.toContain('45');
  });

  it('when many large distinct requests come, then each is still read for itself (the memo is bounded by size, not a source of stale answers)', () => {
    const long = 'the crew stands by the tag lines and the banksman watches the load path '.repeat(100);
    for (let i = 0; i < 300; i++) {
      const r = lift(100 + i, long);
      expect(JSON.stringify(prepared(domain, r.state, r.action as never).reading.facts)).toContain(String(100 + i));
    }
  });
});
