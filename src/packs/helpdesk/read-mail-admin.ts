import { closes, opens, type ReadContext } from './read-context.js';
import { isRecord, normKey, scalarText } from './values.js';

/**
 * Exchange Online and Purview administration cmdlets, read line by line by their parameters (the arguments of one
 * line, lower case, quotes stripped):
 *  - Send As or Full Access on someone else's mailbox (Add-RecipientPermission -AccessRights SendAs,
 *    Add-MailboxPermission -AccessRights FullAccess, Add-ADPermission -ExtendedRights Send-As) while the ticket records
 *    no approval by the mailbox owner or a manager: mail that looks like the owner's, the BEC lever of MITRE ATT&CK
 *    T1098.002 (Send on Behalf, which shows the delegate's name, is not read here);
 *  - mailbox auditing bypassed or off (Set-MailboxAuditBypassAssociation -AuditBypassEnabled $true, Set-Mailbox
 *    -AuditEnabled $false, Set-OrganizationConfig -AuditDisabled $true): Microsoft Purview mailbox auditing, CIS M365 6.1.x;
 *  - a compliance search purge with -PurgeType HardDelete: the messages cannot be recovered (SoftDelete can);
 *  - a mail flow rule that sets SCL -1: spam and phishing filtering skipped for what it matches (CIS M365 6.2.x);
 *  - a retention rule whose action is Delete, over every location of a kind ("-TeamsChatLocation All"): records
 *    destroyed across the organisation.
 * Each pass is linear in the arguments.
 */

const value = (line: readonly string[], flag: string): string | undefined => {
  const at = line.findIndex((a) => a.startsWith('-') && normKey(a.split(':')[0]) === flag);
  if (at < 0) return undefined;
  const colon = line[at].indexOf(':');
  return colon > 0 ? line[at].slice(colon + 1) : line[at + 1];
};
const isTrue = (s: string | undefined) => s !== undefined && ['$true', 'true', '1'].includes(s.replace(/[;,]$/, ''));
const isFalse = (s: string | undefined) => s !== undefined && ['$false', 'false', '0'].includes(s.replace(/[;,]$/, ''));

const NO_APPROVAL = /^(none|no|false|n\/a|not\b|pending|missing|unknown|verbal|awaiting|requested)/;

/** The ticket records an approval by the mailbox owner, a manager or HR (an `*approv*` / `*authori*` entry that is not "none"). */
export function ownerApproved(ctx: ReadContext): boolean {
  const info = ctx.b.request.state.information_gathered;
  if (!isRecord(info)) return false;
  return Object.entries(info).some(([k, v]) => {
    const key = normKey(k);
    if (!(key.includes('approv') || key.includes('authori') || key.includes('consent'))) return false;
    if (v === true) return true;
    const text = scalarText(v)?.trim().toLowerCase();
    return text !== undefined && text.length > 0 && v !== false && !NO_APPROVAL.test(text);
  });
}

export function readMailCommands(ctx: ReadContext, lines: readonly (readonly string[])[], source: string): void {
  const all = lines.flat();
  for (const line of lines) {
    const has = (c: string) => line.includes(c);
    const say = `${source}: ${line.slice(0, 6).join(' ').slice(0, 120)}`;
    const rights = normKey(value(line, 'accessrights') ?? value(line, 'extendedrights') ?? '');
    const impersonates = (has('add-recipientpermission') && rights.includes('sendas')) || (has('add-mailboxpermission') && rights.includes('fullaccess')) || (has('add-adpermission') && rights.includes('sendas'));
    if (impersonates && !ownerApproved(ctx)) opens(ctx, 'mailbox_delegation_unapproved', `${say} (no approval by the mailbox owner recorded)`);
    if ((has('set-mailboxauditbypassassociation') && isTrue(value(line, 'auditbypassenabled'))) || (has('set-mailbox') && isFalse(value(line, 'auditenabled'))) || (has('set-organizationconfig') && isTrue(value(line, 'auditdisabled')))) {
      opens(ctx, 'audit_logging_off', `${say} (mailbox auditing bypassed or off)`);
    }
    // The bypass taken away (or auditing turned on) puts the audit back: a fix, and the cmdlet's name is not read as a bypass.
    else if ((has('set-mailboxauditbypassassociation') && isFalse(value(line, 'auditbypassenabled'))) || (has('set-mailbox') && isTrue(value(line, 'auditenabled')))) closes(ctx, 'audit_logging_off');
    if (has('new-compliancesearchaction') && line.includes('-purge') && normKey(value(line, 'purgetype') ?? '') === 'harddelete') {
      opens(ctx, 'destructive', `${say} (HardDelete: purged messages cannot be recovered)`);
      ctx.b.set('change.destroys', 'messages matched by a compliance search (hard delete)', say);
    }
    if ((has('new-transportrule') || has('set-transportrule')) && value(line, 'setscl') === '-1') {
      ctx.b.add('change.safeguard_setting_off', 'spam and phishing filtering (SCL -1)', say);
      ctx.opens.add('safeguard_setting_off');
    }
    if ((has('new-retentioncompliancerule') || has('set-retentioncompliancerule')) && normKey(value(line, 'retentioncomplianceaction') ?? '') === 'delete') {
      opens(ctx, 'destructive', `${say} (retention action Delete)`);
      ctx.b.set('change.destroys', 'content under a delete-only retention rule', say);
      const every = all.findIndex((a, i) => a.startsWith('-') && normKey(a).endsWith('location') && all[i + 1] === 'all');
      if (every >= 0) opens(ctx, 'bulk_scope', `${source}: ${all[every]} all`);
    }
  }
}

