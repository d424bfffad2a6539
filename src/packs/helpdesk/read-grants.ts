import { checks, closes, opens, type ReadContext } from './read-context.js';
import { compact, lastSegment } from './text-helpers.js';
import { asArray, field, isRecord, normKey, scalarText, strings } from './values.js';

/**
 * Grants in the shapes the clouds write them: IAM policy documents (Statement with Effect,
 * Principal, Action, NotAction, Resource, Condition), GCP bindings ({role, members}), Azure role
 * assignments ({roleDefinitionName, scope}) and Kubernetes RBAC bindings (roleRef, subjects).
 * The role names that count as administrative come from the catalogue (`role.admin`, and
 * `role.scoped_admin` for roles that are administrative at subscription scope).
 */

const PUBLIC_MEMBERS = new Set(['allusers', 'allauthenticatedusers', 'systemanonymous', 'systemunauthenticated', 'systemauthenticated', 'everyone', 'anonymous']);

function roleNames(ctx: ReadContext, concept: string): Set<string> {
  return new Set((ctx.catalogue.concepts.get(concept) ?? []).map((p) => compact(p)));
}

/** 'admin' for an always-administrative role, 'scoped' for one that is administrative at subscription scope. */
export function adminRoleKind(ctx: ReadContext, role: string): 'admin' | 'scoped' | undefined {
  const whole = compact(role);
  const last = compact(lastSegment(role));
  const admin = roleNames(ctx, 'role.admin');
  if (admin.has(whole) || admin.has(last)) return 'admin';
  const scoped = roleNames(ctx, 'role.scoped_admin');
  if (scoped.has(whole) || scoped.has(last)) return 'scoped';
  return undefined;
}

/** A subscription, management group or tenant root: where Owner and Contributor reach everything. */
function broadScope(scope: string | undefined): boolean {
  if (scope === undefined) return true;
  const s = scope.toLowerCase();
  if (s === '/' || s.includes('managementgroups')) return true;
  const parts = s.split('/').filter(Boolean);
  return parts.length <= 2 && parts[0] === 'subscriptions';
}

/** "allUsers", "system:anonymous", or the S3 ACL group URI "http://acs.amazonaws.com/groups/global/AllUsers". */
export function isPublicMember(member: string): boolean {
  return PUBLIC_MEMBERS.has(compact(member)) || (member.includes('/') && PUBLIC_MEMBERS.has(compact(lastSegment(member))));
}

function principalIsPublic(p: unknown): boolean {
  if (typeof p === 'string') return p.trim() === '*' || isPublicMember(p);
  if (Array.isArray(p)) return p.some(principalIsPublic);
  if (isRecord(p)) return Object.values(p).some(principalIsPublic);
  return false;
}

/**
 * Permissions that let their holder raise its own rights: rewrite or attach a policy, add itself to a group, change a
 * role's trust, or mint credentials for another identity (Rhino Security Labs, AWS IAM privilege escalation methods;
 * Checkov CKV_AWS_286; Rhino, GCP privilege escalation: setIamPolicy, roles.update, serviceAccountKeys.create,
 * getAccessToken, actAs). The credential ones are not an escalation when scoped to the caller's own user.
 */
const ESCALATING = new Set([
  'iam:createpolicyversion', 'iam:setdefaultpolicyversion', 'iam:attachuserpolicy', 'iam:attachgrouppolicy', 'iam:attachrolepolicy',
  'iam:putuserpolicy', 'iam:putgrouppolicy', 'iam:putrolepolicy', 'iam:addusertogroup', 'iam:updateassumerolepolicy',
  'iam:putuserpermissionsboundary', 'iam:deleteuserpermissionsboundary', 'iam:putrolepermissionsboundary', 'iam:deleterolepermissionsboundary',
  'iam:createaccesskey', 'iam:createloginprofile', 'iam:updateloginprofile', 'iam:*', 'iam:put*', 'iam:attach*', 'iam:create*', 'iam:update*', 'iam:set*',
  'resourcemanager.projects.setiampolicy', 'resourcemanager.folders.setiampolicy', 'resourcemanager.organizations.setiampolicy', 'iam.roles.update',
  'iam.serviceaccountkeys.create', 'iam.serviceaccounts.getaccesstoken', 'iam.serviceaccounts.signjwt', 'iam.serviceaccounts.signblob', 'iam.serviceaccounts.setiampolicy', 'iam.serviceaccounts.actas',
  'microsoft.authorization/roleassignments/write', 'microsoft.authorization/roledefinitions/write', 'microsoft.authorization/*',
]);
const OWN_CREDENTIAL = new Set(['iam:createaccesskey', 'iam:createloginprofile', 'iam:updateloginprofile']);

