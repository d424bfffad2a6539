import { factAt } from '../reading/reading.js';
import { gatheredFields, opens, type ReadContext } from './read-context.js';
import { PUBLIC_REPO } from './read-direction.js';
import { broadScope } from './read-platform.js';
import { asArray, entriesOf, field, flagValue, isRecord, lowerText, normKey, scalarText, treeStrings } from './values.js';

/**
 * Shapes of release engineering and identity trust whose danger is in who the change lets in or how much it
 * reaches at once, read across products:
 * - a self-hosted CI runner made reachable by public repositories (a runner group opened to them, or a runner
 *   registered for a repository the ticket shows public) that is not ephemeral;
 * - an identity provider object (Okta IdP, Entra federation, Keycloak broker, Auth0 connection, Google SSO
 *   profile, AWS SAML provider) created, and automatic linking of its users to existing accounts with no group
 *   filter;
 * - admin consent that grants an application what its request lists (application roles or delegated scopes over
 *   every mailbox or file), when the call names the client and the ticket names the permissions;
 * - a vulnerability suppressed in a scanner's ignore file, command or alert (Trivy, Grype, Snyk, OWASP
 *   Dependency-Check, osv-scanner, pip-audit, cargo-audit, npm audit allowlists), with the severity the ticket
 *   gives for it;
 * - the domain's MX records replaced (inbound mail routed to other hosts);
 * - a software, agent or update deployment to every host at once, and whether it went through rings first;
 * And the other direction: an application secret that the same action writes straight into a secret store,
 * requested by the owner the ticket records, is issued to no person.
 * Every input is bounded (entries, lengths, depth).
 */

const MAX = 40_000;
const lower = (v: unknown): string => lowerText(v, MAX);
const say = (s: string) => `action.parameters: ${s.trim().slice(0, 140)}`;

/** Every record of a value tree, depth-first (bounded: 6 levels, 300 records). */
function records(value: unknown, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 6 || out.length > 300) return out;
  if (Array.isArray(value)) for (const v of value.slice(0, 100)) records(v, out, depth + 1);
  else if (isRecord(value)) {
    out.push(value);
    for (const v of Object.values(value).slice(0, 100)) records(v, out, depth + 1);
  }
  return out;
}

/** The REST method the call names, lower case ('' when none). */
function methodOf(p: Record<string, unknown>): string {
  return lower(scalarText(field(p, 'method', 'httpmethod', 'verb')?.value) ?? '').trim();
}

