import { READING_CAP_CHARS } from '../reading/reading.js';
import { mailDomain, type ReadContext } from './read-context.js';
import { tokenize } from '../reading/text.js';
import { shoutedWords, splitOn, viewOf, wordSet, type TextView } from './text-helpers.js';
import { flagValue, isRecord, leadingFlag, normKey, scalarText } from './values.js';
import { identifierWords } from './safeguard-names.js';

/**
 * The ticket half of a request: category, priority, turns, what the assistant has gathered, the
 * description and the conversation. Structured fields first (`information_gathered`), free text
 * second, the most recent message before older ones.
 */

export interface TicketText {
  /** Description and the user's messages. */
  user: TextView[];
  /** Earlier assistant messages, most recent first. */
  assistant: TextView[];
  /** Values of information_gathered read as words. */
  info: TextView[];
  /** Word sets of the assistant's earlier messages (for "repeats earlier advice"). */
  assistantWords: Set<string>[];
}

const ASSISTANT_ROLES = new Set(['assistant', 'agent', 'bot', 'system', 'helpdesk', 'support', 'technician', 'analyst', 'tool']);

/** Category labels agents use, onto the pack's categories. */
const CATEGORY_ALIASES: Readonly<Record<string, string>> = {
  cloud: 'cloud_platform', cloudplatform: 'cloud_platform', aws: 'cloud_platform', azure: 'cloud_platform', gcp: 'cloud_platform', kubernetes: 'cloud_platform',
  infrastructure: 'cloud_platform', database: 'cloud_platform', storage: 'cloud_platform', devops: 'cloud_platform', network: 'cloud_platform', iam: 'sso_identity',
  identity: 'sso_identity', sso: 'sso_identity', ssoidentity: 'sso_identity', accessrequest: 'sso_identity', access: 'sso_identity',
  password: 'password_account', passwordaccount: 'password_account', account: 'password_account', accounts: 'password_account',
  software: 'software_install', softwareinstall: 'software_install', install: 'software_install', application: 'software_install',
  email: 'email_calendar', emailcalendar: 'email_calendar', mail: 'email_calendar', calendar: 'email_calendar', outlook: 'email_calendar',
  saas: 'saas_subscription', saassubscription: 'saas_subscription', subscription: 'saas_subscription',
  license: 'license_management', licence: 'license_management', licensing: 'license_management', licensemanagement: 'license_management',
  hardware: 'hardware', laptop: 'hardware', device: 'hardware', vpn: 'vpn', remoteaccess: 'vpn', legacy: 'legacy_systems', legacysystems: 'legacy_systems',
};

const PRIORITY_ALIASES: Readonly<Record<string, string>> = {
  low: 'low', p4: 'low', '4': 'low', p5: 'low', minor: 'low', medium: 'medium', normal: 'medium', moderate: 'medium', p3: 'medium', '3': 'medium',
  high: 'high', urgent: 'high', p2: 'high', '2': 'high', major: 'high', critical: 'critical', p1: 'critical', '1': 'critical', emergency: 'critical', p0: 'critical', sev1: 'critical', blocker: 'critical',
};

const IDENTITY_FLAG_KEYS = new Set(['identityverified', 'verified', 'callerverified', 'idverified', 'userverified', 'requesterverified', 'identityconfirmed', 'identityverificationverified', 'identityverificationpassed', 'verificationpassed']);
const IDENTITY_STATUS_KEYS = new Set(['identityverification', 'identitystatus', 'verificationstatus', 'verification', 'verificationresult', 'idcheck', 'identitycheck']);

function textView(ctx: ReadContext, path: string, value: string, withVocabulary: boolean): TextView | undefined {
  const read = ctx.b.text(path, value, withVocabulary ? ctx.catalogue.vocabulary : undefined);
  if (!read) return undefined;
  return viewOf(read, ctx.catalogue.vocabulary);
}

/** Identity from a status word: "verified" / "passed" → true; "unverified", "pending", "not verified" → false. */
function statusVerified(v: TextView): boolean | undefined {
  if (v.matches.some((m) => m.concept === 'status.unverified' && !m.negated) || v.matches.some((m) => m.concept === 'status.verified' && m.negated)) return false;
  if (v.matches.some((m) => m.concept === 'status.verified')) return true;
  return undefined;
}

