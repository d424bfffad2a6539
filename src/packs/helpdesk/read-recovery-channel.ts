import { gatheredFields, opens, type ReadContext } from './read-context.js';
import { isRecord, normKey } from './values.js';

/**
 * A credential reset whose proof of identity runs through a contact channel (the phone number a callback or SMS
 * goes to, the recovery mail address, the MFA device) that was itself changed hours or days before. A callback
 * proves only that the caller holds the number on file; if the number was just replaced, it proves nothing, and
 * changing the recovery channel first is how help-desk takeovers run (CISA/FBI AA23-320A, Scattered Spider; NIST
 * SP 800-63B 6.1.2.3: changes to authenticators are confirmed through a channel bound before; MITRE ATT&CK
 * T1098.005). A change confirmed with the manager or through the old channel is not this.
 */

const CHANNEL_PARTS = ['phone', 'mobile', 'number', 'cell', 'sms', 'email', 'mail', 'mfa', 'authenticator', 'device', 'factor', 'recovery', 'contact'];
const CHANGE_PARTS = ['changed', 'change', 'updated', 'update', 'modified', 'added', 'registered', 'replaced', 'swapped', 'ported', 'reset'];
const RECENT_WORDS = /\b(today|tonight|yesterday|this morning|this afternoon|earlier today|just now|moments? ago|an? (few )?(minutes?|hours?) ago|\d{1,3} ?(min|mins|minutes?|h|hrs?|hours?) (ago|earlier|before)|last night)\b/;
const DAYS_AGO = /\b(\d{1,3}|one|two|three|four|five|six|seven) ?(days?|d) (ago|earlier|before)\b/;
const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
/** Within this many days, a changed channel has not stood long enough to vouch for its holder. */
const RECENT_DAYS = 7;
const CONFIRMED = /\b(confirmed|verified|approved|validated)\b.{0,40}\b(manager|old (number|address|device)|previous (number|address|device)|prior channel|in person|hr)\b|\b(manager|hr)\b.{0,30}\b(confirmed|verified|approved)\b/;

function recent(text: string): boolean {
  const t = text.toLowerCase();
  if (RECENT_WORDS.test(t)) return true;
  const m = DAYS_AGO.exec(t);
  if (!m) return false;
  const n = WORD_NUMBERS[m[1]] ?? Number(m[1]);
  return n <= RECENT_DAYS;
}

const flagTrue = (v: unknown) => v === true || (typeof v === 'string' && /^(yes|true|confirmed|verified|approved)\b/i.test(v.trim()));

export function readRecentChannelChange(ctx: ReadContext): void {
  if (!ctx.b.has('change.credential_reset')) return;
  const gathered = gatheredFields(ctx);
  let hit: string | undefined;
  let confirmed = false;
  for (const [key, value] of Object.entries(gathered)) {
    const k = normKey(key);
    const text = (typeof value === 'string' ? value : isRecord(value) ? JSON.stringify(value) : String(value)).slice(0, 2000);
    if (CONFIRMED.test(text.toLowerCase())) confirmed = true;
    if ((k.includes('manager') || k.includes('changeconfirm') || k.includes('changeverif')) && flagTrue(value)) confirmed = true;
    if (text.length > 300 || !CHANNEL_PARTS.some((p) => k.includes(p))) continue;
    const changedKey = CHANGE_PARTS.some((p) => k.includes(p));
    const valueWords = new Set(text.toLowerCase().split(/[^a-z]+/));
    const changedValue = CHANGE_PARTS.some((p) => valueWords.has(p));
    if ((changedKey || changedValue) && recent(text)) hit ??= `state.information_gathered.${key} = ${text.slice(0, 80)}`;
  }
  if (!hit || confirmed) return;
  opens(ctx, 'recovery_channel_recently_changed', `${hit}, before the credential reset`);
}
