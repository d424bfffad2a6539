import { readSaasRest } from './read-saas.js';
import { checks, isExternalAddress, opens, closes, type ReadContext } from './read-context.js';
import { readRoleGrant } from './read-grants.js';
import { splitOn } from './text-helpers.js';
import { asArray, field, flagValue, isRecord, normKey, scalarText, strings } from './values.js';

/**
 * Configuration objects of identity and source-control platforms, read by their shape: a Conditional
 * Access policy (conditions + grantControls), an OAuth consent or domain-wide delegation grant
 * (client + scopes), a GitHub Actions workflow (on + jobs), and REST calls whose URL names the
 * resource they write (a branch's protection, a repository's deploy keys, a user's admin roles).
 * Each records the hazard it opens with the object as its source.
 */

/** Path prefixes of Conditional Access policies that do not require MFA: their state and exclusions switch no MFA off. */
export function notMfaPolicy(ctx: ReadContext, source: string): boolean {
  return ctx.nonMfaPolicies.some((p) => source === p || source.startsWith(`${p}.`));
}

/**
 * A Conditional Access policy: an enforced block on all users and all apps that excludes nobody locks
 * the emergency-access accounts out with everyone else (Microsoft Entra, Manage emergency access
 * accounts). A policy whose grant controls do not ask for MFA is not an MFA policy: its report-only
 * state or its exclusions take no MFA away. Returns whether it was one.
 */
export function readConditionalAccess(ctx: ReadContext, obj: Record<string, unknown>, source: string): boolean {
  const conditions = field(obj, 'conditions')?.value;
  const grant = field(obj, 'grantcontrols')?.value;
  if (!isRecord(conditions) || !isRecord(grant)) return false;
  const controls = strings(field(grant, 'builtincontrols')?.value).map(normKey);
  const mfa = controls.includes('mfa') || field(grant, 'authenticationstrength') !== undefined;
  if (!mfa) ctx.nonMfaPolicies.push(source);
  const state = normKey(scalarText(field(obj, 'state')?.value) ?? '');
  const users = field(conditions, 'users')?.value;
  const apps = field(conditions, 'applications')?.value;
  const all = (v: unknown, key: string) => isRecord(v) && strings(field(v, key)?.value).some((x) => normKey(x) === 'all');
  const excluded = isRecord(users) && ['excludeusers', 'excludegroups', 'excluderoles'].some((k) => asArray(field(users, k)?.value).length > 0);
  // A block of legacy clients only (Exchange ActiveSync, "other" protocols) leaves modern sign-in, and so the administrators, untouched.
  const clients = strings(field(conditions, 'clientapptypes')?.value).map(normKey);
  const legacyOnly = clients.length > 0 && clients.every((c) => c === 'exchangeactivesync' || c === 'other');
  if (controls.includes('block') && state === 'enabled' && all(users, 'includeusers') && all(apps, 'includeapplications') && !excluded && !legacyOnly) {
    opens(ctx, 'lockout_policy', `${source}: enforced block on all users and all applications with no account excluded`);
  }
  return true;
}

/** Delegated scopes that read or write every mailbox, file or directory object they reach (Microsoft Graph, Google Workspace). */
export function broadScope(scope: string): boolean {
  const s = scope.toLowerCase();
  const graph = normKey(s);
  if (s.startsWith('https://')) {
    // Google: full Gmail, full Drive, Gmail modify/compose/send, directory administration.
    const last = s.slice(s.indexOf('/auth/') >= 0 ? s.indexOf('/auth/') + 6 : 8);
    return s === 'https://mail.google.com/' || s === 'https://mail.google.com' || last === 'drive' || last === 'gmail.modify' || last === 'gmail.send' || last === 'gmail.compose' || last.startsWith('admin.directory') && !last.endsWith('.readonly') || last === 'cloud-platform';
  }
  return graph.endsWith('readwrite') || graph.endsWith('readwriteall') || graph === 'mailsend' || graph === 'fullaccessasapp' || graph === 'filesreadall' || graph === 'sitesreadall' || graph === 'mailread' || graph === 'directoryaccessasuser' || graph === 'directoryaccessasuserall';
}