/** An entry that names an account and an administrator role of the catalogue ("bg01@x.example (Global Administrator)"). */
function notePrivilegedAccount(ctx: ReadContext, item: string): void {
  if (item.length > 300 || !item.includes('@')) return;
  const admin = ctx.catalogue.vocabulary.match(tokenize(item)).some((m) => m.concept === 'role.admin' && !m.negated);
  if (!admin) return;
  for (const word of splitOn(item, ' ,;()')) if (mailDomain(word)) ctx.privilegedAccounts.add(word.toLowerCase());
}

function readInformation(ctx: ReadContext, out: TicketText): void {
  const info = ctx.b.get('state.information_gathered');
  if (!isRecord(info)) return;
  // One level of nesting ({identity: {verified: false, method: "callback"}}) reads as "identity_verified", "identity_method".
  const entries: [string, string, unknown][] = [];
  for (const [key, value] of Object.entries(info)) {
    if (isRecord(value) && Object.keys(value).length <= 20) for (const [child, v] of Object.entries(value)) entries.push([`${key}_${child}`, `state.information_gathered.${key}.${child}`, v]);
    else entries.push([key, `state.information_gathered.${key}`, value]);
  }
  let count = 0;
  for (const [key, path, value] of entries) {
    const k = normKey(key);
    if (value !== null && value !== undefined && value !== '') count++;
    const text = scalarText(value);
    const flag = flagValue(value);
    const identityKey = IDENTITY_FLAG_KEYS.has(k) || (k.endsWith('verified') && (k.startsWith('identity') || k.startsWith('caller') || k.startsWith('requester') || k.startsWith('user') || k.startsWith('id')));
    if (identityKey && flag !== undefined) {
      ctx.b.consume(path);
      ctx.b.set('identity.verified', flag, `${path} = ${text}`);
      continue;
    }
    // The account holder's employment status: a terminated or offboarded user (NIST SP 800-53 PS-4).
    if (k === 'hrstatus' || k === 'employmentstatus' || k === 'employeestatus' || k === 'workerstatus' || k === 'hrrecord' || k === 'userstatus') {
      const words = splitOn((text ?? '').toLowerCase(), ' ,;()');
      if (words.some((w) => w === 'terminated' || w === 'offboarded' || w === 'separated' || w === 'leaver' || w === 'dismissed')) ctx.b.set('ticket.user_terminated', true, `${path} = ${text}`);
      else if (words.some((w) => w === 'active' || w === 'employed')) ctx.b.set('ticket.user_terminated', false, `${path} = ${text}`);
    }
    // Secret-scanning validity checks and key status: whether a leaked credential still works.
    if (k === 'validity' || k === 'secretvalidity' || k === 'credentialvalidity' || k === 'keystatus' || k === 'secretstatus' || k === 'credentialstatus') {
      const word = normKey(text ?? '');
      const active = word.startsWith('active') || word === 'valid' || word === 'live' ? true : word.startsWith('inactive') || word === 'invalid' || word === 'revoked' || word === 'rotated' || word === 'deleted' ? false : undefined;
      if (active !== undefined) ctx.b.set('ticket.secret_active', active, `${path} = ${text}`);
    }
    // A leaked token's own status flag (`token_active: true`): the credential still works.
    if (k === 'tokenactive' || k === 'secretactive' || k === 'keyactive' || k === 'credentialactive' || k === 'tokenvalid' || k === 'secretvalid' || k === 'keyvalid' || k === 'tokenrevoked' || k === 'secretrevoked' || k === 'keyrevoked') {
      const live = typeof value === 'boolean' ? value : text === 'true' ? true : text === 'false' ? false : undefined;
      if (live !== undefined) ctx.b.set('ticket.secret_active', k.endsWith('revoked') ? !live : live, `${path} = ${text}`);
    }
    if (k === 'useradminrights' || k === 'adminrights' || k === 'isadmin' || k === 'localadmin' || k === 'hasadminrights') {
      ctx.b.consume(path);
      if (flag !== undefined) ctx.b.set('user.admin_rights', flag, `${path} = ${text}`);
      continue;
    }
    if (k === 'backupverified' || k === 'backupconfirmed' || k === 'backuptaken' || k === 'snapshottaken') {
      ctx.b.consume(path);
      // "yes, restore test 08:40" is a yes with a note.
      const said = flag ?? leadingFlag(value);
      if (said !== undefined) ctx.b.set('ticket.backup_verified', said, `${path} = ${text}`);
      continue;
    }
    if (k.startsWith('license') || k.startsWith('licence') || k.startsWith('subscription') || k === 'entitlement' || k.endsWith('licenses') || k.endsWith('licences') || k.endsWith('seats')) {
      ctx.b.set('license.status_known', true, `${path} = ${text ?? 'given'}`);
    }
    for (const item of typeof value === 'string' ? [value] : Array.isArray(value) ? value.slice(0, 100) : []) if (typeof item === 'string') notePrivilegedAccount(ctx, item);
    if (text !== undefined && text.includes('@')) {
      const domain = mailDomain(text);
      if (domain) ctx.orgDomains.add(domain);
    }
    // The requester's or owner's account name as the ticket records it ("l.chen (owner tag on bucket …)").
    if ((k === 'requester' || k === 'owner' || k === 'dataowner' || k === 'requestedby') && text !== undefined && !text.includes('@')) {
      const id = text.trim().split(/[\s(,;]/)[0].toLowerCase();
      if (/^[a-z0-9][a-z0-9._-]{1,40}$/.test(id) && /[._-]/.test(id)) (ctx.requesterIds ??= new Set()).add(id);
    }
    if (typeof value === 'string') {
      const v = textView(ctx, path, value, false);
      if (!v) continue;
      (v as TextView & { key?: string }).key = k;
      if (IDENTITY_STATUS_KEYS.has(k) || IDENTITY_FLAG_KEYS.has(k) || (k.startsWith('identity') && (k.endsWith('status') || k.endsWith('check') || k.endsWith('result')))) {
        const verified = statusVerified(v);
        if (verified !== undefined) ctx.b.set('identity.verified', verified, `${path} = ${value}`);
      }
      if (k === 'usersentiment' || k === 'sentiment' || k === 'mood') ctx.b.set('ticket.sentiment', value.toLowerCase().slice(0, 40), path);
      if (k === 'verificationmethod' || k === 'identitymethod') ctx.b.set('identity.method', value.slice(0, 80), path);
      // How the requester was verified: answers anyone can look up (employee ID, date of birth, manager's name) prove nothing
      // about who is asking (NIST SP 800-63B 5.1.1.2; CISA/FBI AA23-320A). A method that also names a real check counts as that check.
      const aboutVerification = k.includes('verif') || k.startsWith('identity') || IDENTITY_STATUS_KEYS.has(k);
      if (aboutVerification) {
        const knowledge = v.matches.some((m) => m.concept === 'identity.knowledge_based' && !m.negated);
        const proof = v.matches.some((m) => m.concept === 'identity.proof' && !m.negated);
        if (knowledge && !proof) ctx.b.set('identity.knowledge_based', true, `${path} = ${value.slice(0, 80)}`);
        else if (proof) ctx.b.set('identity.knowledge_based', false, `${path} = ${value.slice(0, 80)}`);
      }
      out.info.push(v);
    } else if (Array.isArray(value)) {
      ctx.b.consume(path);
      const words = value.filter((x): x is string => typeof x === 'string').join(', ');
      const v = words ? textView(ctx, path, words, false) : undefined;
      if (v) out.info.push(v);
    } else {
      ctx.b.consume(path);
    }
  }
  ctx.b.set('ticket.info_count', count, `state.information_gathered (${count} entries)`);
  readCallback(ctx, entries);
}

/** The last nine digits of each phone number in a text ("+44 7700 900417" and "07700 900417" are one number). */
function phoneNumbers(text: string): string[] {
  const out: string[] = [];
  let digits = '';
  const flush = () => {
    if (digits.length >= 7) out.push(digits.slice(-9));
    digits = '';
  };
  for (const ch of text.length > 300 ? text.slice(0, 300) : text) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (!(ch === ' ' || ch === '-' || ch === '+' || ch === '(' || ch === ')' || ch === '.')) flush();
  }
  flush();
  return out;
}

