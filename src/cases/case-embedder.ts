import crypto from 'node:crypto';
import { mulberry32 } from '../lib/random.js';

/**
 * Maps a domain's feature vector to a few dimensions (standardise, then project on the leading
 * principal components of the bank) so PostgreSQL can find nearest cases with a GiST index.
 */
export interface CaseEmbedder {
  readonly version: string;
  readonly dims: number;
  embed(values: ArrayLike<number>): number[];
  /** Distance between two full feature vectors in standardised units. */
  distance(a: ArrayLike<number>, b: ArrayLike<number>): number;
  /** A full feature vector in standardised units (Euclidean distance between two is `distance`). */
  standardise(values: ArrayLike<number>): Float64Array;
}

const EMBEDDING_DIMS = 8;

/** Leading eigenvectors of a symmetric matrix by power iteration with deflation (deterministic start). */
function principalComponents(cov: number[][], k: number): number[][] {
  const d = cov.length;
  const rng = mulberry32(17);
  const m = cov.map((r) => [...r]);
  const out: number[][] = [];
  for (let c = 0; c < Math.min(k, d); c++) {
    let v = Array.from({ length: d }, () => rng() - 0.5);
    let lambda = 0;
    for (let it = 0; it < 200; it++) {
      const w = m.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
      const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0)) || 1;
      v = w.map((x) => x / norm);
      lambda = norm;
    }
    out.push(v);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m[i][j] -= lambda * v[i] * v[j];
  }
  return out;
}

export function fitCaseEmbedder(vectors: ArrayLike<number>[], dims = EMBEDDING_DIMS): CaseEmbedder {
  const n = vectors.length;
  const d = n ? vectors[0].length : 0;
  const mean = new Array(d).fill(0);
  const scale = new Array(d).fill(1);
  for (const v of vectors) for (let j = 0; j < d; j++) mean[j] += Number(v[j]) / n;
  const variance = new Array(d).fill(0);
  for (const v of vectors) for (let j = 0; j < d; j++) variance[j] += (Number(v[j]) - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = variance[j] > 1e-12 ? Math.sqrt(variance[j]) : 1;
  const z = (v: ArrayLike<number>) => Array.from({ length: d }, (_, j) => (Number(v[j] ?? 0) - mean[j]) / scale[j]);
  const cov = Array.from({ length: d }, () => new Array(d).fill(0));
  for (const v of vectors) {
    const s = z(v);
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) cov[i][j] += (s[i] * s[j]) / n;
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) cov[i][j] = cov[j][i];
  const components = principalComponents(cov, dims);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const version = crypto.createHash('sha256').update(JSON.stringify([mean.map(round), scale.map(round), components.map((c) => c.map(round))])).digest('hex').slice(0, 16);
  return {
    version,
    dims: components.length,
    embed(values) {
      const s = z(values);
      return components.map((c) => round(c.reduce((acc, x, j) => acc + x * s[j], 0)));
    },
    standardise(values) {
      return Float64Array.from({ length: d }, (_, j) => (Number(values[j] ?? 0) - mean[j]) / scale[j]);
    },
    distance(a, b) {
      let t = 0;
      for (let j = 0; j < d; j++) t += ((Number(a[j] ?? 0) - Number(b[j] ?? 0)) / scale[j]) ** 2;
      return Math.sqrt(t);
    },
  };
}
