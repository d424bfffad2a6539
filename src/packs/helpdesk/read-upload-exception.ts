import { gatheredFields, isExternalAddress, opens, type ReadContext } from './read-context.js';
import { isRecord, normKey, scalarText } from './values.js';

/**
 * An exception to a blocking policy (a web filter, DLP or CASB rule) that lets data be uploaded, shared or sent to a
 * destination outside the organisation, while the ticket records that the data is personal data (two or more
 * identifying fields: name with date of birth, email, phone, postal address, national id). The exception is the
 * data flow the policy exists to stop: personal data handed to a third party the organisation has no agreement with
 * (NIST SP 800-53 Rev. 5 AC-4 information flow enforcement; UK GDPR / GDPR Art. 28 processors and Art. 4(1) personal
 * data; NCSC guidance on generative AI, do not enter sensitive data into public tools). A destination inside the
 * organisation, or an exception that lets no data out (view, browse), is not this shape.
 */
const EXCEPTION_KEYS = new Set(['exception', 'exceptions', 'exemption', 'exemptions', 'bypass', 'override', 'allowexception', 'policyexception']);
const DESTINATION_KEYS = new Set(['destination', 'destinations', 'url', 'urls', 'domain', 'domains', 'site', 'sites', 'host', 'app', 'application', 'target', 'service']);
const ACTIVITY_KEYS = new Set(['activity', 'activities', 'action', 'actions', 'operation', 'operations']);
const OUTBOUND = /\b(upload\w*|share|sharing|send|sending|post|posting|paste|transfer\w*|sync\w*|export\w*)\b/;
const PERSONAL_FIELDS = [/\bdate of birth\b|\bdob\b|\bbirth ?date\b/, /\be-?mail\b/, /\bphone\b|\bmobile\b/, /\bpostcode\b|\bzip\b|\baddress\b/, /\bssn\b|\bnational insurance\b|\bpassport\b|\bnational id\b/, /\bmedical\b|\bdiagnos\w*\b|\bhealth\b/];

function hostOf(s: string): string {
  return s.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/\s:]/)[0] ?? '';
}

export function readUploadException(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || ctx.removing > 0) return;
  const found: { where: string; destination: string }[] = [];
  const visit = (v: unknown, key: string, depth: number): void => {
    if (depth > 6 || !isRecord(v)) return;
    for (const [k, x] of Object.entries(v).slice(0, 60)) {
      if (!EXCEPTION_KEYS.has(normKey(k))) {
        visit(x, k, depth + 1);
        continue;
      }
      for (const entry of (Array.isArray(x) ? x : [x]).slice(0, 20)) {
        if (!isRecord(entry)) continue;
        let destination: string | undefined;
        let outbound = false;
        for (const [ek, ev] of Object.entries(entry).slice(0, 40)) {
          const text = scalarText(ev)?.toLowerCase() ?? '';
          if (DESTINATION_KEYS.has(normKey(ek)) && text) destination = destination ?? text;
          if (ACTIVITY_KEYS.has(normKey(ek)) && OUTBOUND.test(text)) outbound = true;
        }
        if (destination && outbound) found.push({ where: `action.parameters.${key ? `${key}.` : ''}${k}`, destination });
      }
    }
  };
  visit(parameters, '', 0);
  if (found.length === 0) return;
  const external = found.find((f) => {
    const host = hostOf(f.destination);
    return host.includes('.') && isExternalAddress(ctx, `x@${host}`);
  });
  if (!external) return;
  const gathered = JSON.stringify(gatheredFields(ctx)).toLowerCase().slice(0, 20_000);
  const personal = PERSONAL_FIELDS.filter((r) => r.test(gathered)).length;
  if (personal < 2) return;
  opens(ctx, 'external_sharing', `${external.where}: upload to ${external.destination.slice(0, 80)} allowed, data with ${personal} kinds of personal identifiers (state.information_gathered)`);
}
