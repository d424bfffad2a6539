import { z } from 'zod';
import { toolArguments } from '../reading/record-shapes.js';

/**
 * Categories the pack knows, after the seed article's breakdown of enterprise tickets. Agents use
 * their own labels too ("cloud", "Identity"); any non-empty string is accepted and the featuriser
 * reads the free text as well, so an unknown category only loses its category prior.
 */
export const CATEGORIES = [
  'vpn',
  'password_account',
  'software_install',
  'email_calendar',
  'saas_subscription',
  'cloud_platform',
  'license_management',
  'sso_identity',
  'hardware',
  'legacy_systems',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Kinds of assistant action the pack knows; unknown kinds are accepted and read from the text. */
export const ACTION_KINDS = [
  'reply',
  'instruction',
  'config_change',
  'account_change',
  'permission_change',
  'script',
  'escalate_to_human',
] as const;

/** Roles are free text: ticket systems say user, requester, customer, agent, assistant, system. */
export const MessageSchema = z
  .object({
    role: z.string().min(1),
    content: z.string().default(''),
  })
  .loose();

/**
 * One turn as ticket systems export it when they flatten the thread: "Requester: …", "Agent: …". The
 * prefix names the role (an assistant's turns are read as such); a line without one is the requester's.
 */
const REQUESTER_PREFIXES = new Set(['user', 'requester', 'customer', 'caller', 'client', 'employee', 'end user']);
const DESK_PREFIXES = new Set(['agent', 'assistant', 'bot', 'ai', 'system', 'technician', 'tech', 'analyst', 'support', 'helpdesk', 'help desk', 'service desk']);
const FlatTurn = z.string().transform((line) => {
  const m = /^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*/.exec(line);
  const prefix = m?.[1].toLowerCase() ?? '';
  if (DESK_PREFIXES.has(prefix)) return { role: 'assistant', content: line.slice(m![0].length) };
  if (REQUESTER_PREFIXES.has(prefix)) return { role: 'user', content: line.slice(m![0].length) };
  return { role: 'user', content: line };
});

/**
 * A whole thread sent as one text, as ticket exports and chat transcripts often are: one turn per line,
 * or turns run together on one line ("User: … Agent: …"). Each turn starts where a known role prefix
 * starts a line, is capitalised ("Agent:"), or follows the end of a sentence; the text between is that turn. Linear in the
 * text: one pass over the prefix matches, no backtracking across turns.
 */
const ROLE_PREFIX = new RegExp(`\\b(${[...REQUESTER_PREFIXES, ...DESK_PREFIXES].map((p) => p.replace(' ', '\\s')).join('|')})\\s?:\\s`, 'gi');
export function threadTurns(text: string): string[] {
  const turns: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    let start = 0;
    for (const m of line.matchAll(ROLE_PREFIX)) {
      const before = line.slice(0, m.index).trimEnd();
      const capitalised = m[1][0] !== m[1][0].toLowerCase();
      if (m.index === 0 || (m.index > start && (capitalised || /[.!?)"']$/.test(before)))) {
        if (m.index > start) turns.push(line.slice(start, m.index).trim());
        start = m.index;
      }
    }
    turns.push(line.slice(start).trim());
  }
  return turns.filter((t) => t.length > 0);
}

/** A ticket number as many systems send it: a number as well as a string. */
const IdText = z.union([z.string().min(1), z.number().finite().transform(String)]);

/** A count as a number, or as a text holding only that number ("3"). */
const Count = z.union([z.number().int().min(0).max(10_000), z.string().regex(/^\s*\d{1,5}\s*$/, 'a whole number').transform(Number).pipe(z.number().int().max(10_000))]);

/** Tool-call arguments as frameworks forward them (an object, its JSON text, a command line, a list of calls). */
const Parameters = z.preprocess(toolArguments, z.record(z.string(), z.unknown()).optional());

export const HelpdeskStateSchema = z
  .object({
    ticket_id: IdText,
    category: z.string().min(1),
    /** low, medium, high, critical, or P1-P4 as many ticket systems write it. */
    priority: IdText.default('medium'),
    description: z.string().min(1),
    conversation_history: z
      .preprocess((v) => (typeof v === 'string' ? threadTurns(v) : v), z.array(z.union([MessageSchema, FlatTurn])))
      .nullish()
      .transform((v) => v ?? []),
    /** open, in_progress, awaiting_user, resolved, escalated… */
    resolution_status: z.string().min(1).default('open'),
    /** What the assistant has learned so far, e.g. {operating_system: "macos", identity_verified: true}. */
    // A text of notes is kept as `{notes}`; null is nothing gathered yet.
    information_gathered: z
      .union([z.record(z.string(), z.unknown()), z.string().transform((notes) => ({ notes }))])
      .nullish()
      .transform((v) => v ?? {}),
    turns_elapsed: Count.default(0),
  })
  .loose();
export type HelpdeskState = z.infer<typeof HelpdeskStateSchema>;

export const HelpdeskActionSchema = z
  .object({
    description: z.string().trim().min(1),
    kind: z.string().min(1).optional(),
    /** Structured change details, e.g. {policy: {...}} or {port: 22, cidr: "0.0.0.0/0"}. */
    parameters: Parameters,
  })
  .loose();
export type HelpdeskAction = z.infer<typeof HelpdeskActionSchema>;
