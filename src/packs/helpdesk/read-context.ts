import type { Catalogue } from '../reading/catalogue.js';
import type { ReadingBuilder } from '../reading/reading.js';
import { isRecord } from './values.js';

/**
 * What the helpdesk readers share while they read one request: the builder that records facts with
 * their provenance, the catalogue, and which hazards the action opens or closes. Facts about the
 * change live under `change.*`; a reader that sees a hazard being taken away (remove the public
 * grant, turn MFA enforcement on) records it in `closes`, which is the fix, not the risk.
 */
export interface ReadContext {
  b: ReadingBuilder;
  catalogue: Catalogue;
  opens: Set<string>;
  closes: Set<string>;
  /**
   * What a reader inspected and found bounded, by shape (`network_rule_scoped` → "10.0.0.0/24 on 443"): neither a
   * danger nor a safeguard, but the change's effect was read. A high-impact change with no opens, closes or checked
   * reading is one the pack cannot account for (`ActionReading.unaccounted`).
   */
  checked: Map<string, string>;
  /** Sources of a change in `action.parameters` (a tool call, command or configuration object). */
  parameterChanges: string[];
  /** Remote-administration and database ports, from the catalogue's `admin_port.<n>` concepts. */
  adminPorts: ReadonlySet<number>;
  /** Ports by service name, from the catalogue's `admin_port.<n>` and `port.<n>` concepts. */
  servicePorts: ReadonlyMap<string, number>;
  /** Mail domains of the organisation, from the mailboxes and users the ticket names. */
  orgDomains: Set<string>;
  /** Account names the ticket records for the requester or owner (`requester: l.chen (owner tag)`), lower case. */
  requesterIds?: Set<string>;
  /** The declared kind is a change (config, account, permission, script). */
  changeKind: boolean;
  /** Above zero while the readers are inside what the change takes away ({revoke: [rule]}, {remove: …}). */
  removing: number;
  /** Roles the request itself defines with every verb on every resource: binding one grants what cluster-admin does. */
  wildcardRoles: Set<string>;
  /** The tool call runs as the account's root user (`session: root`, `--profile root`). */
  rootSession: boolean;
  /** Paths of Conditional Access policies whose grant controls ask for no MFA (a block policy): nothing in them switches MFA off. */
  nonMfaPolicies: string[];
  /** Accounts the ticket names together with an administrator role ("ops01@x.example (Global Administrator)"), lower case. */
  privilegedAccounts: Set<string>;
  /** SaaS and service settings read across a request (`read-saas.ts`): hosts a new CNAME points at, a listener bound to every interface, authentication set by the change. */
  saas: { cnameTargets: string[]; boundAll?: string; authOn: boolean };
  /** Above zero while the readers are inside what a reply tells the user: it does what the user is told to do, not what only the agent can. */
  advising?: number;
}

/** What only the agent's own change can do: a reply that mentions a reset or a delete does not carry it out. */
const AGENT_ONLY = new Set(['credential_reset', 'destructive', 'service_disruption']);

/** Exposures and grants: inside what a change takes away, reading one means it is closed. */
const EXPOSURES = new Set(['world_open', 'world_open_all_ports', 'public_principal', 'public_acl', 'public_database', 'public_network_access', 'wildcard_admin', 'admin_role', 'passrole_wildcard', 'cluster_admin_subject', 'privileged_workload', 'unauthenticated_access', 'external_forwarding', 'external_sharing', 'cluster_secret_read', 'write_deploy_key', 'tenant_wide_consent', 'untrusted_code_with_secrets', 'cors_any_origin_credentials', 'ssh_root_login', 'sudo_root_shell', 'sql_os_shell', 'directory_replication', 'zone_transfer_any', 'open_relay', 'mail_alert_hidden', 'reversible_passwords', 'user_consent_open', 'legacy_auth_on', 'idp_trust_added', 'ci_token_widened', 'dangling_dns', 'delegation_changed', 'removable_storage_open', 'open_to_everyone', 'remote_execution_everywhere']);
/** Safeguards: inside what a change takes away, one read as switched on is switched off ("remove the Block Public Access setting"). */
const SAFEGUARDS: Readonly<Record<string, true>> = { mfa_off: true, audit_logging_off: true, monitoring_off: true, block_public_access_off: true, encryption_off: true, deletion_protection_off: true, endpoint_control_off: true, branch_protection_off: true, authorization_off: true, laps_off: true, tls_verification_off: true };