/**
 * An OAuth grant to an application for every user: Microsoft Graph oauth2PermissionGrant with
 * consentType AllPrincipals, or Google Workspace domain-wide delegation (a client ID and its scopes).
 * With mail or file scopes the app reads every user's data without their consent (illicit consent
 * grant, MITRE ATT&CK T1528). Returns whether it was one.
 */
export function readAppConsent(ctx: ReadContext, obj: Record<string, unknown>, source: string): boolean {
  const client = field(obj, 'clientid', 'appid', 'applicationid', 'oauthclientid');
  const scopesField = field(obj, 'scope', 'scopes', 'oauthscopes', 'permissions');
  if (!client || !scopesField) return false;
  const scopes = asArray(scopesField.value).flatMap((x) => (typeof x === 'string' ? splitOn(x, ' ,') : [])).filter(Boolean);
  const consent = normKey(scalarText(field(obj, 'consenttype')?.value) ?? '');
  // Domain-wide delegation is authorised for a client in the admin console: every user of the domain is in reach.
  const delegation = Object.values(obj).some((v) => typeof v === 'string' && v.length <= 300 && normKey(v).includes('domainwidedelegation'));
  const broad = scopes.filter(broadScope);
  if ((consent === 'allprincipals' || delegation) && broad.length > 0) opens(ctx, 'tenant_wide_consent', `${source}: ${broad.slice(0, 4).join(', ')} granted for every user`);
  return true;
}

/**
 * A GitHub Actions workflow triggered by pull_request_target (it runs with the repository's secrets
 * and a write token) that checks out the pull request's own head: fork code runs with those secrets
 * (GitHub Security Lab, "pwn requests"). Returns whether it was a workflow.
 */
export function readWorkflow(ctx: ReadContext, obj: Record<string, unknown>, source: string): boolean {
  const on = field(obj, 'on', 'true')?.value;
  const jobs = field(obj, 'jobs')?.value;
  if (on === undefined || !isRecord(jobs)) return false;
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? strings(on) : isRecord(on) ? Object.keys(on) : [];
  if (!triggers.some((t) => normKey(t) === 'pullrequesttarget' || normKey(t) === 'workflowrun')) return true;
  let untrusted: string | undefined;
  const visit = (v: unknown, depth: number, budget: { n: number }) => {
    if (untrusted || depth > 8 || --budget.n < 0) return;
    if (typeof v === 'string') {
      const c = normKey(v);
      if (c.includes('githubeventpullrequesthead') || c.includes('githubheadref') || c.includes('githubeventworkflowrunhead') || c.includes('refspullmerge')) untrusted = v;
    } else if (Array.isArray(v)) for (const x of v.slice(0, 100)) visit(x, depth + 1, budget);
    else if (isRecord(v)) for (const x of Object.values(v).slice(0, 100)) visit(x, depth + 1, budget);
  };
  visit(jobs, 0, { n: 2000 });
  if (untrusted) opens(ctx, 'untrusted_code_with_secrets', `${source}: pull_request_target workflow checks out ${untrusted.trim()}`);
  return true;
}

/** The last segments of a REST path, without ids: "/repos/acme/api/branches/main/protection" → ["repos", …, "protection"]. */
function segments(url: string): string[] {
  const scheme = url.indexOf('://');
  const start = scheme >= 0 ? url.indexOf('/', scheme + 3) : 0;
  let end = start < 0 ? 0 : start;
  while (end < url.length && url[end] !== '?' && url[end] !== ' ' && url[end] !== '\n' && url[end] !== '#') end++;
  return url.slice(Math.max(start, 0), end).split('/', 40).filter(Boolean).map((s) => s.toLowerCase());
}

/** Collections of code repositories on the forges' REST APIs (GitHub/Gitea repos, GitLab projects and groups, Bitbucket repositories). */
const REPOSITORY_COLLECTIONS = new Set(['repos', 'repositories', 'projects', 'groups']);

/**
 * A path that names one repository (or project, or group) itself, not something inside it: the collection followed by
 * one to three segments of owner, name or id (`/repos/acme/api`, `/api/v4/projects/4471`, `/2.0/repositories/ws/slug`),
 * or a Hugging Face repository's `/settings`.
 */