/** The escalating permissions among `actions`; a credential one on resources that are all the caller's own user is left out. */
export function escalatingActions(actions: readonly string[], resources: readonly string[]): string[] {
  const own = resources.length > 0 && resources.every((r) => r.includes('${aws:username}'));
  return actions.filter((a) => ESCALATING.has(a) && !(own && OWN_CREDENTIAL.has(a)));
}

/**
 * Actions that run code or open a shell on a machine (Stratus Red Team aws.execution.ssm-send-command and MITRE ATT&CK
 * T1651 Cloud Administration Command; AWS Systems Manager docs scope SendCommand and StartSession to tagged instances
 * and named documents). Granted on every instance without a condition, they are remote root on the whole fleet.
 */
const REMOTE_EXECUTION = new Set([
  'ssm:sendcommand', 'ssm:startsession', 'ssm:*', 'ec2-instance-connect:sendsshpublickey', 'ec2-instance-connect:*', 'ecs:executecommand',
  'compute.instances.setmetadata', 'compute.projects.setcommoninstancemetadata', 'microsoft.compute/virtualmachines/runcommand/action', 'microsoft.compute/virtualmachines/extensions/write',
]);

/** A condition that delegates safely: new policies and roles must carry a permissions boundary, or only named policies may be attached. */
function boundedDelegation(condition: unknown): boolean {
  const text = JSON.stringify(condition ?? {}).toLowerCase();
  return text.includes('iam:permissionsboundary') || text.includes('iam:policyarn');
}

/** Reads one IAM policy document; returns whether it was one. */
export function readPolicyDocument(ctx: ReadContext, doc: Record<string, unknown>, source: string): boolean {
  const statements = field(doc, 'statement');
  if (!statements) return false;
  const before = ctx.opens.size;
  const granted: string[] = [];
  for (const st of asArray(statements.value)) {
    if (!isRecord(st)) continue;
    const effect = scalarText(field(st, 'effect')?.value)?.toLowerCase() ?? 'allow';
    if (effect === 'deny') {
      granted.push('Deny');
      continue;
    }
    const principal = field(st, 'principal')?.value;
    const notPrincipal = field(st, 'notprincipal')?.value;
    const conditioned = isRecord(field(st, 'condition')?.value) && Object.keys(field(st, 'condition')!.value as object).length > 0;
    const actions = strings(field(st, 'action')?.value).map((a) => a.toLowerCase());
    const notActions = field(st, 'notaction') !== undefined;
    const resources = strings(field(st, 'resource')?.value);
    const anyResource = resources.length === 0 || resources.includes('*');
    if ((principalIsPublic(principal) || notPrincipal !== undefined) && !conditioned) opens(ctx, 'public_principal', `${source}: Principal "*"`);
    if ((actions.includes('*') || actions.includes('*:*') || notActions) && anyResource) opens(ctx, 'wildcard_admin', `${source}: Action "*" on Resource "*"`);
    if ((actions.includes('iam:passrole') || actions.includes('iam:*')) && anyResource) opens(ctx, 'passrole_wildcard', `${source}: iam:PassRole on Resource "*"`);
    // Run commands or open a shell on every instance: whoever holds it is root on each host the account runs.
    const remote = actions.filter((a) => REMOTE_EXECUTION.has(a));
    const everyInstance = anyResource || resources.some((r) => /:instance\/\*$|:managed-instance\/\*$|virtualmachines\/\*$/i.test(r));
    if (remote.length > 0 && everyInstance && !conditioned) opens(ctx, 'remote_execution_everywhere', `${source}: ${remote.slice(0, 3).join(', ')} on ${resources.join(', ') || 'every resource'}`);
    const escalating = escalatingActions(actions, resources);
    if (escalating.length > 0 && !boundedDelegation(field(st, 'condition')?.value)) {
      for (const a of escalating.slice(0, 6)) ctx.b.add('change.privilege_escalation_permissions', a, `${source}: ${a} on ${resources.join(', ') || 'every resource'}`);
      ctx.opens.add('privilege_escalation_permissions');
    }
    granted.push(`${actions.slice(0, 3).join(', ') || (notActions ? 'NotAction' : 'no action')} on ${anyResource ? 'every resource' : resources.slice(0, 2).join(', ')}`);
  }
  // Every statement read, none public, administrative or escalating: what the document grants is bounded.
  if (ctx.opens.size === before && granted.length > 0) checks(ctx, 'policy_scoped', `${source}: ${granted.slice(0, 3).join('; ')}`);
  return true;
}

