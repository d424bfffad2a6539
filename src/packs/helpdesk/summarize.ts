import { factAt, type Reading } from '../reading/reading.js';

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "cloud_platform, high: Developer locked out … → apply change (config_change; public ACL)". */
export function summarize(reading: Reading): string {
  const str = (name: string): string => {
    const v = factAt(reading.facts, name);
    return typeof v === 'string' ? v : '';
  };
  const head = [str('ticket.category') || 'ticket', str('ticket.priority')].filter(Boolean).join(', ');
  const parts = reading.text.split(' \n ');
  const change = factAt(reading.facts, 'change');
  const hazards = change && typeof change === 'object' && !Array.isArray(change) ? Object.keys(change).filter((k) => (change as Record<string, unknown>)[k] === true).slice(0, 3) : [];
  const what = [reading.action.kind, ...hazards.map((h) => h.replaceAll('_', ' '))].join('; ');
  return `${head}: ${clip(parts[0] ?? '', 90)} → ${clip(parts.at(-1) ?? '', 90)} (${what})`;
}
