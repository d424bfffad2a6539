import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion, diskCache } from '../../src/packs/bank-cache.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the disk cache of what start-up derives from a bank', () => {
  it('when a second process asks for the same key, then it reads the stored value instead of computing it', () => {
    let computed = 0;
    const compute = () => (computed++, { features: [[0.1, 1 / 3, -2.5e-12]] });
    const first = diskCache(dir).get('bank-x', 'bank:abc:cat:def', compute);
    const second = diskCache(dir).get('bank-x', 'bank:abc:cat:def', compute);
    expect(computed).toBe(1);
    expect(second).toEqual(first);
    expect(second.features[0][1]).toBe(1 / 3); // every bit of a double survives
  });

  it('when the bank or catalogue changes (a new key), then the value is computed anew and the stale file goes', () => {
    let computed = 0;
    diskCache(dir).get('bank-y', 'k1', () => ++computed);
    const again = diskCache(dir).get('bank-y', 'k2', () => ++computed);
    expect(again).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('bank-y-'))).toHaveLength(1);
  });

  it('when the stored file is corrupt, then the value is computed, the problem reported, and the file repaired', () => {
    diskCache(dir).get('bank-z', 'k', () => 'good');
    const file = fs.readdirSync(dir).find((f) => f.startsWith('bank-z-'))!;
    fs.writeFileSync(path.join(dir, file), '{"key": "trunc');
    const errors: Error[] = [];
    expect(diskCache(dir, (e) => errors.push(e)).get('bank-z', 'k', () => 'recomputed')).toBe('recomputed');
    expect(errors).toHaveLength(1);
    expect(diskCache(dir).get('bank-z', 'k', () => 'not again')).toBe('recomputed');
  });

  it('when no directory is configured, then nothing is stored and every call computes', () => {
    let computed = 0;
    diskCache(undefined).get('n', 'k', () => ++computed);
    diskCache(undefined).get('n', 'k', () => ++computed);
    expect(computed).toBe(2);
  });

  it('the key covers the code that reads and fits: a version over its sources', () => {
    expect(codeVersion()).toMatch(/^[0-9a-f]{64}$/);
  });
});