const DMARC_TARGET = /\bto\s+["']?p=(none|quarantine|reject)\b/;
const DMARC_RECORD = /v=dmarc1[^"\n]{0,200}\bp=(none|quarantine|reject)\b/;
const DMARC_FROM = /\bfrom\s+["']?p=(quarantine|reject)\b/;
const STRENGTH: Readonly<Record<string, number>> = { none: 0, quarantine: 1, reject: 2 };

/**
 * A DMARC policy lowered from enforcement (p=reject or p=quarantine) to a weaker one, p=none above all: spoofed mail
 * from the domain is delivered again (RFC 7489 section 6.3; CISA BOD 18-01 requires p=reject). The new policy is the
 * one written after "to" or in the record the change writes; the old one is read from the action ("from p=reject")
 * or the ticket's current record. A first p=none record on a domain with no enforcing policy is monitoring, not read.
 */
export function readDmarcPolicy(ctx: ReadContext, parameters: unknown, description: unknown): void {
  const written: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || written.length > 100) return;
    if (typeof v === 'string') written.push(v.slice(0, 2000).toLowerCase());
    else if (Array.isArray(v)) for (const x of v.slice(0, 50)) walk(x, depth + 1);
    else if (isRecord(v)) for (const x of Object.values(v).slice(0, 50)) walk(x, depth + 1);
  };
  walk(parameters, 0);
  const desc = String(description ?? '').toLowerCase().slice(0, 4000);
  const target = DMARC_TARGET.exec(desc)?.[1] ?? written.map((w) => DMARC_TARGET.exec(w)?.[1] ?? DMARC_RECORD.exec(w)?.[1]).find(Boolean);
  if (!target) return;
  const stateText = JSON.stringify(ctx.b.request.state ?? {}).toLowerCase().slice(0, 40_000);
  const current = DMARC_FROM.exec(desc)?.[1] ?? DMARC_RECORD.exec(stateText)?.[1];
  if (!current || STRENGTH[target] >= STRENGTH[current] || target !== 'none') return;
  ctx.b.add('change.safeguard_setting_off', `dmarc enforcement (p=${current} to p=none)`, `action: DMARC policy p=${current} lowered to p=none`);
  ctx.opens.add('safeguard_setting_off');
}

/** Keys of an anti-spam or connection policy that list senders whose mail skips filtering. */
const ALLOWED_SENDER_KEYS = new Set(['allowedsenderdomains', 'allowedsenders', 'allowedsenderlist', 'safesenders', 'safesenderdomains', 'trustedsenderdomains', 'allowedsendersdomains']);

/**
 * Sender allow lists that name a consumer mail domain or the organisation's own domain: anyone can send from those, so
 * spoofed and phishing mail from them skips spam filtering (Microsoft Learn, Configure anti-spam policies in EOP: never
 * add accepted domains or common domains to the allowed domains list; Create safe sender lists in EOP). A vendor's own
 * sending domain is the allow-list entry the guidance describes.
 */
export function readSenderAllowList(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || ctx.removing > 0) return;
  const consumer = (ctx.catalogue.concepts.get('mail.consumer_domain') ?? []).map((d) => d.toLowerCase());
  const info = ctx.b.request.state.information_gathered;
  const infoText = isRecord(info) ? JSON.stringify(info).toLowerCase().slice(0, 20_000) : '';
  const own = (d: string) => [...ctx.orgDomains].some((o) => d === o || d.endsWith(`.${o}`)) || new RegExp(`accepted[^"]*"\\s*:\\s*\\[?[^\\]]*"${d.replace(/\./g, '\\.')}"`).test(infoText);
  const visit = (v: unknown, listed: boolean, depth: number): string | undefined => {
    if (depth > 6) return undefined;
    if (typeof v === 'string' && listed) {
      const d = v.trim().toLowerCase().replace(/^\*\.|^@/, '');
      return consumer.includes(d) || (d.includes('.') && own(d)) ? d : undefined;
    }
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 100)) {
        const hit = visit(x, listed, depth + 1);
        if (hit) return hit;
      }
      return undefined;
    }
    if (!isRecord(v)) return undefined;
    for (const [k, x] of Object.entries(v).slice(0, 100)) {
      const key = normKey(k);
      // Entries taken off the list are no exposure.
      if (listed && (key === 'remove' || key === 'delete')) continue;
      const hit = visit(x, listed || ALLOWED_SENDER_KEYS.has(key), depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = visit(parameters, false, 0);
  if (!hit) return;
  ctx.b.add('change.safeguard_setting_off', `spam filtering skipped for mail from ${hit} (a sender allow list with a consumer or the organisation's own domain)`, `action.parameters: allowed senders include ${hit}`);
  ctx.opens.add('safeguard_setting_off');
}
