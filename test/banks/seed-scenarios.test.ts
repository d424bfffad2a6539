import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { SEED_TEXTS } from '../../tools/banks/seed-scenarios.js';
import { SCENARIOS } from '../support/scenarios.js';

/** Every string value of a JSON value, lower-cased and trimmed. */
function strings(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value.trim().toLowerCase());
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('the seed scenarios are not in the banks', () => {
  it('when the seed scenarios the tests send are listed, then every free-text line of them is in SEED_TEXTS', () => {
    const sent = new Set<string>();
    for (const s of Object.values(SCENARIOS)) {
      const body = s.body as { state: Record<string, unknown>; action: { description?: string } };
      for (const key of ['task_description', 'chief_complaint', 'description']) {
        const v = body.state[key];
        if (typeof v === 'string') sent.add(v.trim().toLowerCase());
      }
      if (body.action.description) sent.add(body.action.description.trim().toLowerCase());
    }
    const listed = new Set(SEED_TEXTS.map((t) => t.toLowerCase()));
    expect([...sent].filter((t) => !listed.has(t))).toEqual([]);
  });

  it.each(['construction_safety', 'helpdesk', 'triage'])('when the shipped %s bank is read, then no row repeats a seed scenario’s text word for word', (domain) => {
    const seen = new Set<string>();
    for (const line of fs.readFileSync(path.join(PROJECT_ROOT, 'domains', domain, 'trajectories.jsonl'), 'utf8').split('\n')) {
      if (line) strings(JSON.parse(line), seen);
    }
    expect(SEED_TEXTS.filter((t) => seen.has(t.toLowerCase()))).toEqual([]);
  });
});