/** The state's texts a reader may weigh: description, conversation and `information_gathered`, lower case. */
function stateText(ctx: ReadContext): string {
  return lower(ctx.b.request.state ?? {}).replace(/"\s*:\s*/g, ' ');
}

// ---------------------------------------------------------------------------------------------------------
// Self-hosted runners reachable by public repositories (GitHub Docs: use self-hosted runners only with private
// repositories; forks of a public repository can run code on the machine through a pull request).

const RUNNER_REGISTRATION = /(^|[\s/])(config\.(sh|cmd)|config\.ps1)\s[^\n]{0,400}--url\b|\bgitlab-runner\s+register\b|\/actions\/runners\/(registration-token|generate-jitconfig)\b|\bactions-runner-controller\b|\bkind:\s*runnerdeployment\b/;

function readPublicRunner(ctx: ReadContext, p: Record<string, unknown>, kind: string | undefined): void {
  const kv = entriesOf(p);
  const allowsPublic = kv.find(([k]) => k === 'allowspublicrepositories' || k === 'allowpublicrepositories');
  const ephemeral = kv.some(([k, v]) => (k === 'ephemeral' || k === 'jitconfig') && (flagValue(v) === true || k === 'jitconfig'));
  const text = treeStrings(p).map((t) => t.toLowerCase()).join('\n');
  if (/--ephemeral\b|generate-jitconfig/.test(text)) return;
  if (ephemeral) return;
  if (allowsPublic && flagValue(allowsPublic[1]) === true) {
    return opens(ctx, 'public_repo_self_hosted_runner', say(`${allowsPublic[0]} true (public repositories may use the group's self-hosted runners)`));
  }
  // A group closed to public repositories: GitHub will not run a public repository's jobs on its runners.
  if (allowsPublic && flagValue(allowsPublic[1]) === false) return;
  const registering = RUNNER_REGISTRATION.test(text) || /runner/.test(normKey(kind ?? '')) && kv.some(([k]) => k === 'runner' || k === 'runnergroup' || k === 'labels');
  if (!registering) return;
  const visibility = Object.entries(gatheredFields(ctx)).find(([k, v]) => normKey(k).endsWith('visibility') && normKey(scalarText(v) ?? '') === 'public');
  if (visibility || PUBLIC_REPO.test(stateText(ctx))) {
    opens(ctx, 'public_repo_self_hosted_runner', visibility ? `action.parameters: a persistent self-hosted runner registered while state.information_gathered.${visibility[0]} = public` : 'action.parameters: a persistent self-hosted runner registered for a repository the ticket calls public');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Identity providers trusted for sign-in, by the shape of their configuration object.

/** Protocol words an identity-provider object names as its type (Okta type, Keycloak providerId, Auth0 strategy). */
const IDP_TYPES = new Set(['saml', 'saml2', 'samlp', 'oidc', 'openidconnect', 'wsfed', 'wsfederation', 'adfs', 'federation']);
/** Keys of a sign-in endpoint or federation metadata: whoever runs that endpoint asserts who the user is. */
const IDP_ENDPOINT_KEYS = new Set(['sso', 'metadataurl', 'metadatafile', 'ssourl', 'singlesignonserviceurl', 'singlesignonserviceuri', 'signinendpoint', 'passivesigninuri', 'activesigninuri', 'ssoserviceurl', 'idpssourl', 'idpentityid', 'issueruri', 'samlmetadatadocument', 'metadataurl', 'metadataxml', 'idpmetadata', 'idpmetadataurl', 'authorizationendpoint', 'authorizationurl', 'discoveryurl', 'issuer']);

function idpObject(r: Record<string, unknown>): boolean {
  const type = normKey(scalarText(field(r, 'type', 'providerid', 'providertype', 'strategy', 'protocoltype', 'federationprotocol', 'preferredauthenticationprotocol')?.value) ?? '');
  const typed = IDP_TYPES.has(type) || (isRecord(r.protocol) && IDP_TYPES.has(normKey(scalarText(field(r.protocol, 'type')?.value) ?? '')));
  const endpoint = entriesOf(r).some(([k, v]) => IDP_ENDPOINT_KEYS.has(k) && (typeof v === 'string' ? v.length > 0 : isRecord(v)));
  // Entra internal domain federation and Google inbound SAML profiles are named by their own keys.
  const named = Object.keys(r).some((k) => ['passivesigninuri', 'federatedidpmfabehavior', 'idpconfig', 'samlmetadatadocument'].includes(normKey(k)));
  return endpoint && (typed || named);
}

/** Words that say the object is an upstream identity provider the tenant will trust, not an application's SSO settings. */
const IDP_SIDE = /\b(idps?|identity[\s_-]?providers?|identity-provider|federation\w*|brokers?|connections?|inboundsamlssoprofiles?|samlproviders?|external[\s_-]?idp)\b/;

/** Hosts of the sign-in endpoints an object names. */
function endpointHosts(r: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of entriesOf(r)) {
    for (const t of IDP_ENDPOINT_KEYS.has(k) ? treeStrings(v) : []) {
      const m = /^https?:\/\/([^/:?#\s]{1,200})/i.exec(t.trim());
      if (m) out.push(m[1].toLowerCase());
    }
  }
  return out;
}

/**
 * An identity-provider object the tenant will trust for sign-in. The object must sit where an upstream IdP is configured
 * (under an `idp`, `identityProvider`, `connection` or federation key, or a call or kind that names one): an application's
 * own SSO settings pointing at the organisation's IdP are the usual service-provider set-up, not a new trust. An endpoint
 * on the organisation's own domain (from the mailboxes the ticket names) is its own IdP.
 */
function keysTo(value: unknown, target: unknown, depth = 0): string[] | undefined {
  if (value === target) return [];
  if (depth > 6 || (typeof value !== 'object' || value === null)) return undefined;
  for (const [k, v] of Object.entries(value).slice(0, 100)) {
    const rest = keysTo(v, target, depth + 1);
    if (rest) return [Array.isArray(value) ? '' : k, ...rest];
  }
  return undefined;
}

function upstreamIdp(ctx: ReadContext, p: Record<string, unknown>, kind: string | undefined, description: string, idp: Record<string, unknown>): boolean {
  const path = (keysTo(p, idp) ?? []).join(' ');
  // The REST call's own path (a record with a method), not the endpoints the IdP object names.
  const urls = records(p).filter((r) => methodOf(r) !== '').map((r) => scalarText(field(r, 'url', 'path', 'endpoint', 'uri')?.value) ?? '').filter((u) => u.includes('/')).join(' ');
  const context = `${path} ${kind ?? ''} ${description.slice(0, 300)} ${urls.slice(0, 600)}`.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[_/]/g, ' ');
  if (!IDP_SIDE.test(context)) return false;
  const labels = [...ctx.orgDomains].map((d) => d.split('.')[0]).filter((l) => l.length >= 3);
  const hosts = endpointHosts(idp);
  return !(hosts.length > 0 && hosts.every((h) => labels.some((l) => h.split(/[.-]/).includes(l))));
}

function readIdentityProvider(ctx: ReadContext, p: Record<string, unknown>, kind: string | undefined, description: string): void {
  const method = methodOf(p);
  if (method === 'delete' || ctx.removing > 0) return;
  const all = records(p);
  const idp = all.find(idpObject);
  // A PUT or PATCH edits an IdP that already exists (a certificate rotation): the REST reader reads the new ones by path.
  if (idp && method !== 'put' && method !== 'patch' && upstreamIdp(ctx, p, kind, description, idp)) opens(ctx, 'idp_trust_added', say('identity provider object (sign-in endpoint and protocol) created'));
  if (!factAt(ctx.b.facts, 'change.idp_trust_added')) return;
  for (const r of all) {
    // Okta IdP policy: accountLink {action: AUTO, filter: {groups: {include: [...]}}}; without a filter every user it names is linked.
    const link = field(r, 'accountlink', 'accountlinking');
    if (link && isRecord(link.value)) {
      const action = normKey(scalarText(field(link.value, 'action')?.value) ?? '');
      const filter = field(link.value, 'filter')?.value;
      const scoped = isRecord(filter) && entriesOf(filter).some(([k, v]) => (k === 'include' || k === 'groups') && asArray(v).length > 0 && !isRecord(v));
      if (action === 'auto' && !scoped) return opens(ctx, 'idp_auto_link', say(`${link.key}.action AUTO with no group filter`), 'users of the new identity provider linked automatically to existing accounts, with no group filter');
    }
    // Keycloak brokers: trust the IdP's e-mail and a first-login flow that links existing users without asking them.
    for (const [k, v] of Object.entries(r).slice(0, 100)) {
      const nk = normKey(k);
      if ((nk === 'autolink' || nk === 'autolinking' || nk === 'automaticaccountlinking' || nk === 'linkexistingaccounts') && flagValue(v) === true) {
        return opens(ctx, 'idp_auto_link', say(`${k} true`), 'users of the new identity provider linked automatically to existing accounts');
      }
      if (nk === 'firstbrokerloginflowalias' && /auto[\s_-]?link|automatically set existing user/.test(lower(v))) {
        return opens(ctx, 'idp_auto_link', say(`${k} ${String(v).slice(0, 60)}`), 'users of the new identity provider linked automatically to existing accounts');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Admin consent: the grant consents to what the application requests.

const PERMISSION_KEYS = /^(roles|approles|scopes?|permissions|applicationpermissions|delegatedpermissions|grantapplicationroles|grantscopes|requestedpermissions|application|delegated|oauthscopes|resourceaccess)$/;

function permissionNames(value: unknown): string[] {
  const out: string[] = [];
  for (const [k, v] of entriesOf(isRecord(value) || Array.isArray(value) ? { permissions: value } : {})) {
    if (!PERMISSION_KEYS.test(k)) continue;
    for (const x of asArray(v).slice(0, 100)) if (typeof x === 'string') out.push(...x.split(/[\s,]+/).filter(Boolean).slice(0, 50));
  }
  return out;
}

function readAdminConsent(ctx: ReadContext, p: Record<string, unknown>, kind: string | undefined, description: string): void {
  const kv = entriesOf(p);
  const consentType = kv.find(([k]) => k === 'consenttype');
  // A consent for one user (consentType Principal) reaches that user only.
  if (consentType && normKey(scalarText(consentType[1]) ?? '') !== 'allprincipals') return;
  const written = treeStrings(p).map((t) => t.toLowerCase()).join('\n');
  const command = /\baz\s+ad\s+app\s+permission\s+admin-consent\b[^\n]{0,200}--id\s+(\S{1,80})/.exec(written);
  const said = `${normKey(kind ?? '')} ${description.toLowerCase().slice(0, 400)}`;
  const adminConsent = consentType !== undefined || command !== null || /admin\s*consent|adminconsent|tenant[\s-]wide consent/.test(said);
  const named = kv.find(([k, v]) => ['clientappid', 'clientid', 'appid', 'applicationid', 'resourceappid', 'serviceprincipalid', 'app', 'application', 'appname'].includes(k) && typeof v === 'string');
  const client = named ? String(named[1]) : command?.[1];
  if (!adminConsent || !client) return;
  let names = permissionNames(p);
  let source = 'action.parameters';
  // "Grant admin consent" with no permissions in the call consents to what the request lists, which the ticket records.
  if (names.filter(broadScope).length === 0) {
    const info = Object.entries(gatheredFields(ctx)).filter(([k]) => /permission|scope|approle/.test(normKey(k)));
    const fromTicket = info.flatMap(([, v]) => permissionNames(v).concat(typeof v === 'string' ? v.split(/[\s,;]+/) : []));
    if (fromTicket.some(broadScope)) {
      names = fromTicket;
      source = `state.information_gathered.${info[0][0]} (what the consent request lists)`;
    }
  }
  const broad = [...new Set(names.filter(broadScope))];
  if (broad.length > 0) opens(ctx, 'tenant_wide_consent', `${source}: admin consent for ${client.slice(0, 40)} grants ${broad.slice(0, 4).join(', ')} for every user`);
}

// ---------------------------------------------------------------------------------------------------------
// Vulnerabilities suppressed in a scanner.

/** Ignore and suppression files of vulnerability scanners (their documented default names). */
const IGNORE_FILES = /(^|\/)(\.trivyignore(\.ya?ml)?|\.grype\.ya?ml|\.snyk|dependency-check-suppressions?\.xml|[\w-]*suppressions?\.xml|osv-scanner\.toml|\.nsprc|audit-ci\.jsonc?|\.safety-policy\.ya?ml|\.cargo\/audit\.toml|deny\.toml|\.bundler-audit\.ya?ml|\.retireignore(\.json)?|\.auditignore|\.npmauditignore|\.yarn-audit-ignore|\.xrayignore|\.wizignore|\.prismaignore)$/;
/** A shell line that appends to or writes a scanner's ignore file (`echo CVE-… >> .trivyignore`, `tee -a .grype.yaml`). */
const APPEND_TO_IGNORE_FILE = /(>>?|\btee\s+(-a\s+)?)\s*["']?[\w./-]*(\.trivyignore|\.grype\.ya?ml|\.snyk|osv-scanner\.toml|\.nsprc|audit-ci\.jsonc?|suppressions?\.xml)\b/;
/** Command lines that tell a scanner to skip a vulnerability. */
const IGNORE_COMMANDS = /\bsnyk\s+ignore\b|\bpip-audit\b[^\n]{0,200}--ignore-vuln\b|\bcargo\s+audit\b[^\n]{0,200}--ignore\b|\bsafety\s+check\b[^\n]{0,200}--ignore\b|\bgrype\b[^\n]{0,200}--ignore\b|\bnpm\s+audit\b[^\n]{0,200}--omit\b|\btrivy\b[^\n]{0,200}--ignorefile\b/;
const VULN_ID = /\b(cve-\d{4}-\d{4,7}|ghsa(-[23456789cfghjmpqrvwx]{4}){3}|snyk-[a-z0-9:-]{4,80}|rustsec-\d{4}-\d{4}|pysec-\d{4}-\d{1,6}|go-\d{4}-\d{4}|gms-\d{4}-\d{1,6})\b/g;
const SEVERITY = /\b(critical|high|moderate|medium|low)\b/;
const EXPLOITED = /\b(known[\s_-]exploited|actively exploited|exploited in the wild|in cisa kev|kev\b|on the kev)/;
const CVSS = /\bcvss(?:v?3(?:\.\d)?)?(?:\s*(?:score|base score))?\s*[:=]?\s*(\d{1,2}(?:\.\d)?)\b/;

function severityIn(text: string): string | undefined {
  if (EXPLOITED.test(text)) return 'critical';
  const cvss = CVSS.exec(text);
  if (cvss) {
    const s = Number(cvss[1]);
    if (s >= 9) return 'critical';
    if (s >= 7) return 'high';
    if (s >= 4) return 'medium';
    return 'low';
  }
  const word = SEVERITY.exec(text)?.[1];
  return word === 'moderate' ? 'medium' : word;
}

const RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };

function readScannerSuppression(ctx: ReadContext, p: Record<string, unknown>): void {
  if (ctx.removing > 0) return;
  const kv = entriesOf(p);
  const file = kv.find(([k, v]) => /^(path|file|filename|filepath|target|name)$/.test(k) && typeof v === 'string' && IGNORE_FILES.test(v.trim().toLowerCase()));
  const written = treeStrings(p).map((t) => t.toLowerCase()).join('\n');
  const command = IGNORE_COMMANDS.exec(written) ?? APPEND_TO_IGNORE_FILE.exec(written);
  // Dependabot, code-scanning and GitLab vulnerability alerts dismissed through their API.
  const url = lower(scalarText(field(p, 'url', 'path', 'endpoint', 'uri')?.value) ?? '');
  const body = isRecord(p.body) ? p.body : p;
  const dismissed = (/\/(dependabot|code-scanning)\/alerts\/\d+/.test(url) && normKey(scalarText(field(body, 'state')?.value) ?? '') === 'dismissed') || /\/vulnerabilities\/\d+\/dismiss\b/.test(url) || /\/(dependabot|code-scanning)\/alerts\/\d+[^\n]{0,200}\bstate=dismissed\b/.test(written);
  if (!file && !command && !dismissed) return;
  // What is written: the file's new lines (a diff's removed lines are not), or the command and its ids.
  const lines = written.split('\n').filter((l) => !/^-(?!--)/.test(l) && !/^\s*#/.test(l));
  // Ids under a key that takes entries out (`remove_lines`, `delete`) are suppressions ending, not starting.
  const removedIds = new Set(kv.filter(([k]) => /remove|delete|unignore/.test(k)).flatMap(([, v]) => treeStrings(v).join('\n').toLowerCase().match(VULN_ID) ?? []));
  const removedLines = written.split('\n').filter((l) => /^-(?!--)/.test(l)).join('\n').match(VULN_ID) ?? [];
  const ids = [...new Set(lines.join('\n').match(VULN_ID) ?? [])].filter((id) => !removedIds.has(id)).slice(0, 20);
  if (ids.length === 0 && (removedIds.size > 0 || removedLines.length > 0)) return;
  const what = file ? `${String(file[1]).slice(0, 60)}` : command ? command[0].slice(0, 60) : 'vulnerability alert dismissed';
  opens(ctx, 'vuln_suppressed', say(`${what}${ids.length ? `: ${ids.join(', ')}` : ''}`), ids.length ? ids.join(', ').toUpperCase() : what);
  // The severity the ticket gives: in the same value as the id (a finding line), or a severity field when one finding is named.
  const state = ctx.b.request.state ?? {};
  const told = [...treeStrings(state.information_gathered), ...Object.entries(gatheredFields(ctx)).map(([k, v]) => `${k} ${scalarText(v) ?? ''}`), String(state.description ?? ''), ...treeStrings(state.conversation_history), ...treeStrings(p)].map((t) => t.toLowerCase().slice(0, 4000));
  let worst: string | undefined;
  let where = '';
  for (const t of told) {
    if (ids.length > 0 && !ids.some((id) => t.includes(id))) continue;
    const s = severityIn(t);
    if (s && (!worst || RANK[s] > RANK[worst])) {
      worst = s;
      where = t.slice(0, 80);
    }
  }
  if (!worst && (ids.length <= 1 || dismissed)) {
    const sev = Object.entries(gatheredFields(ctx)).find(([k]) => /severity|cvss/.test(normKey(k)));
    const s = sev ? severityIn(`${normKey(sev[0]).includes('cvss') ? 'cvss ' : ''}${lower(scalarText(sev[1]) ?? '')}`) : undefined;
    if (s) {
      worst = s;
      where = `${sev![0]} = ${String(sev![1]).slice(0, 40)}`;
    }
  }
  if (worst) ctx.b.set('change.suppressed_vuln_severity', worst, `the ticket: ${where}`);
}

// ---------------------------------------------------------------------------------------------------------
// Mail exchangers replaced.

function hostOf(value: string): string {
  const parts = value.trim().toLowerCase().split(/\s+/);
  return (parts.at(-1) ?? '').replace(/\.$/, '');
}

/** JSON objects written inside command lines (`--change-batch '{"Changes": …}'`), parsed when they parse (bounded). */
function inlineJson(value: unknown): unknown[] {
  const out: unknown[] = [];
  for (const t of treeStrings(value).slice(0, 50)) {
    const start = t.indexOf('{');
    const end = t.lastIndexOf('}');
    if (start < 0 || end <= start || end - start > 20_000) continue;
    try {
      out.push(JSON.parse(t.slice(start, end + 1)));
    } catch {
      // not JSON: the other readers read it as text
    }
  }
  return out;
}

function readMailExchangers(ctx: ReadContext, p: Record<string, unknown>): void {
  if (ctx.removing > 0) return;
  const targets: string[] = [];
  for (const r of records([p, ...inlineJson(p)])) {
    const type = normKey(scalarText(field(r, 'type', 'recordtype', 'rrtype', 'rtype')?.value) ?? '');
    if (type !== 'mx') continue;
    const action = normKey(scalarText(field(r, 'action', 'changetype', 'operation', 'op')?.value) ?? '');
    if (action === 'delete' || action === 'remove') continue;
    for (const [k, v] of entriesOf(r)) {
      if (!/^(value|values|content|exchange|mailexchange|exchangename|target|data|rrdatas|records|resourcerecords|preferenceandexchange|mx)$/.test(k)) continue;
      for (const x of asArray(v).slice(0, 20)) if (typeof x === 'string' && /[a-z]/i.test(x) && x.includes('.')) targets.push(hostOf(x));
    }
  }
  const line = treeStrings(p).map((t) => t.toLowerCase()).find((t) => /--type[=\s]+mx\b|\brecord-set\s+mx\s+(add-record|set-record|create|update)\b|\badd-dnsserverresourcerecordmx\b|\bdnsrecord\s+-mx\b/.test(t) && !/\bdelete\b|\bremove-record\b/.test(t));
  if (line) for (const m of line.matchAll(/(?:--exchange|-e|--rrdatas|-mailexchange|--content|--value)(?:=|\s+)(?:"([^"]{1,300})"|'([^']{1,300})'|(\S{1,200}))/g)) targets.push(...(m[1] ?? m[2] ?? m[3]).split(',').map(hostOf));
  const hosts = [...new Set(targets.filter((h) => h.includes('.')))].slice(0, 6);
  if (hosts.length === 0) return;
  // The same exchangers the ticket already shows (a TTL change) reroute nothing.
  const current = Object.entries(gatheredFields(ctx)).filter(([k]) => normKey(k).includes('mx')).map(([, v]) => lower(v)).join(' ');
  if (current && hosts.every((h) => current.includes(h))) return;
  opens(ctx, 'mail_routing_changed', say(`MX ${hosts.join(', ')}`), hosts.join(', '));
}

// ---------------------------------------------------------------------------------------------------------
// Deployments to every host at once.

/** Keys that name what a deployment installs or updates. */
const PAYLOAD_KEYS = /^(sensorversion|agentversion|version|build|buildversion|targetversion|update|updates|package|packages|app|application|software|softwareupdate|patch|release|contentversion|firmware|image|installer|channel|policyversion)$/;
/** Keys that name whom a deployment reaches. */
const TARGET_KEYS = /^(appliesto|target|targets|targetcollection|collection|collectionname|targetgroupname|scope|hosts|hostgroup|hostgroups|devices|devicegroup|devicegroups|group|groups|assignment|assignments|assignedto|audience|computers|machines|endpoints|targetgroup|ring|deploymentring)$/;
const EVERY_HOST = /^(all|every|entire)(\s+(the\s+)?(managed\s+|windows\s+|mac\s+|linux\s+|corporate\s+)?(hosts?|devices?|systems?|endpoints?|machines?|computers?|workstations?|servers?|clients?|fleet|estate|desktop and server clients|sensors?|agents?))?(\s*\(.*\))?$|^\*$|^alldevices$|^#?microsoft\.graph\.alldevicesassignmenttarget$/;
const DEPLOY_COMMAND = /\b(new-cm\w*deployment|start-cm\w*deployment|approve-wsusupdate|deploy|rollout|install|update|upgrade|push)\b[^\n]{0,300}?(?:-collectionname|-targetgroupname|--host-?group|--device-?group|--target-?group|--collection)(?:=|\s+)(?:"([^"]{1,80})"|'([^']{1,80})'|(\S{1,80}))/;
const UNSTAGED_KEYS = /^(stagedrollout|staged|phased|phasedrollout|userings|rings|canary|gradualrollout|pilotfirst|progressive|rolloutinstages)$/;
/** Batch sizes of a rolling deployment (Ansible `serial`, a rollout's batch percentage): below the whole fleet it goes in stages. */
const BATCH_KEYS = /^(rolloutpercentage|percentage|percent|batchpercentage|serial|batchsize)$/;
const SKIP_RINGS = /\b(skip\w*|bypass\w*|without|instead of waiting for|no)\s+(the\s+)?(usual\s+)?(pilot|canary|ring|rings|staged|staging|phased)\b|\ball at once\b|\bat once\b|\beverywhere (today|now|at once)\b/;
const PILOT_NONE = /^(none|no|not yet|pending|skipped|n\/a|false|0)\b/;
const PILOT_DONE = /\b(complete|completed|passed|done|succeeded|successful|no issues|clean|signed off)\b/;

function readFleetRollout(ctx: ReadContext, p: Record<string, unknown>, kind: string | undefined, description: string): void {
  if (ctx.removing > 0 || methodOf(p) === 'delete') return;
  const kv = entriesOf(p);
  // Deployment commands aimed at a built-in "All …" group: ConfigMgr New-CM…Deployment -CollectionName, WSUS
  // Approve-WsusUpdate -TargetGroupName, and CLI flags naming the host or device group.
  const cmdlet = treeStrings(p).map((t) => t.toLowerCase()).map((t) => DEPLOY_COMMAND.exec(t)).find(Boolean);
  const collection = cmdlet ? (cmdlet[2] ?? cmdlet[3] ?? cmdlet[4]).trim() : undefined;
  const deploying = kv.some(([k]) => PAYLOAD_KEYS.test(k)) || /deploy|rollout|patch|update|upgrade|install|release|push/.test(normKey(kind ?? '')) || cmdlet !== undefined;
  if (!deploying) return;
  const everyHost = (x: unknown): string | undefined => {
    const t = isRecord(x) ? scalarText(x['@odata.type'] ?? x.type ?? x.name) : scalarText(x);
    return t !== undefined && EVERY_HOST.test(t.trim().toLowerCase()) ? t : undefined;
  };
  const keyed = kv.find(([k, v]) => TARGET_KEYS.test(k) && asArray(v).some((x) => everyHost(x) !== undefined));
  // Jamf-style scope flags (`all_computers: true`) and the ConfigMgr collection above.
  const flagged = kv.find(([k, v]) => /^all(computers|devices|hosts|endpoints|machines|mobiledevices)$/.test(k) && flagValue(v) === true);
  const builtIn = collection !== undefined && (EVERY_HOST.test(collection) || /^all\s+[a-z ]{2,40}$/.test(collection)) ? collection : undefined;
  const target: [string, unknown] | undefined = keyed ?? (flagged ? [flagged[0], 'all'] : builtIn ? ['collectionname', builtIn] : undefined);
  if (!target) return;
  const shown = asArray(target[1]).map(everyHost).find(Boolean) ?? String(scalarText(target[1]) ?? 'all');
  const payload = kv.find(([k]) => PAYLOAD_KEYS.test(k));
  opens(ctx, 'fleet_wide_rollout', say(`${target[0]} = ${shown}`), `${payload ? `${payload[0]} ${String(scalarText(payload[1]) ?? '').slice(0, 40)} ` : ''}to ${shown}`.trim());
  // Whether it went through rings: the call's own staging flags, what the description says, then the ticket's pilot record.
  const flag = kv.find(([k, v]) => UNSTAGED_KEYS.test(k) && flagValue(v) !== undefined);
  if (flag) return ctx.b.set('change.rollout_staged', flagValue(flag[1])!, say(`${flag[0]} = ${String(flag[1])}`));
  const percent = kv.find(([k, v]) => BATCH_KEYS.test(k) && Number.isFinite(Number(String(v).replace('%', ''))));
  if (percent) {
    const n = Number(String(percent[1]).replace('%', ''));
    const share = String(percent[1]).includes('%') || /perc/.test(percent[0]) ? n < 100 : n > 0;
    return ctx.b.set('change.rollout_staged', share, say(`${percent[0]} = ${String(percent[1])}`));
  }
  const desc = description.toLowerCase().slice(0, 2000);
  if (SKIP_RINGS.test(desc)) return ctx.b.set('change.rollout_staged', false, `action.description: ${SKIP_RINGS.exec(desc)![0]}`);
  for (const [k, v] of Object.entries(gatheredFields(ctx)).slice(0, 100)) {
    const nk = normKey(k);
    if (!/pilot|canary|ring|soak|stage/.test(nk) || /member|count|size/.test(nk)) continue;
    const t = lower(scalarText(v) ?? (typeof v === 'boolean' ? String(v) : '')).trim();
    if (PILOT_NONE.test(t)) return ctx.b.set('change.rollout_staged', false, `state.information_gathered.${k} = ${t.slice(0, 40)}`);
    if (PILOT_DONE.test(t) || v === true) return ctx.b.set('change.rollout_staged', true, `state.information_gathered.${k} = ${t.slice(0, 40)}`);
  }
  const said = [String(ctx.b.request.state?.description ?? ''), ...treeStrings(ctx.b.request.state?.conversation_history)].map((t) => t.toLowerCase().slice(0, 4000));
  const skip = said.map((t) => SKIP_RINGS.exec(t)).find(Boolean);
  if (skip) ctx.b.set('change.rollout_staged', false, `the ticket: ${skip[0]}`);
}

// ---------------------------------------------------------------------------------------------------------
// An application secret written straight into a secret store.

const STORE_WRITE = /\baz\s+keyvault\s+secret\s+set\b|\bset-azkeyvaultsecret\b|\baws\s+secretsmanager\s+(put-secret-value|create-secret|update-secret)\b|\bgcloud\s+secrets\s+(versions\s+add|create)\b|\bvault\s+(kv\s+put|write)\b|\bop\s+item\s+(create|edit)\b|\bset-secret\b/;
const DELIVERY_KEYS = /^(deliver\w*|sendto|recipients?|notify\w*|emailto|toaddress|cc|shareto|reply|message)$/;
const NO_OWNER = /^(none|no|unknown|not\b|n\/a|pending|false|unassigned)/;

function readVaultedAppSecret(ctx: ReadContext, p: Record<string, unknown>): void {
  if (factAt(ctx.b.facts, 'change.credential_reset') !== true) return;
  const written = treeStrings(p).map((t) => t.toLowerCase()).join('\n');
  // Application and service identities only: a person's password kept in a vault is still handed to whoever reads it.
  if (!/addpassword|addkey|passwordcredential|keycredential|clientsecret|client secret|serviceprincipal|service principal|applicationpassword|\bad\s+(app|sp)\s+credential\s+reset\b|create-access-key|service account key|\bkeys\s+create\b/.test(written + ' ' + Object.keys(p).map(normKey).join(' '))) return;
  const store = STORE_WRITE.exec(written);
  if (!store) return;
  if (entriesOf(p).some(([k, v]) => DELIVERY_KEYS.test(k) && typeof v === 'string' && v.trim().length > 0)) return;
  // The owner the ticket records for the application: the request comes from whoever is accountable for it.
  const owner = Object.entries(gatheredFields(ctx)).find(([k, v]) => /owner/.test(normKey(k)) && typeof v === 'string' && v.trim().length > 0 && !NO_OWNER.test(v.trim().toLowerCase()));
  if (!owner && factAt(ctx.b.facts, 'identity.verified') !== true) return;
  ctx.b.set('change.credential_reset', false, `action.parameters: ${store[0]} (the new secret goes straight into the secret store, issued to no person${owner ? `; state.information_gathered.${owner[0]} = ${String(owner[1]).slice(0, 40)}` : ''})`, true);
}

export function readReleaseAndTrustShapes(ctx: ReadContext, parameters: unknown, kind: string | undefined, description: unknown): void {
  const p = isRecord(parameters) ? parameters : {};
  const desc = typeof description === 'string' ? description.slice(0, 4000) : '';
  readPublicRunner(ctx, p, kind);
  readIdentityProvider(ctx, p, kind, desc);
  readAdminConsent(ctx, p, kind, desc);
  readScannerSuppression(ctx, p);
  readMailExchangers(ctx, p);
  readFleetRollout(ctx, p, kind, desc);
  readVaultedAppSecret(ctx, p);
}
