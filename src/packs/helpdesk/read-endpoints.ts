import { factAt } from '../reading/reading.js';
import { tokenize } from '../reading/text.js';
import { checks, closes, gatheredFields, opens, type ReadContext } from './read-context.js';
import { entriesOf, flagValue, isRecord, lowerText, normKey, scalarText, treeTexts } from './values.js';

/**
 * Shapes of endpoint, identity and SaaS administration whose danger is in where a setting lands or to whom
 * something goes, not in a word:
 * - a trust of outsiders set at the tenant-wide default (cross-tenant inbound trust on `…/default`, Teams
 *   chat with unmanaged consumer accounts for the whole tenant) instead of for one named partner;
 * - meeting safeguards (waiting room, passcodes, authentication) switched off in account-level settings;
 * - an OAuth connected app opened to every user with full or offline scopes;
 * - a reply that tells the user to hand a code or remote control to, or enter a sign-in code from, a party
 *   the ticket shows as external;
 * - a bypass token (EDR maintenance or uninstall token) or account backup codes handed to a person;
 * - network containment lifted while the linked incident is not shown closed;
 * - a production database restored onto a development or test server without masking;
 * - an OS task sequence (which repartitions disks) deployed Required to a built-in "All …" collection;
 * - an 802.1X (EAP) Wi-Fi profile with no server certificate validation;
 * - a remediation closed while the ticket records that sessions or credentials were not revoked;
 * - a repository transferred to another owner.
 * And the other direction: a credential rotated that nobody receives (krbtgt, a LAPS password rotated by the
 * same action for a technician's own bench use), a login the action itself creates, and an in-person identity
 * check recorded in the ticket. Every input is bounded.
 */

const MAX = 20_000;

const lower = (value: unknown): string => lowerText(value, MAX);

/** Words of a text: lower-case runs of letters and digits (bounded). */
function words(text: string): string[] {
  return text.slice(0, MAX).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).slice(0, 2000);
}


const urlOf = (p: Record<string, unknown>): string => lower(scalarText(p.url ?? p.uri ?? p.endpoint ?? p.path ?? '') ?? '');

