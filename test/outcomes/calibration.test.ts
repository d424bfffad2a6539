import { describe, expect, it } from 'vitest';
import { binOf, calibrationOf, normaliseSums, sumsOf } from '../../src/outcomes/calibration.js';

const points = (ps: number[], os: number[]) => ps.map((p, i) => ({ p, o: os[i] === 1 }));

describe('calibration figures', () => {
  /*
   * Six predictions, two per bin, identical inside each bin:
   *   p = 0.1, 0.1 → outcomes 0, 0   (bin 1: n 2, p̄ 0.1, ō 0)
   *   p = 0.4, 0.4 → outcomes 1, 0   (bin 4: n 2, p̄ 0.4, ō 0.5)
   *   p = 0.8, 0.8 → outcomes 1, 1   (bin 8: n 2, p̄ 0.8, ō 1)
   * Brier = (0.01 + 0.01 + 0.36 + 0.16 + 0.04 + 0.04) / 6 = 0.62 / 6 = 0.103333…
   * base rate ō = 3/6 = 0.5, uncertainty = 0.5 · 0.5 = 0.25
   * reliability = (2·0.1² + 2·0.1² + 2·0.2²) / 6 = 0.12 / 6 = 0.02
   * resolution  = (2·0.5² + 2·0² + 2·0.5²) / 6 = 1 / 6 = 0.166667
   * 0.02 − 0.166667 + 0.25 = 0.103333 = Brier (no spread inside the bins)
   * ECE = (2·0.1 + 2·0.1 + 2·0.2) / 6 = 0.8 / 6 = 0.133333; skill = 1 − 0.103333 / 0.25 = 0.586667
   */
  it('when predictions are identical inside each bin, then Brier = reliability − resolution + uncertainty, and the bins are as counted by hand', () => {
    const f = calibrationOf(sumsOf(points([0.1, 0.1, 0.4, 0.4, 0.8, 0.8], [0, 0, 1, 0, 1, 1])));
    expect(f.n).toBe(6);
    expect(f.brier).toBeCloseTo(0.62 / 6, 12);
    expect(f.uncertainty).toBeCloseTo(0.25, 12);
    expect(f.reliability).toBeCloseTo(0.02, 12);
    expect(f.resolution).toBeCloseTo(1 / 6, 12);
    expect(f.within_bin_variance).toBeCloseTo(0, 12);
    expect(f.within_bin_covariance).toBeCloseTo(0, 12);
    expect(f.ece).toBeCloseTo(0.8 / 6, 12);
    expect(f.brier_skill).toBeCloseTo(1 - 0.62 / 6 / 0.25, 12);
    expect(f.predicted_mean).toBeCloseTo(2.6 / 6, 12);
    expect(f.observed_rate).toBe(0.5);
    expect(f.bins).toHaveLength(10);
    const filled = f.bins.filter((b) => b.count > 0).map((b) => [b.bin, b.count, b.predicted_mean, b.observed_frequency]);
    expect(filled).toEqual([
      [1, 2, expect.closeTo(0.1, 12), 0],
      [4, 2, expect.closeTo(0.4, 12), 0.5],
      [8, 2, expect.closeTo(0.8, 12), 1],
    ]);
    expect(f.bins[4]).toMatchObject({ lower: 0.4, upper: 0.5 });
    expect(f.bins.filter((b) => b.count === 0).every((b) => b.predicted_mean === null && b.observed_frequency === null)).toBe(true);
  });

  /*
   * Predictions that differ inside a bin:
   *   (0.32, 1), (0.38, 0) → bin 3: n 2, p̄ 0.35, ō 0.5;   (0.9, 1) → bin 9: n 1, p̄ 0.9, ō 1
   * Brier = (0.68² + 0.38² + 0.1²) / 3 = (0.4624 + 0.1444 + 0.01) / 3 = 0.2056
   * ō = 2/3, uncertainty = 2/9; reliability = (2·0.15² + 0.1²) / 3 = 0.055 / 3
   * resolution = (2·(1/6)² + (1/3)²) / 3 = 1/18
   * within-bin variance = (0.03² + 0.03²) / 3 = 0.0006; covariance = (−0.03·0.5 + 0.03·(−0.5)) / 3 = −0.01
   * 0.018333 − 0.055556 + 0.222222 + 0.0006 − 2·(−0.01) = 0.2056 = Brier
   * ECE = (2·0.15 + 0.1) / 3 = 0.133333
   */
  it('when predictions spread inside a bin, then the within-bin terms close the decomposition exactly', () => {
    const f = calibrationOf(sumsOf(points([0.32, 0.38, 0.9], [1, 0, 1])));
    expect(f.brier).toBeCloseTo(0.2056, 12);
    expect(f.uncertainty).toBeCloseTo(2 / 9, 12);
    expect(f.reliability).toBeCloseTo(0.055 / 3, 12);
    expect(f.resolution).toBeCloseTo(1 / 18, 12);
    expect(f.within_bin_variance).toBeCloseTo(0.0006, 12);
    expect(f.within_bin_covariance).toBeCloseTo(-0.01, 12);
    expect(f.ece).toBeCloseTo(0.4 / 3, 12);
    const closed = f.reliability! - f.resolution! + f.uncertainty! + f.within_bin_variance! - 2 * f.within_bin_covariance!;
    expect(closed).toBeCloseTo(f.brier!, 12);
  });

  it('when there is nothing to calibrate, then every figure is null and the ten bins are empty', () => {
    const f = calibrationOf([]);
    expect(f).toMatchObject({ n: 0, brier: null, reliability: null, resolution: null, uncertainty: null, ece: null, brier_skill: null });
    expect(f.bins.map((b) => b.count)).toEqual(Array(10).fill(0));
  });

  it('when every outcome is the same, then uncertainty is 0 and the skill score is undefined, not infinite', () => {
    const f = calibrationOf(sumsOf(points([0.2, 0.6], [0, 0])));
    expect(f.uncertainty).toBe(0);
    expect(f.brier_skill).toBeNull();
    expect(f.brier).toBeCloseTo((0.04 + 0.36) / 2, 12);
  });

  it('when predictions sit on bin edges, then the lower edge is inclusive and 1.0 falls in the last bin', () => {
    expect([0, 0.0999, 0.1, 0.3, 0.7, 0.9, 0.999, 1].map(binOf)).toEqual([0, 0, 1, 3, 7, 9, 9, 9]);
  });

  it('when the database hands over one bin in several rows and others not at all, then they are added up', () => {
    const whole = calibrationOf(sumsOf(points([0.1, 0.15, 0.4], [1, 0, 1])));
    const split = calibrationOf([
      { bin: 4, n: 1, sumP: 0.4, sumP2: 0.16, sumO: 1, sumPO: 0.4 },
      { bin: 1, n: 1, sumP: 0.1, sumP2: 0.01, sumO: 1, sumPO: 0.1 },
      { bin: 1, n: 1, sumP: 0.15, sumP2: 0.0225, sumO: 0, sumPO: 0 },
    ]);
    expect(split.brier).toBeCloseTo(whole.brier!, 12);
    expect(split.bins[1].count).toBe(2);
    expect(() => normaliseSums([{ bin: 10, n: 1, sumP: 1, sumP2: 1, sumO: 1, sumPO: 1 }])).toThrow(/outside/);
  });
});
