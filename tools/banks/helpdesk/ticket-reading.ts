import type { ActionInput } from '../../../src/packs/types.js';

/**
 * A tolerant view of a helpdesk state and action: the featuriser reads through it, so a missing or
 * oddly typed optional field gives a neutral value instead of an exception.
 */
export interface TicketReading {
  category: string;
  priority: string;
  description: string;
  turns: number;
  info: Record<string, unknown>;
  /** Lower-cased text the user wrote: the description and the user's messages. */
  userText: string;
  /** The same, as written (for shouting in capitals). */
  userTextRaw: string;
  /** Lower-cased earlier assistant messages. */
  assistantMessages: string[];
  /** Lower-cased description, conversation and gathered information (not the category label: "saas_subscription" is no licence symptom). */
  ticketText: string;
  kind: string;
  /** Lower-cased action description. */
  actionDescription: string;
  /** Lower-cased JSON of the action's parameters ('' when there are none). */
  parametersJson: string;
  /** Lower-cased description and parameters together. */
  actionText: string;
}

/** Long inputs are cut, so the regexes run in bounded time whatever an agent sends. */
const MAX_TEXT = 20_000;
const ASSISTANT_ROLES = new Set(['assistant', 'agent', 'bot', 'system', 'helpdesk', 'support', 'technician']);

const text = (v: unknown): string => (typeof v === 'string' ? v.slice(0, MAX_TEXT) : '');

export function safeJson(value: unknown): string {
  if (value === undefined || value === null) return '';
  try {
    return (JSON.stringify(value) ?? '').slice(0, MAX_TEXT);
  } catch {
    return '';
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function readTicket(state: Record<string, unknown>, action: ActionInput): TicketReading {
  const s = asRecord(state);
  const a = asRecord(action);
  const messages = (Array.isArray(s.conversation_history) ? s.conversation_history : [])
    .map(asRecord)
    .map((m) => ({ role: text(m.role).toLowerCase(), content: text(m.content) }));
  const userParts = [text(s.description), ...messages.filter((m) => !ASSISTANT_ROLES.has(m.role)).map((m) => m.content)];
  const assistantMessages = messages.filter((m) => ASSISTANT_ROLES.has(m.role)).map((m) => m.content.toLowerCase());
  const info = asRecord(s.information_gathered);
  const description = text(s.description);
  const turnsRaw = s.turns_elapsed;
  const turns = typeof turnsRaw === 'number' && Number.isFinite(turnsRaw) && turnsRaw >= 0 ? turnsRaw : Math.floor(messages.length / 2);
  const actionDescription = text(a.description).toLowerCase();
  const parametersJson = safeJson(a.parameters).toLowerCase();
  const userTextRaw = userParts.join('\n');
  return {
    category: text(s.category).toLowerCase().trim(),
    priority: text(s.priority).toLowerCase().trim(),
    description,
    turns,
    info,
    userText: userTextRaw.toLowerCase(),
    userTextRaw,
    assistantMessages,
    ticketText: [description, ...messages.map((m) => m.content), safeJson(info)].join('\n').toLowerCase(),
    kind: text(a.kind).toLowerCase().trim(),
    actionDescription,
    parametersJson,
    actionText: `${actionDescription}\n${parametersJson}`,
  };
}
