import { z } from 'zod';

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

export const HelpdeskStateSchema = z
  .object({
    ticket_id: z.string().min(1),
    category: z.string().min(1),
    /** low, medium, high, critical, or P1-P4 as many ticket systems write it. */
    priority: z.string().min(1).default('medium'),
    description: z.string().min(1),
    conversation_history: z.array(MessageSchema).default([]),
    /** open, in_progress, awaiting_user, resolved, escalated… */
    resolution_status: z.string().min(1).default('open'),
    /** What the assistant has learned so far, e.g. {operating_system: "macos", identity_verified: true}. */
    information_gathered: z.record(z.string(), z.unknown()).default({}),
    turns_elapsed: z.number().int().min(0).max(10_000).default(0),
  })
  .loose();
export type HelpdeskState = z.infer<typeof HelpdeskStateSchema>;

export const HelpdeskActionSchema = z
  .object({
    description: z.string().trim().min(1),
    kind: z.string().min(1).optional(),
    /** Structured change details, e.g. {policy: {...}} or {port: 22, cidr: "0.0.0.0/0"}. */
    parameters: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type HelpdeskAction = z.infer<typeof HelpdeskActionSchema>;