export function newContext(b: ReadingBuilder, catalogue: Catalogue): ReadContext {
  const adminPorts = new Set<number>();
  const servicePorts = new Map<string, number>();
  for (const concept of catalogue.concepts.keys()) {
    const dot = concept.indexOf('.');
    const family = concept.slice(0, dot);
    const port = Number(concept.slice(dot + 1));
    if ((family !== 'admin_port' && family !== 'port') || !Number.isInteger(port)) continue;
    if (family === 'admin_port') adminPorts.add(port);
    servicePorts.set(concept, port);
  }
  return { b, catalogue, opens: new Set(), closes: new Set(), checked: new Map(), parameterChanges: [], adminPorts, servicePorts, orgDomains: new Set(), changeKind: false, removing: 0, wildcardRoles: new Set(), rootSession: false, nonMfaPolicies: [], privilegedAccounts: new Set(), saas: { cnameTargets: [], authOn: false } };
}

/** Records that the action opens a hazard: `change.<fact>` with where it was read. */
export function opens(ctx: ReadContext, fact: string, source: string, value: boolean | string = true): void {
  if (ctx.removing > 0 && EXPOSURES.has(fact)) return closes(ctx, fact);
  if ((ctx.advising ?? 0) > 0 && AGENT_ONLY.has(fact)) return;
  ctx.b.set(`change.${fact}`, value, source);
  ctx.opens.add(fact);
}

/** A hazard whose fact is a list of what was found ("len(facts.change.insecure_feature_on) > 0"): one more item in it. */
export function opensListed(ctx: ReadContext, fact: string, item: string, source: string): void {
  ctx.b.add(`change.${fact}`, item, source);
  ctx.opens.add(fact);
}

export function closes(ctx: ReadContext, fact: string): void {
  if (ctx.removing > 0 && SAFEGUARDS[fact]) {
    ctx.b.set(`change.${fact}`, true, 'a safeguard setting the change removes');
    ctx.opens.add(fact);
    return;
  }
  ctx.closes.add(fact);
}

/**
 * Records that a reader inspected a shape of the change and found it bounded: `shape` names what was read
 * (`grant_scoped`), `detail` what bounds it ("Reader at /subscriptions/…/resourceGroups/rg-x"). What a reply tells the
 * user to do is not the change; the first detail read for a shape is kept.
 */
export function checks(ctx: ReadContext, shape: string, detail: string): void {
  if ((ctx.advising ?? 0) > 0) return;
  if (ctx.checked.has(shape)) return;
  ctx.checked.set(shape, detail.slice(0, 160));
  ctx.b.add('change.checked', shape, `${shape}: ${detail.slice(0, 160)}`);
}

/** Ingress from anywhere: the ports it opens (admin ones listed apart), or every port. */
export function opensToWorld(ctx: ReadContext, ports: readonly number[] | 'all', source: string): void {
  // A rule the change revokes opens nothing: it is the way in being closed.
  if (ctx.removing > 0) return closes(ctx, 'world_open');
  opens(ctx, 'world_open', source);
  if (ports === 'all') {
    opens(ctx, 'world_open_all_ports', source);
    return;
  }
  for (const p of ports) {
    ctx.b.add('change.world_open_ports', String(p), source);
    if (ctx.adminPorts.has(p)) ctx.b.add('change.world_open_admin_ports', String(p), source);
  }
}

/** The domain of a mail address ("smtp:ana@contoso.com" → "contoso.com"), lower case; undefined when it is none. */
export function mailDomain(address: string): string | undefined {
  if (address.length > 200) return undefined;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  const domain = address.slice(at + 1).toLowerCase();
  return domain.includes('.') ? domain : undefined;
}

/**
 * A consumer mailbox (the catalogue's `mail.consumer_domain`) or a domain the organisation does not
 * use. When the ticket names no address of the organisation, no domain can be shown to be internal:
 * a forward to it counts as external (unknown is not safe).
 */
export function isExternalAddress(ctx: ReadContext, address: string): boolean {
  const domain = mailDomain(address);
  if (!domain) return false;
  const consumer = (ctx.catalogue.concepts.get('mail.consumer_domain') ?? []).map((d) => d.toLowerCase());
  if (consumer.some((c) => domain === c || domain.endsWith(`.${c}`))) return true;
  // With no address of the organisation on the ticket, the requester's own account name at a business domain is the
  // requester: delivering to them hands nothing to an outsider.
  const local = address.slice(0, address.lastIndexOf('@')).replace(/^smtp:/i, '').toLowerCase();
  if (ctx.orgDomains.size === 0 && ctx.requesterIds?.has(local)) return false;
  return ![...ctx.orgDomains].some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** The ticket's `information_gathered` fields, or none. */
export function gatheredFields(ctx: ReadContext): Record<string, unknown> {
  const ig = ctx.b.request.state?.information_gathered;
  return isRecord(ig) ? ig : {};
}
