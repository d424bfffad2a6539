import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { betaInterval, normalQuantile, regularisedBeta, wilsonInterval } from '../../src/evaluation/risk-stats.js';

describe('risk statistics', () => {
  it('when 0 of 5 futures are incidents, then a 90% Wilson interval still allows a third or more', () => {
    const [lo, hi] = wilsonInterval(0, 5, 0.9);
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0.33);
  });

  it('when 10 of 16 futures are incidents, then the 95% Wilson interval matches the textbook value', () => {
    const [lo, hi] = wilsonInterval(10, 16, 0.95);
    expect(lo).toBeCloseTo(0.3864, 3);
    expect(hi).toBeCloseTo(0.8152, 3);
  });

  it('when the normal quantile is asked for 97.5%, then it is 1.96', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });

  it('when the regularised incomplete beta is evaluated, then it matches known values', () => {
    expect(regularisedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 10);
    expect(regularisedBeta(0.2, 1, 1)).toBeCloseTo(0.2, 10);
    expect(regularisedBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 5);
  });

  it('when any k of n is observed, then both intervals contain the estimate and narrow as n grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        for (const [lo, hi] of [wilsonInterval(k, n, 0.9), betaInterval(k, n, 0.9)]) {
          expect(lo).toBeLessThanOrEqual(k / n + 1e-9);
          expect(hi).toBeGreaterThanOrEqual(k / n - 1e-9);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
        }
        const [lo4, hi4] = wilsonInterval(4 * k, 4 * n, 0.9);
        const [lo1, hi1] = wilsonInterval(k, n, 0.9);
        expect(hi4 - lo4).toBeLessThan(hi1 - lo1 + 1e-9);
      }),
    );
  });
});