function repositoryResource(seg: readonly string[]): boolean {
  const at = seg.findIndex((s) => REPOSITORY_COLLECTIONS.has(s));
  if (at < 0) return false;
  const rest = seg.slice(at + 1);
  if (rest.at(-1) === 'settings') rest.pop();
  return rest.length >= 1 && rest.length <= 3 && (seg[at] !== 'repos' || rest.length === 2 || seg[0] === 'api');
}

/**
 * A REST call in the arguments ({method, url|path, body}) or a `gh api -X METHOD path` line, read by the
 * resource its path names: a branch's protection deleted, a deploy key created with write access, an
 * admin role assigned to a user.
 */
export function readRestCall(ctx: ReadContext, method: string | undefined, url: string, body: unknown, source: string): void {
  const m = (method ?? '').toLowerCase();
  const seg = segments(url);
  const last = seg.at(-1);
  readSaasRest(ctx, m, seg, source);
  if (last === 'protection' && seg.includes('branches')) {
    if (m === 'delete') opens(ctx, 'branch_protection_off', `${source}: DELETE ${url}`);
    else if (isRecord(body)) readBranchProtection(ctx, body, source);
  }
  if ((last === 'keys' || last === 'deploykeys' || last === 'deploy_keys') && seg.includes('repos') && isRecord(body)) {
    const ro = field(body, 'readonly');
    // GitHub: a deploy key is read-only only when read_only is true; with write it can push to the repository.
    if (ro !== undefined && flagValue(ro.value) === false) opens(ctx, 'write_deploy_key', `${source}: deploy key with read_only false`);
    else if (ro !== undefined && flagValue(ro.value) === true) checks(ctx, 'grant_scoped', `${source}: deploy key with read_only true (one repository, pull only)`);
  }
  // Microsoft Graph: an authentication method (phone, authenticator, FIDO2, OATH, temporary access pass) registered for a user.
  if (m === 'post' && seg.includes('users') && seg.at(-2) === 'authentication' && last !== undefined && last.endsWith('methods')) opens(ctx, 'credential_reset', `${source}: ${last} added`);
  // Okta lifecycle: a user's factors or password reset through the API.
  if (m === 'post' && seg.includes('lifecycle') && (last === 'reset_factors' || last === 'reset_password' || last === 'expire_password_with_temp_password')) opens(ctx, 'credential_reset', `${source}: ${last}`);
  // A repository made public (PATCH /repos/{owner}/{repo} {visibility: public} or {private: false}): its code and history become readable by anyone.
  // The same on every forge: GitLab PUT /projects/:id or /groups/:id {visibility: public | visibility_level: 20}, Bitbucket
  // PUT /repositories/{ws}/{slug} {is_private: false}, Azure DevOps projects {visibility: public}, Hugging Face …/settings {private: false}.
  if ((m === 'patch' || m === 'post' || m === 'put') && repositoryResource(seg) && isRecord(body)) {
    const visibility = normKey(scalarText(field(body, 'visibility')?.value) ?? '');
    const priv = field(body, 'private', 'isprivate');
    const level = Number(scalarText(field(body, 'visibilitylevel')?.value));
    if (visibility === 'public' || level === 20 || (priv !== undefined && flagValue(priv.value) === false)) opens(ctx, 'public_principal', `${source}: repository made public`);
  }
  // Okta lifecycle: activate, reactivate or unsuspend a user.
  if (m === 'post' && seg.includes('lifecycle') && (last === 'activate' || last === 'reactivate' || last === 'unsuspend')) opens(ctx, 'account_reenabled', `${source}: ${last}`);
  if (m === 'delete' && last !== undefined && seg.at(-2) === 'users') opens(ctx, 'deletes_accounts', `${source}: DELETE ${url}`);
  if (seg.includes('secret-scanning') && seg.includes('alerts') && isRecord(body)) {
    // Closing a leaked-secret alert as a false positive, won't fix or test data leaves the credential as it is (GitHub: revoke first).
    const state = normKey(scalarText(field(body, 'state')?.value) ?? '');
    const resolution = normKey(scalarText(field(body, 'resolution')?.value) ?? '');
    if (state === 'resolved' && (resolution === 'falsepositive' || resolution === 'wontfix' || resolution === 'usedintests')) opens(ctx, 'leak_alert_dismissed', `${source}: secret scanning alert resolved as ${resolution}`);
  }
  if (last === 'roles' && seg.includes('users') && isRecord(body)) {
    const role = scalarText(field(body, 'type', 'role', 'roletype', 'roleid')?.value);
    if (role) readRoleGrant(ctx, role.replaceAll('_', ' '), undefined, `${source}: role ${role}`);
  }
}