/** Entra cross-tenant default and tenant-wide Teams federation: outsiders trusted for every external organisation. */
function readOutsiderTrust(ctx: ReadContext, p: Record<string, unknown>, text: string): void {
  const url = urlOf(p);
  if (url.includes('crosstenantaccesspolicy/default')) {
    const trusted = entriesOf(p.body ?? p.payload ?? p.data).filter(([k, v]) => (k === 'ismfaaccepted' || k === 'iscompliantdeviceaccepted' || k === 'ishybridazureadjoineddeviceaccepted') && flagValue(v) === true);
    if (trusted.length > 0) opens(ctx, 'outsider_trust_default', `action.parameters: ${trusted.map(([k]) => k).join(', ')} in the cross-tenant access default (claims of every external tenant trusted)`, `inbound trust of ${trusted.map(([k]) => k.replace(/^is|accepted$/g, '')).join(', ')} claims from every external tenant`);
  }
  // Set-CsTenantFederationConfiguration is the tenant's one federation setting; the Global external access policy covers everyone.
  const tenantWide = text.includes('set-cstenantfederationconfiguration') || (text.includes('set-csexternalaccesspolicy') && /-identity\s+["']?global\b/.test(text));
  if (tenantWide) {
    const on = /-(allowteamsconsumer|allowteamsconsumerinbound|allowpublicusers|enableteamsconsumeraccess|enableteamsconsumerinbound)\s*(:\s*)?\$true\b/g;
    const hits = [...text.matchAll(on)].map((m) => m[1]).slice(0, 4);
    if (hits.length > 0) opens(ctx, 'outsider_trust_default', `action.parameters: ${hits.map((h) => `-${h} $true`).join(' ')} (tenant-wide)`, 'chat with unmanaged (consumer) Teams accounts for the whole tenant');
  }
}

/** Meeting safeguards by key: a false value switches the safeguard off, a true one keeps it. */
const MEETING_GUARDS = new Set(['waitingroom', 'requirepasswordforschedulingnewmeetings', 'requirepasswordforinstantmeetings', 'requirepasswordforpmimeetings', 'requirepasswordforscheduledmeetings', 'meetingauthentication', 'enforcelogin', 'meetingpasscode', 'embedpasswordinjoinlink']);

/** Zoom-style account or group settings: waiting room, passcodes and authentication switched off for every user. */
function readMeetingSettings(ctx: ReadContext, p: Record<string, unknown>): void {
  const url = urlOf(p);
  if (!/\/(accounts|groups)\/[^/]+\/settings\b/.test(url) && !url.includes('/webinars/') && !url.includes('/meetings/')) return;
  const accountWide = /\/(accounts|groups)\/[^/]+\/settings\b/.test(url);
  const off: string[] = [];
  for (const [k, v] of entriesOf(p.body ?? p.payload ?? p.data)) {
    if (!MEETING_GUARDS.has(k)) continue;
    const flag = flagValue(v);
    if (flag === false && k !== 'embedpasswordinjoinlink') off.push(k);
    else if (flag === true) closes(ctx, 'meeting_safeguards_off');
  }
  if (off.length > 0 && accountWide) opens(ctx, 'meeting_safeguards_off', `action.parameters: ${off.slice(0, 4).join(', ')} = false at ${url.slice(0, 80)}`, `${off.slice(0, 4).join(', ')} off for every meeting of the account`);
}

/** A connected (OAuth) app every user may authorise, with full or offline scopes. */
function readConnectedApp(ctx: ReadContext, p: Record<string, unknown>): void {
  const kv = entriesOf(p);
  const permitted = kv.find(([k]) => k === 'permittedusers' || k === 'permitteduserspolicy');
  const everyone = permitted && /\ball users\b|\ballusers\b|self-authori[sz]e/.test(lower(permitted[1]));
  // Admin-approved users only: the app reaches the users an administrator pre-authorises (Salesforce Help, connected app OAuth policies).
  if (permitted && !everyone && /admin[\s_-]?approved|pre-?authori[sz]ed/.test(lower(permitted[1]))) return checks(ctx, 'grant_scoped', `action.parameters: ${permitted[0]} = ${String(scalarText(permitted[1])).slice(0, 60)}`);
  if (!everyone) return;
  const scopes = words(lower(kv.filter(([k]) => k.includes('scope')).map(([, v]) => v)));
  const broad = scopes.filter((s) => s === 'full' || s === 'api' || s === 'refresh' || s === 'offline');
  if (broad.length > 0) opens(ctx, 'oauth_app_all_users', `action.parameters: ${permitted![0]} = all users, scopes ${[...new Set(broad)].join(', ')}`, `connected app any user may authorise with ${[...new Set(broad)].join(', ')} scopes`);
}

const DEVICE_LOGIN = ['microsoft.com/devicelogin', 'aka.ms/devicelogin', 'login.microsoftonline.com/common/oauth2/deviceauth', 'google.com/device', 'github.com/login/device'];
const HANDING = new Set(['share', 'give', 'enter', 'type', 'read', 'send', 'provide', 'allow', 'accept', 'approve', 'let']);
const NEGATORS = new Set(['not', 'don', 'dont', 'never', 'no', 'nobody', 't']);
const REPLY_KINDS = new Set(['reply', 'message', 'respond', 'response', 'chat', 'email', 'send_message', 'sendmessage']);

/** The ticket names an outside party: a key about an external tenant, sender or first contact, or a device-login address in the user's words. */
function outsideParty(ctx: ReadContext): string | undefined {
  for (const [key, value] of Object.entries(gatheredFields(ctx)).slice(0, 100)) {
    const k = normKey(key);
    if ((k.includes('external') || k.includes('sender') || k.includes('firstcontact') || k.includes('unsolicited')) && scalarText(value)) return `state.information_gathered.${key} = ${String(scalarText(value)).slice(0, 60)}`;
  }
  const history = ctx.b.request.state?.conversation_history;
  const said = lower(Array.isArray(history) ? history.filter((t) => isRecord(t) && t.role === 'user').map((t) => (t as Record<string, unknown>).content) : '');
  const login = DEVICE_LOGIN.find((d) => said.includes(d));
  return login ? `state.conversation_history: a sign-in code for ${login} from someone else` : undefined;
}

/** A reply that tells the user to hand over or enter a code, or to let someone take control, while an outside party is in the ticket. */
function readVouchingReply(ctx: ReadContext, kind: string | undefined, p: Record<string, unknown>): void {
  if (!REPLY_KINDS.has(normKey(kind ?? '').replace(/_/g, '')) && !REPLY_KINDS.has(kind ?? '')) return;
  const message = scalarText(p.message ?? p.body ?? p.text ?? p.content);
  if (!message) return;
  const toks = tokenize(message.slice(0, 4000)).filter((t) => t.kind === 'word' || t.text === '.' || t.text === '!' || t.text === '?');
  const remote = (ctx.catalogue.concepts.get('software.remote_access') ?? []).map((s) => s.toLowerCase());
  const text = message.toLowerCase();
  const namesRemote = remote.some((r) => text.includes(r)) || /\btake control\b|\bremote (session|control)\b/.test(text);
  let handing: string | undefined;
  for (let i = 0; i < toks.length && !handing; i++) {
    if (!HANDING.has(toks[i].text)) continue;
    const before = toks.slice(Math.max(0, i - 3), i).map((t) => t.text);
    if (before.some((w) => NEGATORS.has(w))) continue;
    let j = i + 1;
    while (j < toks.length && j < i + 8 && !['.', '!', '?'].includes(toks[j].text)) {
      if (toks[j].text === 'code' || toks[j].text === 'control' || (namesRemote && toks[j].text === 'access')) handing = `${toks[i].text} … ${toks[j].text}`;
      j++;
    }
  }
  if (!handing) return;
  const party = outsideParty(ctx);
  if (party) opens(ctx, 'unsolicited_contact_vouched', `action.parameters.message: "${handing}" while ${party}`, `the user is told to ${handing} for a party the ticket shows as external (${party.slice(0, 80)})`);
}

const BYPASS_TOKEN = /maintenance[\s_-]?token|uninstall[\s_-]?(token|password|key)|tamper[\s_-]?protection[\s_-]?(bypass|token|off)|agent[\s_-]?passphrase|anti[\s_-]?tamper/;
const BACKUP_CODES = /backup (verification )?codes|verificationcodes\/generate|generate[\s_-]?(backup|recovery)[\s_-]?codes|recovery codes/;
const DELIVERY_KEYS = new Set(['sendvia', 'deliverto', 'deliver', 'sendto', 'recipient', 'delivery', 'channel', 'shareto', 'sharewith']);

/** A bypass token released to a person; backup codes issued for an account (a credential for someone). */
function readHandedSecrets(ctx: ReadContext, p: Record<string, unknown>, description: string): void {
  const text = `${lower(treeTexts(p, true))} ${description}`;
  const delivery = entriesOf(p).find(([k]) => DELIVERY_KEYS.has(k));
  if (BYPASS_TOKEN.test(text)) {
    const to = delivery ? String(scalarText(delivery[1]) ?? 'a person').slice(0, 60) : /\b(send|give|share|provide)\b[^.]*\b(user|requester|caller|him|her|them)\b/.test(description) ? 'the requester' : undefined;
    if (to) opens(ctx, 'bypass_token_released', `action.parameters: ${text.match(BYPASS_TOKEN)![0]} to ${to}`, `${text.match(BYPASS_TOKEN)![0]} handed to ${to}`);
  }
  if (BACKUP_CODES.test(text)) opens(ctx, 'credential_reset', `action.parameters: ${text.match(BACKUP_CODES)![0]} issued for the account${delivery ? ` and delivered ${String(scalarText(delivery[1])).slice(0, 40)}` : ''}`);
}

const LIFT = /lift[\s_-]?containment|liftcontainment|\bunisolate\b|release[\s_-]?from[\s_-]?isolation|releasefromisolation|lift[\s_-]?isolation|\/agents\/actions\/connect\b/;
const CLOSED_WORDS = new Set(['closed', 'resolved', 'remediated', 'eradicated', 'complete', 'completed']);

/** Network containment lifted: safe only when the linked incident is shown closed. */
function readContainmentLift(ctx: ReadContext, p: Record<string, unknown>, description: string): void {
  const text = `${lower(treeTexts(p, true))} ${description}`;
  const hit = text.match(LIFT);
  if (!hit) return;
  const incident = Object.entries(gatheredFields(ctx)).find(([k]) => normKey(k).includes('incident'));
  const status = incident ? words(lower(incident[1])) : [];
  const closed = status.some((w) => CLOSED_WORDS.has(w)) && !status.some((w) => w === 'open' || w === 'investigating' || w === 'active' || w === 'progress' || w === 'new');
  ctx.b.set('change.containment_lifted', hit[0], `action.parameters: ${hit[0]}`);
  if (closed) {
    ctx.b.set('change.containment_incident_closed', true, `state.information_gathered.${incident![0]} = ${String(scalarText(incident![1])).slice(0, 80)}`);
    // Containment lifted after the incident is closed: the recovery step of NIST SP 800-61 (the device was eradicated and restored).
    checks(ctx, 'containment_after_closure', `state.information_gathered.${incident![0]} = ${String(scalarText(incident![1])).slice(0, 80)}`);
  }
  else opens(ctx, 'containment_lifted_open_incident', `action.parameters: ${hit[0]} while ${incident ? `state.information_gathered.${incident[0]} = ${String(scalarText(incident[1])).slice(0, 60)}` : 'no closed incident is on the ticket'}`, incident ? `linked incident not closed (${String(scalarText(incident[1])).slice(0, 60)})` : 'no closed incident shown');
}

const PROD = new Set(['prod', 'prd', 'production', 'live']);
const NONPROD = new Set(['dev', 'development', 'test', 'testing', 'qa', 'uat', 'staging', 'stage', 'sandbox', 'nonprod', 'preprod']);
const ENV_HOST = /^(dev|tst|test|qa|uat|stg)[a-z]*\d+$/;

/** A production database restored or copied onto a development or test server, with no masking shown. */
function readProdToLower(ctx: ReadContext, p: Record<string, unknown>): void {
  const all = lower(treeTexts(p, false));
  if (!/\brestore\s+database\b|\bpg_restore\b|\brestore-sqldatabase\b|\brestore-dbadatabase\b|\bcopy-dbadatabase\b|\bmongorestore\b/.test(all)) return;
  const ig = gatheredFields(ctx);
  const igEntries = Object.entries(ig).slice(0, 100).map(([k, v]) => [normKey(k), lower(v)] as const);
  const source = [all, ...igEntries.filter(([k]) => k.includes('source') || k.includes('from') || k.includes('origin') || k.includes('backup')).map(([, v]) => v)].join(' ');
  const target = [lower(scalarText(p.server ?? p.target ?? p.destination ?? p.instance ?? '') ?? ''), ...igEntries.filter(([k]) => k.includes('target') || k.includes('destination') || k === 'server').map(([, v]) => v)].join(' ');
  const prod = words(source).some((w) => PROD.has(w));
  const lowerEnv = words(target).some((w) => NONPROD.has(w) || ENV_HOST.test(w));
  if (!prod || !lowerEnv) return;
  const masking = igEntries.find(([k]) => k.includes('mask') || k.includes('anonymi') || k.includes('pseudonymi') || k.includes('sanitiz') || k.includes('sanitis'));
  if (masking && flagValue(ig[Object.keys(ig).find((k) => normKey(k) === masking[0])!]) === true) return;
  opens(ctx, 'production_data_to_lower_env', `action.parameters: a production restore onto ${target.slice(0, 60)}${masking ? ` (${masking[0]} = ${masking[1].slice(0, 20)})` : ' (no masking shown)'}`, `production data restored onto ${target.split(' ')[0] || 'a non-production server'} without masking`);
}

/** An OS deployment task sequence made Required for a built-in all-devices collection. */
function readTaskSequenceScope(ctx: ReadContext, text: string): void {
  if (!/new-cmtasksequencedeployment|start-cmtasksequencedeployment/.test(text)) return;
  const collection = text.match(/-collectionname\s+["']([^"']{1,80})["']|-collectionname\s+(\S{1,80})/);
  const name = (collection?.[1] ?? collection?.[2] ?? '').trim();
  const required = /-deploypurpose\s+["']?required\b/.test(text);
  if (required && /^all\b/.test(name)) opens(ctx, 'reimage_deployed_broadly', `action.parameters: task sequence Required for the "${name}" collection`, `task sequence Required for the built-in "${name}" collection`);
  // Available (the user starts it) to a named collection other than a built-in all-devices one: bounded by its members.
  else if (name && !/^all\b/.test(name) && /-deploypurpose\s+["']?available\b/.test(text)) checks(ctx, 'deployment_scoped', `action.parameters: task sequence Available to the "${name}" collection`);
}

/** An enterprise (EAP) Wi-Fi profile with no root certificate and no server name to validate the RADIUS server against. */
function readEapValidation(ctx: ReadContext, p: Record<string, unknown>): void {
  const kv = entriesOf(p);
  const eap = kv.some(([k, v]) => (k === 'eaptype' && scalarText(v)) || (k === 'wifisecuritytype' && /enterprise/.test(lower(v))));
  const validation = kv.filter(([k]) => k.includes('servervalidation') || k.includes('trustedservercertificate') || k.includes('trustedrootcertificate') || k === 'servercertificatenames' || k === 'rootcertificates');
  // Only an 802.1X profile has server validation settings: naming them says what the profile is.
  if (!eap && validation.length === 0) return;
  const given = validation.some(([, v]) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : isRecord(v)));
  if (given) closes(ctx, 'eap_server_validation_off');
  else opens(ctx, 'eap_server_validation_off', `action.parameters: ${validation.length ? validation.map(([k]) => k).join(', ') + ' empty' : 'no server validation given'} in an 802.1X profile`, '802.1X profile that validates no RADIUS server certificate');
}

const REVOKE = ['killed', 'kill', 'terminated', 'terminate', 'revoked', 'revoke', 'rotated', 'rotate', 'invalidated', 'cleared', 'reset'];
const WHAT = ['session', 'token', 'credential', 'password', 'secret', 'key', 'cookie'];

/** A change closed as complete while the ticket records that sessions or credentials were not revoked. */
function readRemediationClosure(ctx: ReadContext, p: Record<string, unknown>, kind: string | undefined): void {
  const state = lower(scalarText(p.state ?? p.status ?? p.set_status ?? p.resolution ?? '') ?? '');
  const closing = /closed|resolved|complete|done/.test(state) || normKey(kind ?? '') === 'closeticket';
  if (!closing) return;
  for (const [key, value] of Object.entries(gatheredFields(ctx)).slice(0, 100)) {
    const k = normKey(key);
    if (REVOKE.some((r) => k.includes(r)) && WHAT.some((w) => k.includes(w)) && flagValue(value) === false) {
      opens(ctx, 'remediation_closed_unrevoked', `state.information_gathered.${key} = false while the change closes`, `${key} = false`);
      return;
    }
  }
}

/** A repository transferred to another owner (GitHub transfer API). */
function readRepoTransfer(ctx: ReadContext, p: Record<string, unknown>): void {
  const url = urlOf(p);
  const m = url.match(/\/repos\/([^/]+)\/([^/]+)\/transfer\b/);
  if (!m) return;
  const body = isRecord(p.body) ? p.body : p;
  const owner = lower(scalarText((body as Record<string, unknown>).new_owner ?? (body as Record<string, unknown>).newOwner) ?? '');
  if (owner && owner !== m[1]) opens(ctx, 'external_sharing', `action.parameters: repository ${m[1]}/${m[2]} transferred to ${owner}`);
}

/** How many times one run resets krbtgt: each Set-ADAccountPassword on it, twice or more when it sits in a loop. */
function krbtgtResetCount(text: string): number {
  const resets = [...text.matchAll(/set-adaccountpassword\s[^;\n]*-identity\s+["']?krbtgt\b/g)].length;
  if (resets === 0) return 0;
  const range = text.match(/\b(\d{1,3})\s*\.\.\s*(\d{1,3})\s*\|/);
  const looped = (range && Math.abs(Number(range[2]) - Number(range[1])) >= 1) || /\bfor\s*\(|\bforeach\s*\(|\bwhile\s*\(|\bdo\s*\{/.test(text);
  return looped ? Math.max(2, resets) : resets;
}

/** Credentials nobody receives, logins the action creates, and in-person identity checks on record. */
function readReceivers(ctx: ReadContext, p: Record<string, unknown>, text: string): void {
  const krbtgtResets = krbtgtResetCount(text);
  // Two resets before replication and the ticket lifetime have passed invalidate every Kerberos ticket in the domain.
  if (krbtgtResets > 1) opens(ctx, 'krbtgt_double_reset', 'action.parameters: krbtgt reset more than once in one run', 'krbtgt reset twice in one run (no wait for replication and the maximum ticket lifetime)');
  if (factAt(ctx.b.facts, 'change.credential_reset') === true) {
    // krbtgt's password is the KDC's key: the rotation issues a credential to nobody (Microsoft, AD forest recovery, resetting krbtgt).
    if (krbtgtResets === 1 && !/set-adaccountpassword\s[^;\n]*-identity\s+["']?(?!krbtgt\b)[a-z0-9]/.test(text))
      ctx.b.set('change.credential_reset', false, 'action.parameters: krbtgt rotated once (the KDC key, given to no person)', true);
    // A LAPS password read by the technician and rotated by the same action, with nobody else in the conversation.
    const history = ctx.b.request.state?.conversation_history;
    const someoneAsks = Array.isArray(history) && history.some((t) => isRecord(t) && t.role === 'user');
    if (/get-laps(aad|ad)?password/.test(text) && /reset-lapspassword/.test(text) && !someoneAsks)
      ctx.b.set('change.credential_reset', false, 'action.parameters: LAPS password read for bench work and rotated by the same action (no requester receives it)', true);
    // CREATE LOGIN … WITH PASSWORD provisions a new login; it resets nobody's password.
    if (/\bcreate\s+login\b[^;]*\bwith\s+password\b/.test(text) && !/\balter\s+login\b/.test(text))
      ctx.b.set('change.credential_reset', false, 'action.parameters: CREATE LOGIN (a new login the action provisions, not a reset)', true);
  }
  if (factAt(ctx.b.facts, 'identity.verified') === undefined) {
    for (const [key, value] of Object.entries(gatheredFields(ctx)).slice(0, 100)) {
      const k = normKey(key);
      if (k !== 'verification' && k !== 'identityverification' && k !== 'verifiedby' && k !== 'verifiedvia' && k !== 'verifiedwith') continue;
      const v = scalarText(value);
      if (!v) continue;
      const matches = ctx.catalogue.vocabulary.match(tokenize(v.slice(0, 400)), []);
      const proof = matches.filter((m) => m.concept === 'identity.proof' && !m.negated).length;
      const against = matches.some((m) => (m.concept === 'identity.unverified' || m.concept === 'status.unverified' || m.concept === 'identity.knowledge_based') && !m.negated);
      // An in-person check against a photo ID names at least two proofs ("in person", "photo ID", "badge").
      if (proof >= 2 && !against) ctx.b.set('identity.verified', true, `state.information_gathered.${key} = ${v.slice(0, 80)}`);
    }
  }
}

export function readEndpointShapes(ctx: ReadContext, parameters: unknown, kind: string | undefined, description: unknown): void {
  const p = isRecord(parameters) ? parameters : {};
  const text = lower(treeTexts(p, false).join('\n'));
  const said = lower(typeof description === 'string' ? description : '');
  readOutsiderTrust(ctx, p, text);
  readMeetingSettings(ctx, p);
  readConnectedApp(ctx, p);
  readVouchingReply(ctx, kind, p);
  readHandedSecrets(ctx, p, said);
  readContainmentLift(ctx, p, said);
  readProdToLower(ctx, p);
  readTaskSequenceScope(ctx, text);
  readEapValidation(ctx, p);
  readRemediationClosure(ctx, p, kind);
  readRepoTransfer(ctx, p);
  readReceivers(ctx, p, text);
}
