/**
 * Multinomial logistic regression with L2 regularisation, fitted by full-batch Adam on
 * standardised features. Small, dependency-free and deterministic: the same rows give the
 * same weights.
 */
export interface SoftmaxModel {
  readonly classes: readonly string[];
  readonly dims: number;
  /** Per-feature mean and scale used to standardise inputs. */
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  /** classes × (dims + 1), row-major, bias last. */
  readonly weights: Float64Array;
}

export interface FitOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

export function standardise(model: Pick<SoftmaxModel, 'mean' | 'scale' | 'dims'>, x: ArrayLike<number>, out = new Float64Array(model.dims)): Float64Array {
  for (let j = 0; j < model.dims; j++) out[j] = (Number(x[j] ?? 0) - model.mean[j]) / model.scale[j];
  return out;
}

/** Class probabilities for one standardised input. */
export function probabilitiesOf(model: SoftmaxModel, z: ArrayLike<number>, out = new Float64Array(model.classes.length)): Float64Array {
  const k = model.classes.length;
  const stride = model.dims + 1;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let s = model.weights[c * stride + model.dims];
    for (let j = 0; j < model.dims; j++) s += model.weights[c * stride + j] * z[j];
    out[c] = s;
    if (s > max) max = s;
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c] - max);
    total += out[c];
  }
  for (let c = 0; c < k; c++) out[c] /= total;
  return out;
}

export function fitSoftmax(rows: ArrayLike<number>[], labels: number[], classes: readonly string[], opts: FitOptions = {}): SoftmaxModel {
  const n = rows.length;
  const dims = n > 0 ? rows[0].length : 0;
  const k = classes.length;
  const stride = dims + 1;
  const l2 = opts.l2 ?? 1e-3;
  const iterations = opts.iterations ?? 300;
  const lr = opts.learningRate ?? 0.05;

  const mean = new Float64Array(dims);
  const scale = new Float64Array(dims).fill(1);
  for (const r of rows) for (let j = 0; j < dims; j++) mean[j] += Number(r[j]) / n;
  const variance = new Float64Array(dims);
  for (const r of rows) for (let j = 0; j < dims; j++) variance[j] += (Number(r[j]) - mean[j]) ** 2 / n;
  for (let j = 0; j < dims; j++) scale[j] = variance[j] > 1e-12 ? Math.sqrt(variance[j]) : 1;

  const X = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) for (let j = 0; j < dims; j++) X[i * dims + j] = (Number(rows[i][j]) - mean[j]) / scale[j];

  const model: SoftmaxModel = { classes, dims, mean, scale, weights: new Float64Array(k * stride) };
  // Start from the class base rates, so rare classes begin at their real frequency.
  const counts = new Float64Array(k);
  for (const y of labels) counts[y]++;
  for (let c = 0; c < k; c++) model.weights[c * stride + dims] = Math.log((counts[c] + 1) / (n + k));

  const grad = new Float64Array(k * stride);
  const m1 = new Float64Array(k * stride);
  const m2 = new Float64Array(k * stride);
  const p = new Float64Array(k);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let it = 1; it <= iterations; it++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const z = X.subarray(i * dims, (i + 1) * dims);
      probabilitiesOf(model, z, p);
      p[labels[i]] -= 1;
      for (let c = 0; c < k; c++) {
        const g = p[c] / n;
        if (g === 0) continue;
        const base = c * stride;
        for (let j = 0; j < dims; j++) grad[base + j] += g * z[j];
        grad[base + dims] += g;
      }
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < dims; j++) grad[c * stride + j] += l2 * model.weights[c * stride + j];
    const w = model.weights;
    const c1 = 1 - beta1 ** it;
    const c2 = 1 - beta2 ** it;
    for (let q = 0; q < w.length; q++) {
      m1[q] = beta1 * m1[q] + (1 - beta1) * grad[q];
      m2[q] = beta2 * m2[q] + (1 - beta2) * grad[q] * grad[q];
      w[q] -= (lr * (m1[q] / c1)) / (Math.sqrt(m2[q] / c2) + 1e-8);
    }
  }
  return model;
}