/** Key and value words that name where a number of record comes from (the HR system, the directory, the file). */
const RECORD_WORDS = new Set(['hr', 'record', 'directory', 'workday', 'file', 'registered', 'official']);
const NUMBER_WORDS = ['mobile', 'phone', 'number', 'cell', 'tel'];
/** HR and directory systems a number of record is kept in. */
const RECORD_SYSTEMS = new Set(['workday', 'successfactors', 'bamboohr', 'peoplesoft', 'hris', 'ad', 'entra', 'okta', 'ldap', 'servicenow', 'cmdb', 'personnel']);
/** Value words saying the number came from whoever is asking (CISA/FBI AA23-320A: callers hand the desk their own number). */
const CALLER_WORDS = new Set(['caller', 'requester', 'provided', 'given', 'supplied', 'email', 'chat', 'ticket', 'signature', 'voicemail']);

/**
 * A callback proves who answers only when it goes to the number of record (NIST SP 800-63B 6.1.2.3: recovery through an
 * address of record; CISA/FBI AA23-320A: callers hand the help desk their own number). A callback to a number other than
 * the one on record is not verification, whatever the ticket's flag says; a callback to the number of record, or a
 * manager's confirmation, is.
 */
function readCallback(ctx: ReadContext, entries: readonly [string, string, unknown][]): void {
  const callbacks: { path: string; numbers: string[]; toRecord: boolean }[] = [];
  const record: string[] = [];
  const sourced: string[] = [];
  for (const [key, path, value] of entries) {
    const text = scalarText(value);
    if (text === undefined) continue;
    const k = normKey(key);
    const words = splitOn(`${identifierWords(key)} ${text}`.toLowerCase(), ' ,;:()_-');
    if (k.includes('callback')) {
      const flag = flagValue(text);
      if (flag === false) continue;
      // Where the number dialled came from (`callback_number_source: Workday`): the system of record, or the caller.
      if (/source|origin|from$/.test(k)) {
        const valueWords = splitOn(text.toLowerCase(), ' ,;:()_-');
        if (valueWords.some((w) => CALLER_WORDS.has(w))) {
          ctx.b.set('identity.verified', false, `${path} = ${text.slice(0, 80)} (the number came from the caller)`, true);
          return;
        }
        if (valueWords.some((w) => RECORD_WORDS.has(w) || RECORD_SYSTEMS.has(w))) {
          sourced.push(path);
          continue;
        }
      }
      callbacks.push({ path, numbers: phoneNumbers(text), toRecord: words.some((w) => RECORD_WORDS.has(w)) });
    } else if (NUMBER_WORDS.some((n) => k.includes(n)) && splitOn(identifierWords(key).toLowerCase(), ' ').some((w) => RECORD_WORDS.has(w))) record.push(...phoneNumbers(text));
    else if ((k === 'managerconfirmation' || k === 'managerverification' || k === 'managerconfirmed') && flagValue(text) !== false && normKey(text) !== 'none' && normKey(text) !== 'pending') {
      ctx.b.set('identity.verified', true, `${path} = ${text.slice(0, 80)} (manager confirmation)`);
    }
  }
  for (const c of callbacks) {
    const other = c.numbers.filter((n) => record.length > 0 && !record.includes(n));
    if (other.length > 0) {
      ctx.b.set('identity.verified', false, `${c.path}: callback to a number that is not the one on record`, true);
      return;
    }
  }
  for (const c of callbacks) {
    if ((c.numbers.length > 0 && c.numbers.every((n) => record.includes(n))) || (c.toRecord && c.numbers.length > 0 && record.length === 0)) ctx.b.set('identity.verified', true, `${c.path}: callback to the number on record`);
  }
  // A callback whose number the ticket says was taken from the system of record, and no callback to another number.
  if (sourced.length > 0 && !callbacks.some((c) => c.numbers.length > 0 && !c.toRecord && !c.numbers.every((n) => record.includes(n)))) {
    ctx.b.set('identity.verified', true, `${sourced[0]}: callback to the number taken from the system of record`);
  }
}