/** The role a grant names and whether it is administrative at the scope it is given. */
export function readRoleGrant(ctx: ReadContext, role: string, scope: string | undefined, source: string): void {
  const kind = adminRoleKind(ctx, role);
  if (kind === 'admin' || (kind === 'scoped' && broadScope(scope))) opens(ctx, 'admin_role', `${source}: ${role}${scope ? ` at ${scope}` : ''}`, role);
  // Only a role read by its name is known not to be administrative: an id ("62e90394-…") could be any role.
  else if (/[g-z]/i.test(lastSegment(role)) && !/[0-9a-f]{8}-[0-9a-f]{4}/i.test(role)) checks(ctx, 'grant_scoped', `${source}: ${role}${scope ? ` at ${scope}` : ''}, not an administrative role${kind === 'scoped' ? ' at this scope' : ''}`);
}

/**
 * GCP bindings ({role, members} / {role, member}), Azure role assignments ({roleDefinitionName,
 * principalId, scope}) and Kubernetes bindings (roleRef + subjects). Returns whether it was one.
 */
export function readBinding(ctx: ReadContext, obj: Record<string, unknown>, source: string): boolean {
  const kind = normKey(scalarText(field(obj, 'kind')?.value) ?? '');
  if ((kind === 'clusterrole' || kind === 'role') && field(obj, 'rules') !== undefined) return readRbacRole(ctx, obj, source);
  const roleRef = field(obj, 'roleref')?.value;
  if (kind.endsWith('rolebinding') || isRecord(roleRef)) {
    const role = isRecord(roleRef) ? (scalarText(field(roleRef, 'name')?.value) ?? '') : '';
    const subjects = asArray(field(obj, 'subjects')?.value).filter(isRecord);
    const names = subjects.map((s) => `${scalarText(field(s, 'kind')?.value) ?? 'subject'} ${scalarText(field(s, 'name')?.value) ?? ''}`.trim());
    const before = ctx.opens.size;
    if (adminRoleKind(ctx, role) === 'admin' || ctx.wildcardRoles.has(compact(role))) opens(ctx, 'cluster_admin_subject', `${source}: ${role} bound to ${names.join(', ') || 'subjects'}`, names.join(', ') || 'unknown subjects');
    if (subjects.some((s) => isPublicMember(scalarText(field(s, 'name')?.value) ?? ''))) opens(ctx, 'public_principal', `${source}: bound to ${names.join(', ')}`);
    if (ctx.opens.size === before && role && names.length > 0) checks(ctx, 'grant_scoped', `${source}: ${role} bound to ${names.slice(0, 3).join(', ')}`);
    return true;
  }
  const role = scalarText(field(obj, 'role', 'roledefinitionname', 'roledefinition', 'rolename', 'roledefinitionid', 'roletemplateid')?.value);
  const members = [...strings(field(obj, 'members')?.value), ...strings(field(obj, 'member')?.value), ...strings(field(obj, 'entity')?.value)];
  const principal = scalarText(field(obj, 'principalid', 'principal', 'assignee', 'principalname')?.value);
  if (role === undefined || (members.length === 0 && principal === undefined && field(obj, 'scope') === undefined)) return false;
  const scope = scalarText(field(obj, 'scope')?.value);
  readRoleGrant(ctx, role, scope, source);
  const exposed = members.filter(isPublicMember);
  if (exposed.length > 0) opens(ctx, 'public_principal', `${source}: ${exposed.join(', ')} granted ${role}`);
  return true;
}

/**
 * An Azure custom role definition ({Actions, NotActions, AssignableScopes}, or ARM's
 * {permissions: [{actions}], assignableScopes}): Actions "*" assignable at a subscription, management
 * group or the root is an Owner outside Azure's own roles (CIS Azure 1.23, no custom subscription
 * administrator roles). Returns whether it was one.
 */
export function readRoleDefinition(ctx: ReadContext, obj: Record<string, unknown>, source: string): boolean {
  const scopesField = field(obj, 'assignablescopes');
  if (scopesField === undefined && field(obj, 'iscustom') === undefined) return false;
  const permissions = asArray(field(obj, 'permissions')?.value).filter(isRecord);
  const actions = [...strings(field(obj, 'actions')?.value), ...permissions.flatMap((p) => strings(field(p, 'actions')?.value))].map((a) => a.trim().toLowerCase());
  if (actions.length === 0 && permissions.length === 0) return false;
  const scopes = strings(scopesField?.value);
  const broad = scopes.length === 0 || scopes.some((s) => broadScope(s));
  const name = scalarText(field(obj, 'name', 'rolename', 'displayname')?.value) ?? 'custom role';
  if (broad && actions.includes('*')) opens(ctx, 'wildcard_admin', `${source}: ${name} allows Actions "*" at ${scopes.join(', ') || 'an unknown scope'}`);
  else if (broad && (actions.includes('microsoft.authorization/*') || actions.includes('microsoft.authorization/roleassignments/write'))) opens(ctx, 'admin_role', `${source}: ${name} can assign roles at ${scopes.join(', ') || 'an unknown scope'}`, `${name} (role assignments)`);
  else checks(ctx, 'role_scoped', `${source}: ${name} allows ${actions.slice(0, 3).join(', ')} at ${scopes.slice(0, 2).join(', ') || 'an unknown scope'}`);
  return true;
}

