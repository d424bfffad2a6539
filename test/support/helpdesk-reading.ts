import { gates } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { helpdeskModule } from '../../src/packs/helpdesk/index.js';
import { loadDomains } from '../../src/packs/load-domains.js';
import type { ActionInput } from '../../src/packs/types.js';

type Json = Record<string, unknown>;

/**
 * Helpers for reading-layer tests of helpdesk: a ticket (the given base fields, overridable), a request
 * read by the pack, the hard rules it breaks, a tool call behind a bland description, and a command line.
 */
export function helpdeskReader(base: Json) {
  const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('helpdesk')!;
  const ticket = (extra: Json = {}): Json => ({ ...base, ...extra });
  const read = (action: Json, state: Json = ticket()) => helpdeskModule.read(helpdeskModule.stateSchema.parse(state), helpdeskModule.actionSchema.parse(action) as ActionInput, domain.catalogue);
  const rules = (action: Json, state?: Json) => gates(domain, read(action, state)).codes.filter((c) => c.startsWith('hard_rule:'));
  const bland = (parameters: Json, kind = 'config_change'): Json => ({ description: 'apply change', kind, parameters });
  const cmd = (command: string): Json => ({ description: 'run command', kind: 'script', parameters: { command } });
  return { domain, ticket, read, rules, bland, cmd };
}
