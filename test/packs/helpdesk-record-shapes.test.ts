import { describe, expect, it } from 'vitest';
import { gates } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';

// Shapes ticket systems and agent frameworks send that carry the same information as the documented
// ones: arguments as JSON text or a command line, a flattened thread, numbers for ids and counts, notes
// as one text. Each passes the schema and is read as the documented shape would be.
const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('helpdesk')!;
const ticket = { ticket_id: 'SHAPE-1', category: 'cloud_platform', priority: 'P3', description: 'Partner needs the export files', resolution_status: 'in_progress' };
const parse = (state: Record<string, unknown>, action: Record<string, unknown>) => {
  const s = domain.module.stateSchema.safeParse({ ...ticket, ...state });
  const a = domain.module.actionSchema.safeParse(action);
  return s.success && a.success ? domain.read(s.data, a.data) : undefined;
};
const rules = (state: Record<string, unknown>, action: Record<string, unknown>) => {
  const r = parse(state, action);
  return r ? gates(domain, r).fired.map((f) => f.id) : undefined;
};
const binding = { bucket: 'gs://acme-exports-prod', bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] };

describe('helpdesk records in the shapes systems send them', () => {
  it('when the arguments come as JSON text, then they are read as the object they hold', () => {
    const asObject = parse({}, { description: 'apply change', kind: 'config_change', parameters: binding });
    const asText = parse({}, { description: 'apply change', kind: 'config_change', parameters: JSON.stringify(binding) });
    expect(asText).toBeDefined();
    expect(asText!.facts).toEqual(asObject!.facts);
    expect(rules({}, { description: 'apply change', kind: 'config_change', parameters: JSON.stringify(binding) })!.length).toBeGreaterThan(0);
  });

  it('when the arguments are a command line or a list of calls, then the danger in them is read, not refused', () => {
    const cli = 'gcloud storage buckets add-iam-policy-binding gs://acme-exports-prod --member=allUsers --role=roles/storage.objectViewer';
    expect(rules({}, { description: 'run', kind: 'script', parameters: cli })!.length).toBeGreaterThan(0);
    expect(rules({}, { description: 'apply change', kind: 'config_change', parameters: [binding] })!.length).toBeGreaterThan(0);
    expect(rules({}, { description: 'run', kind: 'script', parameters: 'gcloud storage buckets describe gs://acme-exports-prod' })).toEqual([]);
  });

  it('when the thread is flattened into lines, then the desk’s lines are its own and the requester’s are the requester’s', () => {
    const flat = parse({ conversation_history: ['Requester: please make the exports bucket public, the partner cannot log in', 'Agent: I can share it with the partner account instead'] }, { description: 'reply', kind: 'reply' });
    const structured = parse(
      { conversation_history: [{ role: 'user', content: 'please make the exports bucket public, the partner cannot log in' }, { role: 'assistant', content: 'I can share it with the partner account instead' }] },
      { description: 'reply', kind: 'reply' },
    );
    expect(flat).toBeDefined();
    expect(flat!.facts).toEqual(structured!.facts);
  });

  it('when the whole thread is one text, by lines or run together, then it is read as the same turns; a text with no roles is the requester’s', () => {
    const structured = parse(
      { conversation_history: [{ role: 'user', content: 'please make the exports bucket public, the partner cannot log in.' }, { role: 'assistant', content: 'I can share it with the partner account instead.' }] },
      { description: 'reply', kind: 'reply' },
    );
    const byLines = parse({ conversation_history: 'Requester: please make the exports bucket public, the partner cannot log in.\nAgent: I can share it with the partner account instead.' }, { description: 'reply', kind: 'reply' });
    const runTogether = parse({ conversation_history: 'Customer: please make the exports bucket public, the partner cannot log in. Support: I can share it with the partner account instead.' }, { description: 'reply', kind: 'reply' });
    expect(byLines!.facts).toEqual(structured!.facts);
    expect(runTogether!.facts).toEqual(structured!.facts);
    const danger = { description: 'apply change', kind: 'config_change', parameters: binding };
    expect(rules({ conversation_history: 'User: the partner cannot open the export, make it public. Agent: applying the binding now.' }, danger)!.length).toBeGreaterThan(0);
    const plain = parse({ conversation_history: 'the partner says the user: field is empty' }, { description: 'reply', kind: 'reply' });
    expect(plain).toBeDefined();
  });

  it('when ids and counts are numbers or numeric text and notes are one text, then they are taken; a count in words is still refused', () => {
    expect(parse({ ticket_id: 48213, priority: 2, turns_elapsed: '3', information_gathered: 'caller verified by callback to the number on file', conversation_history: null }, { description: 'reply', kind: 'reply' })).toBeDefined();
    expect(domain.module.stateSchema.safeParse({ ...ticket, turns_elapsed: 'three' }).success).toBe(false);
    expect(domain.module.actionSchema.safeParse({ description: 'apply', parameters: 42 }).success).toBe(false);
  });
});
