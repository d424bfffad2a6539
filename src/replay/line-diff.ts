/** A line diff of two texts, bounded in time and size: what changed between two policy versions. */
export interface LineDiff {
  /** Lines removed from the old text and added in the new one, counted over the whole texts. */
  removed: number;
  added: number;
  /** Unified-style lines: `@@ -a +b @@` hunk headers, then `-`, `+` and ` ` (context) lines. */
  lines: string[];
  /** Lines were left out, or cut short, to keep the diff within its bounds. */
  truncated: boolean;
}

export interface LineDiffLimits {
  /** Most output lines. */
  maxLines: number;
  /** Longest output line, in characters. */
  maxLineLength: number;
  /** Context lines around each change. */
  context: number;
  /**
   * The largest (old lines × new lines) of the part that differs that is aligned line by line;
   * above it the part is shown as removed, then added: still true, less minimal, never slow.
   */
  maxCells: number;
}

export const DEFAULT_DIFF_LIMITS: LineDiffLimits = { maxLines: 200, maxLineLength: 300, context: 2, maxCells: 2_000_000 };

type Op = { kind: ' ' | '-' | '+'; line: string; oldNo: number; newNo: number };

const splitLines = (text: string): string[] => {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/** The longest common subsequence of the two middles, as edit operations (classic dynamic programming). */
function align(a: string[], b: string[], aStart: number, bStart: number, maxCells: number): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > maxCells) {
    return [...a.map((line, i): Op => ({ kind: '-', line, oldNo: aStart + i, newNo: bStart })), ...b.map((line, j): Op => ({ kind: '+', line, oldNo: aStart + n, newNo: bStart + j }))];
  }
  // lcs[i][j]: the LCS length of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i], oldNo: aStart + i, newNo: bStart + j });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
      // Removals before additions, as unified diffs show them.
      ops.push({ kind: '-', line: a[i], oldNo: aStart + i, newNo: bStart + j });
      i++;
    } else {
      ops.push({ kind: '+', line: b[j], oldNo: aStart + i, newNo: bStart + j });
      j++;
    }
  }
  return ops;
}

/** The changes from `before` to `after`, with a little context, within `limits`. */
export function lineDiff(before: string, after: string, limits: LineDiffLimits = DEFAULT_DIFF_LIMITS): LineDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  // The common head and tail are trimmed first: a policy edit usually touches a few lines.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [
    ...a.slice(0, head).map((line, i): Op => ({ kind: ' ', line, oldNo: i, newNo: i })),
    ...align(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head, head, limits.maxCells),
    ...a.slice(a.length - tail).map((line, i): Op => ({ kind: ' ', line, oldNo: a.length - tail + i, newNo: b.length - tail + i })),
  ];
  const removed = ops.filter((o) => o.kind === '-').length;
  const added = ops.filter((o) => o.kind === '+').length;

  // Hunks: each change with `context` unchanged lines either side; neighbouring hunks merge.
  const keep = new Uint8Array(ops.length);
  ops.forEach((o, k) => {
    if (o.kind === ' ') return;
    for (let c = Math.max(0, k - limits.context); c <= Math.min(ops.length - 1, k + limits.context); c++) keep[c] = 1;
  });
  const lines: string[] = [];
  let truncated = false;
  const push = (text: string): boolean => {
    if (lines.length >= limits.maxLines) {
      truncated = true;
      return false;
    }
    if (text.length > limits.maxLineLength) {
      truncated = true;
      text = `${text.slice(0, limits.maxLineLength - 1)}…`;
    }
    lines.push(text);
    return true;
  };
  for (let k = 0; k < ops.length; k++) {
    if (!keep[k]) continue;
    if (k === 0 || !keep[k - 1]) {
      const o = ops[k];
      if (!push(`@@ -${o.oldNo + 1} +${o.newNo + 1} @@`)) break;
    }
    if (!push(`${ops[k].kind} ${ops[k].line}`)) break;
  }
  return { removed, added, lines, truncated };
}