/**
 * A Kubernetes Role or ClusterRole: a rule with verb "*" on resource "*" (in any API group) is every
 * action on everything, cluster-admin by another name (CIS Kubernetes Benchmark 5.1.3). The role's name
 * is remembered so that a binding to it in the same request counts as a cluster-admin binding.
 */
function readRbacRole(ctx: ReadContext, obj: Record<string, unknown>, source: string): boolean {
  const kind = normKey(scalarText(field(obj, 'kind')?.value) ?? '');
  const metadata = field(obj, 'metadata')?.value;
  const name = isRecord(metadata) ? scalarText(field(metadata, 'name')?.value) : undefined;
  const before = ctx.opens.size;
  const allowed: string[] = [];
  for (const rule of asArray(field(obj, 'rules')?.value).filter(isRecord)) {
    const verbs = strings(field(rule, 'verbs')?.value);
    const resources = strings(field(rule, 'resources')?.value);
    if (verbs.includes('*') && resources.includes('*')) {
      opens(ctx, 'wildcard_admin', `${source}: ${name ?? 'role'} allows verbs "*" on resources "*"`);
      if (name) ctx.wildcardRoles.add(compact(name));
      break;
    }
    // Reading Secrets across every namespace (CIS Kubernetes 5.1.2): get, list or watch on all of them, not named ones.
    const reads = verbs.some((v) => v === '*' || v === 'get' || v === 'list' || v === 'watch');
    const named = strings(field(rule, 'resourcenames')?.value).length > 0;
    if (kind === 'clusterrole' && reads && !named && resources.some((r) => r === '*' || r === 'secrets')) {
      opens(ctx, 'cluster_secret_read', `${source}: ${name ?? 'ClusterRole'} can ${verbs.join('/')} Secrets in every namespace`);
    }
    allowed.push(`${verbs.slice(0, 4).join('/')} ${resources.slice(0, 3).join(', ')}${named ? ' (named)' : ''}`);
  }
  if (ctx.opens.size === before && allowed.length > 0) checks(ctx, 'role_scoped', `${source}: ${kind === 'clusterrole' ? 'ClusterRole' : 'Role'} ${name ?? ''} allows ${allowed.slice(0, 3).join('; ')}`);
  return true;
}

/** Capabilities the Pod Security Standards (baseline) do not allow adding: each reaches the host kernel or network. */
const HOST_CAPABILITIES = new Set(['sysadmin', 'netadmin', 'sysptrace', 'sysmodule', 'dacreadsearch', 'all', 'bpf', 'sysrawio', 'sysboot']);

/** A Kubernetes workload or pod spec that reaches the host. */
export function readWorkloadFlag(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const k = normKey(key);
  if ((k === 'privileged' || k === 'hostnetwork' || k === 'hostpid' || k === 'hostipc' || k === 'allowprivilegeescalation') && value === true) {
    opens(ctx, 'privileged_workload', `${source} = true`);
    return true;
  }
  if (k === 'capabilities' && isRecord(value)) {
    const added = strings(field(value, 'add')?.value).map((c) => normKey(c));
    const escalating = added.filter((c) => HOST_CAPABILITIES.has(c.startsWith('cap') ? c.slice(3) : c));
    if (escalating.length > 0) opens(ctx, 'privileged_workload', `${source}.add = ${escalating.join(', ')}`);
    // Every capability dropped and none added back (Pod Security Standards, Restricted: drop ALL).
    else if (added.length === 0 && strings(field(value, 'drop')?.value).some((c) => normKey(c) === 'all')) closes(ctx, 'privileged_workload');
    return true;
  }
  // The Restricted profile's own values (Kubernetes Pod Security Standards: runAsNonRoot true, allowPrivilegeEscalation
  // false; CIS Kubernetes Benchmark 5.2.x; Checkov CKV_K8S_22 read-only root filesystem): the workload is hardened.
  if (((k === 'runasnonroot' || k === 'readonlyrootfilesystem') && value === true) || (k === 'allowprivilegeescalation' && value === false)) {
    closes(ctx, 'privileged_workload');
    return true;
  }
  if (k === 'hostpath') {
    const path = isRecord(value) ? scalarText(field(value, 'path')?.value) : scalarText(value);
    opens(ctx, 'privileged_workload', `${source}: hostPath ${path ?? ''}`.trim());
    return true;
  }
  if ((k === 'privileged' || k === 'hostnetwork' || k === 'hostpid') && value === false) {
    closes(ctx, 'privileged_workload');
    return true;
  }
  return false;
}
