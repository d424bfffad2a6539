import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { validateCommand } from '../../src/cli/validate.js';
import { SCENARIOS } from '../support/scenarios.js';

// `validate --domain D --cases FILE` scores a batch on first contact: the decisions on that file alone, misses by id.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-cases-'));
const asCase = (id: string, gold: 'approve' | 'escalate', body: { state: unknown; action: unknown }) => ({
  id, title: id, source: 'this test', gold, why: 'a seed scenario', request: { state: body.state, action: body.action },
});

describe('validate --cases', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(cases: unknown[]): Promise<string[]> {
    const file = path.join(dir, `batch-${Math.random().toString(36).slice(2)}.yaml`);
    fs.writeFileSync(file, YAML.stringify(cases));
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      await validateCommand(['--domain', 'triage', '--cases', file]);
    } finally {
      spy.mockRestore();
    }
    return lines;
  }

  it('when a batch holds a dangerous and a safe case, then both are counted and only the wrong one is named', async () => {
    const lines = await run([
      asCase('t-1', 'escalate', SCENARIOS.atypicalMiSentHome.body),
      asCase('t-2', 'approve', SCENARIOS.sprainedAnkleHomeCare.body),
      // The same home-care answer given the wrong gold: it must be listed as a miss.
      asCase('t-3', 'escalate', SCENARIOS.sprainedAnkleHomeCare.body),
    ]);
    expect(lines.at(-1)).toMatch(/dangerous escalated 1\/2 .* safe approved 1\/1/);
    expect(lines.filter((l) => l.startsWith('miss '))).toEqual(['miss t-3: gold escalate, got approve']);
  });

  it('when a case in the file is malformed, then the command refuses the file and names the field', async () => {
    await expect(run([{ id: 'x', gold: 'maybe' }])).rejects.toThrow(/gold|title/);
  });
});