/** Branch protection written as a body: reviews dropped to zero, admins exempted, or required checks emptied. */
function readBranchProtection(ctx: ReadContext, body: Record<string, unknown>, source: string): void {
  const reviews = field(body, 'requiredpullrequestreviews')?.value;
  if (reviews === null) opens(ctx, 'branch_protection_off', `${source}: required pull request reviews removed`);
  else if (isRecord(reviews) && Number(scalarText(field(reviews, 'requiredapprovingreviewcount')?.value)) === 0) opens(ctx, 'branch_protection_off', `${source}: zero approving reviews required`);
  else if (isRecord(reviews)) closes(ctx, 'branch_protection_off');
}

/** A delivery object ({channel: email, to: …}) whose recipient is outside the organisation: what it carries leaves. */
export function readDelivery(ctx: ReadContext, key: string, value: Record<string, unknown>, source: string): boolean {
  const k = normKey(key);
  if (!(k === 'deliver' || k === 'delivery' || k === 'send' || k === 'sendto' || k === 'share' || k === 'notify' || k === 'handover')) return false;
  const to = [...strings(field(value, 'to', 'recipient', 'recipients', 'address', 'email', 'cc')?.value)];
  const external = to.filter((a) => isExternalAddress(ctx, a));
  if (external.length > 0) opens(ctx, 'external_sharing', `${source} to ${external.join(', ')}`);
  return external.length > 0;
}

/** The value written after a header name ("Access-Control-Allow-Origin $http_origin always;"), lower case. */
function headerValue(lower: string, name: string): string | undefined {
  const at = lower.indexOf(name);
  if (at < 0) return undefined;
  let i = at + name.length;
  while (i < lower.length && (lower[i] === ' ' || lower[i] === ':' || lower[i] === '"' || lower[i] === "'" || lower[i] === '\t' || lower[i] === ',')) i++;
  let j = i;
  while (j < lower.length && j - i < 200 && lower[j] !== ' ' && lower[j] !== ';' && lower[j] !== '"' && lower[j] !== "'" && lower[j] !== '\n' && lower[j] !== ',') j++;
  return lower.slice(i, j);
}

/** An origin that is anyone's: "*", or the request's own Origin reflected back ($http_origin, %{Origin}, origin: true). */
function anyOrigin(value: string): boolean {
  const v = value.toLowerCase();
  return v === '*' || v === 'true' || v.startsWith('$') || v.startsWith('%{') || normKey(v).includes('httporigin') || normKey(v) === 'origin' || normKey(v) === 'requestorigin';
}

/**
 * CORS that lets any origin read responses with the user's cookies: Access-Control-Allow-Origin reflecting
 * the request's Origin (or "*") together with Access-Control-Allow-Credentials true (OWASP WSTG-CLNT-07).
 */
export function readCorsText(ctx: ReadContext, s: string, source: string): void {
  if (s.length > 100_000) return;
  const lower = s.toLowerCase();
  const origin = headerValue(lower, 'access-control-allow-origin');
  const credentials = headerValue(lower, 'access-control-allow-credentials');
  if (origin !== undefined && anyOrigin(origin) && credentials === 'true') opens(ctx, 'cors_any_origin_credentials', `${source}: Access-Control-Allow-Origin ${origin} with credentials`);
}

/** CORS written as settings ({allowOrigins: ["*"], allowCredentials: true}). Returns whether it was one. */
export function readCorsObject(ctx: ReadContext, obj: Record<string, unknown>, source: string): boolean {
  const origins = field(obj, 'alloworigins', 'allowedorigins', 'alloworigin', 'corsallowedorigins', 'origin', 'origins');
  const credentials = field(obj, 'allowcredentials', 'supportcredentials', 'credentials', 'corsallowcredentials');
  if (!origins || !credentials) return false;
  const any = asArray(origins.value).some((o) => (typeof o === 'string' && anyOrigin(o)) || o === true);
  if (any && flagValue(credentials.value) === true) opens(ctx, 'cors_any_origin_credentials', `${source}: any origin allowed with credentials`);
  return true;
}
