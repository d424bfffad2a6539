/**
 * Calibration of predicted probabilities against observed binary outcomes: the Brier score, its
 * Murphy (1973) decomposition over reliability bins, the expected calibration error and the bins
 * themselves. Pure, and computed from per-bin sums only, so the database can aggregate any number
 * of evaluations and hand over at most BIN_COUNT rows per figure.
 */

/** Equal-width bins over [0, 1]: bin k holds predictions in [k/10, (k+1)/10), the last one 1.0 as well. */
export const BIN_COUNT = 10;

export function binOf(p: number): number {
  return Math.min(BIN_COUNT - 1, Math.max(0, Math.floor(p * BIN_COUNT)));
}

/** What one bin needs of its predictions p and outcomes o ∈ {0, 1}: n, Σp, Σp², Σo, Σp·o. */
export interface BinSums {
  bin: number;
  n: number;
  sumP: number;
  sumP2: number;
  sumO: number;
  sumPO: number;
}

export interface ReliabilityBin {
  bin: number;
  /** The bin's range of predictions, [lower, upper). */
  lower: number;
  upper: number;
  count: number;
  /** Mean prediction of the bin (null when empty). */
  predicted_mean: number | null;
  /** Share of the bin's evaluations whose outcome happened (null when empty). */
  observed_frequency: number | null;
}

export interface CalibrationFigures {
  /** Evaluations with a prediction and an outcome. */
  n: number;
  predicted_mean: number | null;
  observed_rate: number | null;
  /** Mean squared error of the predictions: 0 is perfect; always predicting the base rate scores `uncertainty`. */
  brier: number | null;
  /** Σ n_k (p̄_k − ō_k)² / N: how far each bin's mean prediction is from what happened in it (lower is better). */
  reliability: number | null;
  /** Σ n_k (ō_k − ō)² / N: how much the bins' observed rates differ from the base rate (higher is better). */
  resolution: number | null;
  /** ō (1 − ō): the Brier score of always predicting the base rate. */
  uncertainty: number | null;
  /**
   * The two terms by which predictions that differ inside a bin move the Brier score away from
   * reliability − resolution + uncertainty (Stephenson, Coelho & Jolliffe 2008):
   * brier = reliability − resolution + uncertainty + within_bin_variance − 2 · within_bin_covariance.
   */
  within_bin_variance: number | null;
  within_bin_covariance: number | null;
  /** 1 − brier / uncertainty: above 0 beats always predicting the base rate (null when uncertainty is 0). */
  brier_skill: number | null;
  /** Σ (n_k / N) |p̄_k − ō_k|: the expected calibration error over the bins. */
  ece: number | null;
  bins: ReliabilityBin[];
}

/** The sums of each bin (all BIN_COUNT of them, empty ones included) of a set of points. */
export function sumsOf(points: Iterable<{ p: number; o: boolean }>): BinSums[] {
  const bins = emptySums();
  for (const { p, o } of points) {
    const b = bins[binOf(p)];
    const y = o ? 1 : 0;
    b.n += 1;
    b.sumP += p;
    b.sumP2 += p * p;
    b.sumO += y;
    b.sumPO += p * y;
  }
  return bins;
}

function emptySums(): BinSums[] {
  return Array.from({ length: BIN_COUNT }, (_, bin) => ({ bin, n: 0, sumP: 0, sumP2: 0, sumO: 0, sumPO: 0 }));
}

/** Adds sums that name the same bin (rows from the database may come in any order, some bins absent). */
export function normaliseSums(rows: Iterable<BinSums>): BinSums[] {
  const bins = emptySums();
  for (const r of rows) {
    if (!Number.isInteger(r.bin) || r.bin < 0 || r.bin >= BIN_COUNT) throw new RangeError(`bin ${r.bin} is outside 0..${BIN_COUNT - 1}`);
    const b = bins[r.bin];
    b.n += r.n;
    b.sumP += r.sumP;
    b.sumP2 += r.sumP2;
    b.sumO += r.sumO;
    b.sumPO += r.sumPO;
  }
  return bins;
}

const bounds = (bin: number) => ({ lower: bin / BIN_COUNT, upper: (bin + 1) / BIN_COUNT });

export function calibrationOf(rows: Iterable<BinSums>): CalibrationFigures {
  const bins = normaliseSums(rows);
  const n = bins.reduce((s, b) => s + b.n, 0);
  const reliabilityBins: ReliabilityBin[] = bins.map((b) => ({
    bin: b.bin,
    ...bounds(b.bin),
    count: b.n,
    predicted_mean: b.n > 0 ? b.sumP / b.n : null,
    observed_frequency: b.n > 0 ? b.sumO / b.n : null,
  }));
  if (n === 0) {
    return {
      n,
      predicted_mean: null,
      observed_rate: null,
      brier: null,
      reliability: null,
      resolution: null,
      uncertainty: null,
      within_bin_variance: null,
      within_bin_covariance: null,
      brier_skill: null,
      ece: null,
      bins: reliabilityBins,
    };
  }
  const sumP = bins.reduce((s, b) => s + b.sumP, 0);
  const sumO = bins.reduce((s, b) => s + b.sumO, 0);
  const base = sumO / n;
  // o² = o for a binary outcome, so Σ(p − o)² = Σp² − 2Σpo + Σo.
  const brier = bins.reduce((s, b) => s + b.sumP2 - 2 * b.sumPO + b.sumO, 0) / n;
  let reliability = 0;
  let resolution = 0;
  let variance = 0;
  let covariance = 0;
  let ece = 0;
  for (const b of bins) {
    if (b.n === 0) continue;
    const pk = b.sumP / b.n;
    const ok = b.sumO / b.n;
    reliability += b.n * (pk - ok) ** 2;
    resolution += b.n * (ok - base) ** 2;
    // Σ(p − p̄)² and Σ(p − p̄)(o − ō) inside the bin, from its sums; rounding can leave a variance a hair below 0.
    variance += Math.max(0, b.sumP2 - b.n * pk * pk);
    covariance += b.sumPO - b.n * pk * ok;
    ece += b.n * Math.abs(pk - ok);
  }
  const uncertainty = base * (1 - base);
  return {
    n,
    predicted_mean: sumP / n,
    observed_rate: base,
    brier,
    reliability: reliability / n,
    resolution: resolution / n,
    uncertainty,
    within_bin_variance: variance / n,
    within_bin_covariance: covariance / n,
    brier_skill: uncertainty > 0 ? 1 - brier / uncertainty : null,
    ece: ece / n,
    bins: reliabilityBins,
  };
}