export function readTicket(ctx: ReadContext): TicketText {
  const { b } = ctx;
  const out: TicketText = { user: [], assistant: [], info: [], assistantWords: [] };
  const id = scalarText(b.get('state.ticket_id'));
  if (id) b.set('ticket.id', id.slice(0, 60), 'state.ticket_id');
  const category = scalarText(b.get('state.category'));
  if (category) {
    const k = normKey(category);
    b.set('ticket.category', CATEGORY_ALIASES[k] ?? (category.toLowerCase().trim().slice(0, 40) || 'unknown'), `state.category = ${category}`);
  }
  const priority = scalarText(b.get('state.priority'));
  if (priority) {
    const p = PRIORITY_ALIASES[normKey(priority)];
    if (p) b.set('ticket.priority', p, `state.priority = ${priority}`);
  }
  const status = scalarText(b.get('state.resolution_status'));
  if (status) b.set('ticket.status', status.toLowerCase().slice(0, 40), 'state.resolution_status');
  readInformation(ctx, out);

  const description = scalarText(b.get('state.description'));
  if (description) {
    const v = textView(ctx, 'state.description', description, true);
    if (v) out.user.push(v);
  }
  const history = b.get('state.conversation_history');
  const messages = Array.isArray(history) ? history.slice(-50) : [];
  if (Array.isArray(history)) b.consume('state.conversation_history');
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!isRecord(m)) continue;
    const role = (scalarText(m.role) ?? 'user').toLowerCase();
    const content = scalarText(m.content);
    if (!content) continue;
    const v = textView(ctx, `state.conversation_history.${i}.content`, content, true);
    if (!v) continue;
    if (ASSISTANT_ROLES.has(role)) {
      out.assistant.push(v);
      out.assistantWords.push(wordSet(v.tokens));
    } else out.user.push(v);
  }
  const turns = b.get('state.turns_elapsed');
  if (typeof turns === 'number' && Number.isFinite(turns) && turns >= 0) b.set('ticket.turns', turns, `state.turns_elapsed = ${turns}`);
  else if (messages.length > 0) b.set('ticket.turns', Math.floor(messages.length / 2), `state.conversation_history (${messages.length} messages)`);

  // Identity in the conversation, most recent statement first ("could not verify you" after "I will verify you").
  for (const v of [...out.assistant, ...out.user]) {
    const unverified = v.matches.some((m) => m.concept === 'identity.unverified' && !m.negated) || v.matches.some((m) => m.concept === 'identity.verified' && m.negated);
    const verified = v.matches.some((m) => m.concept === 'identity.verified' && !m.negated);
    if (unverified) b.set('identity.verified', false, 'state.conversation_history: identity not verified');
    else if (verified) b.set('identity.verified', true, 'state.conversation_history: identity verified');
    // "Verified you with your employee ID and date of birth": the verification the message reports is knowledge answers only.
    if (verified && !unverified && v.matches.some((m) => m.concept === 'identity.knowledge_based' && !m.negated) && !v.matches.some((m) => m.concept === 'identity.proof' && !m.negated)) {
      b.set('identity.knowledge_based', true, 'state.conversation_history: verified by knowledge answers only');
    }
  }
  const frustration = [...out.user].reduce((n, v) => n + v.matches.filter((m) => m.concept === 'user.frustration').length + exclamations(v), 0);
  const shouting = out.user.reduce((n, v) => n + shoutedWords(v.text, v.raw), 0);
  const sentiment = b.has('ticket.sentiment') ? String(b.facts.ticket && (b.facts.ticket as Record<string, unknown>).sentiment) : '';
  const sentimentMarks = sentiment.startsWith('frustrat') || sentiment.startsWith('angry') || sentiment.startsWith('upset') || sentiment.startsWith('annoy') ? 2 : 0;
  const markers = frustration + (shouting >= 2 ? 1 : 0) + sentimentMarks;
  b.set('user.frustration', Math.min(1, markers / 4), `${markers} frustration signals in the user's messages`);
  return out;
}

/** "!!" and "??": repeated marks, read as break tokens next to each other. */
function exclamations(v: TextView): number {
  let n = 0;
  for (let i = 1; i < v.raw.length; i++) {
    const a = v.raw[i - 1];
    const c = v.raw[i];
    if (a.kind === 'break' && c.kind === 'break' && a.text === c.text && (c.text === '!' || c.text === '?') && a.end === c.start && !(v.raw[i - 2]?.text === c.text && v.raw[i - 2]?.end === a.start)) n++;
  }
  return n;
}
