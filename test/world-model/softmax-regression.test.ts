import { describe, expect, it } from 'vitest';
import { mulberry32, sampleIndex } from '../../src/lib/random.js';
import { fitSoftmax, probabilitiesOf, standardise } from '../../src/world-model/embedded/softmax-regression.js';

describe('softmax regression', () => {
  it('when trained on outcomes drawn from a known logistic risk, then its probabilities are within 0.05 of the truth', () => {
    const rng = mulberry32(5);
    const truth = (x: number[]) => {
      const logits = [0, -1 + 2 * x[0] - x[1], -3 + 3 * x[0] * 0 + 1.5 * x[1] + 2 * x[2]];
      const e = logits.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    };
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const x = [rng() * 2, rng() * 3, rng() < 0.3 ? 1 : 0];
      rows.push(x);
      labels.push(sampleIndex(truth(x), rng));
    }
    const model = fitSoftmax(rows, labels, ['ok', 'minor', 'severe']);
    let error = 0;
    const probes = 500;
    for (let i = 0; i < probes; i++) {
      const x = [rng() * 2, rng() * 3, rng() < 0.3 ? 1 : 0];
      const p = probabilitiesOf(model, standardise(model, x));
      error += Math.abs(p[2] - truth(x)[2]);
    }
    expect(error / probes).toBeLessThan(0.05);
  });
});
