import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { helpdeskModule } from '../../src/packs/helpdesk/index.js';
import { loadDomains } from '../../src/packs/load-domains.js';
import type { ActionInput } from '../../src/packs/types.js';

// Bounded cost: a field at the reading cap, filled with texts that stress the tokenizer, the number
// and negation readers and the argument readers, in every free-text place the helpdesk reads.
const catalogue = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('helpdesk')!.catalogue;
const FILLS = ['gusting to 50 km/h, ', '0.0.0.0/0 port 22 ', 'no not without ', 'a b c d e f g h i j ', '9 '];
const PLACES = ['description', 'conversation', 'action.description', 'command parameter'] as const;
const fill = (s: string) => s.repeat(Math.ceil(20_000 / s.length)).slice(0, 20_000);

function request(text: string, place: (typeof PLACES)[number]): { state: Record<string, unknown>; action: ActionInput } {
  const state: Record<string, unknown> = { ticket_id: 'SPD-1', category: 'cloud_platform', description: place === 'description' ? text : 'Slow dashboard' };
  if (place === 'conversation') state.conversation_history = [{ role: 'user', content: text }];
  const action: Record<string, unknown> = { kind: 'config_change', description: place === 'action.description' ? text : 'apply change' };
  if (place === 'command parameter') action.parameters = { command: text };
  return { state, action: action as unknown as ActionInput };
}

/** CPU milliseconds of one read (process CPU time, so other processes on the machine do not count), median of five. */
function cpuMs(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[2];
}

describe('helpdesk reading: cost at the reading cap', () => {
  for (const text of FILLS) {
    for (const place of PLACES) {
      it(`when 20,000 characters of ${JSON.stringify(text)} fill the ${place}, then one read takes well under 30 ms`, () => {
        const { state, action } = request(fill(text), place);
        helpdeskModule.read(state, action, catalogue); // warm-up: the first read compiles the readers
        expect(cpuMs(() => helpdeskModule.read(state, action, catalogue))).toBeLessThan(30);
      });
    }
  }
});
