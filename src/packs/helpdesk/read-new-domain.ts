import { gatheredFields, opens, type ReadContext } from './read-context.js';
import { isRecord, normKey } from './values.js';

/**
 * An allow-list or bypass entry for a domain the ticket shows as newly registered (days or a few weeks old, or
 * in the filter's newly-registered / newly-seen category). The filter blocks that category because most such
 * domains are made for one phishing or malware run (Palo Alto Networks Unit 42, Newly Registered Domains:
 * Malicious Abuse by Bad Actors; Palo Alto Networks URL filtering best practices: block newly-registered-domain;
 * Cisco Umbrella, Newly Seen Domains; CISA, Phishing Guidance: Stopping the Attack Cycle at Phase One).
 */

const NEW_DOMAIN_DAYS = 30;
const NEW_CATEGORY = /\bnewly[\s_-]*(registered|seen|observed)\b|\bnrd\b/;
const STRONG_ALLOW = /\b(allow[\s_-]?list\w*|whitelist\w*|exceptions?|bypass\w*|exempt\w*|unblock\w*|safe[\s_-]?senders?|trusted[\s_-]?(sites?|senders?|domains?))\b/;
const ALLOW_WORDS = /\b(allow[\s_-]?list\w*|whitelist\w*|allow\w*|exception\w*|bypass\w*|exempt\w*|trusted[\s_-]?(sites?|senders?|domains?)|safe[\s_-]?senders?|unblock\w*|override\w*)\b/;

function ageDays(key: string, value: unknown): number | undefined {
  const k = normKey(key);
  if (!(k.includes('age') || k.includes('registered') || k.includes('created') || k.includes('registration'))) return undefined;
  if (!k.includes('domain') && !k.includes('registration') && !k.includes('whois')) return undefined;
  const text = String(value).toLowerCase().slice(0, 200);
  const m = /(\d{1,5})\s*(days?|d\b)?/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (k.includes('days') || m[2]) return n;
  if (/\bweeks?\b/.test(text)) return n * 7;
  if (/\bhours?\b/.test(text)) return 0;
  return undefined;
}

export function readNewDomainAllowed(ctx: ReadContext, parameters: unknown, description: unknown): void {
  if (!isRecord(parameters)) return;
  const gathered = gatheredFields(ctx);
  let why: string | undefined;
  for (const [k, v] of Object.entries(gathered)) {
    const days = ageDays(k, v);
    if (days !== undefined && days <= NEW_DOMAIN_DAYS) why ??= `state.information_gathered.${k} = ${String(v)}`;
    if (typeof v === 'string' && NEW_CATEGORY.test(v.toLowerCase().slice(0, 300))) why ??= `state.information_gathered.${k} = ${v}`;
  }
  if (!why) return;
  const said = `${typeof description === 'string' ? description : ''} ${JSON.stringify(parameters).slice(0, 20_000)}`.toLowerCase().replace(/"\s*:\s*/g, ' ');
  if (!ALLOW_WORDS.test(said)) return;
  // The domain blocked or the entry taken off is the safe direction: a bare "allow" then does not count.
  const strongAllow = STRONG_ALLOW.test(said);
  if (!strongAllow && /\b(remove|delete|revoke|block|deny|blacklist|blocklist|sinkhole)\w*\b/.test(said)) return;
  if (strongAllow && /\b(remove|delete|revoke)\w*\b/.test(said) && !/\b(add|adding|allow|permit|unblock|whitelist)\w*\b/.test(said)) return;
  opens(ctx, 'new_domain_allowed', `action: an allow or bypass entry, while ${why}`);
}
