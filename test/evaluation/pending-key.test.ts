import { describe, expect, it } from 'vitest';
import { pendingEscalationKey } from '../../src/evaluation/evaluate.js';
import type { Reading } from '../../src/packs/reading/reading.js';

const reading = (unknown: string[], facts: Reading['facts'] = { wind: { gust_mph: 31 } }): Pick<Reading, 'facts' | 'action' | 'unread'> => ({
  facts,
  action: { effect: 'proceeds', kind: 'crane_lift', kind_source: 'kind', high_impact: true, lowers_risk: false },
  unread: { share: 0.2, words: 10, unknown },
});
const key = (r: ReturnType<typeof reading>, apiKey = 'key-1') => pendingEscalationKey(apiKey, 'construction_safety', 'sha256:p', r);

describe('the key under which a pending escalation answers a re-ask', () => {
  it('when the same facts are asked again, the words the reading could not read in another order, then the key is the same', () => {
    expect(key(reading(['zorbing', 'quux']))).toBe(key(reading(['quux', 'zorbing', 'quux'])));
  });

  it('when two sparse requests differ only in what the reading could not read, then their keys differ: one never answers for the other', () => {
    expect(key(reading(['printer', 'jams']), 'key-1')).not.toBe(key(reading(['laptop', 'fan']), 'key-1'));
  });

  it('when the facts or the asking key differ, then the keys differ', () => {
    expect(key(reading([]))).not.toBe(key(reading([], { wind: { gust_mph: 32 } })));
    expect(key(reading([]), 'key-1')).not.toBe(key(reading([]), 'key-2'));
  });
});
