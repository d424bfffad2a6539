import type { Reading } from '../reading/reading.js';
import type { ActiveFactor } from '../types.js';
import { FactView, type FeatureName, type FeatureValues } from './features.js';

/** Named risk factors with the numbers behind them, from the reading (details quote its facts). */

interface FactorSpec {
  id: string;
  factor: string;
  features: FeatureName[];
  detail(v: FeatureValues, f: FactView): string | undefined;
  recommendation: string;
}

const inProd = (v: FeatureValues): string => (v.production_context ? ' in production' : '');
const from = (f: FactView, fact: string): string => f.reading.provenance[fact] ?? '';
const OS_LABEL: Readonly<Record<string, string>> = { windows: 'Windows', macos: 'macOS', linux: 'Linux' };

const FACTORS: readonly FactorSpec[] = [
  {
    id: 'public_principal', factor: 'resource made public', features: ['public_principal'],
    detail: (v, f) => (v.public_principal ? `${f.is('change.block_public_access_off') ? 'Block Public Access is turned off' : f.is('change.public_principal') ? 'a grant to anyone ("*", allUsers or anonymous)' : 'a public ACL or anonymous access level'}${inProd(v)} (${from(f, 'change.public_principal') || from(f, 'change.public_acl') || from(f, 'change.block_public_access_off') || from(f, 'change.unauthenticated_access')})` : undefined),
    recommendation: "Grant access to the requester's own role or identity, and keep Block Public Access (or the platform's equivalent) on.",
  },
  {
    id: 'wildcard_admin_grant', factor: 'full administrative permissions granted', features: ['wildcard_admin_grant'],
    detail: (v, f) => (v.wildcard_admin_grant ? `${f.str('change.admin_role') ?? (f.str('change.cluster_admin_subject') ? `cluster-admin for ${f.str('change.cluster_admin_subject')}` : f.is('change.privileged_workload') ? 'a privileged workload on the host' : f.list('change.privilege_escalation_permissions').length > 0 && !f.is('change.wildcard_admin') ? `permissions that raise their own rights (${f.list('change.privilege_escalation_permissions').join(', ')})` : '"Action": "*" on "Resource": "*"')}${v.bulk_scope ? ' to a broad group' : ''}` : undefined),
    recommendation: 'Grant only the actions and resources the task needs (least privilege), to a named identity, with an expiry.',
  },
  {
    id: 'admin_port_open_to_internet', factor: 'admin or database port open to the internet', features: ['world_open_admin_port'],
    detail: (v, f) => (v.world_open_admin_port ? `inbound ${f.is('change.world_open_all_ports') ? 'all ports' : `port ${f.list('change.world_open_admin_ports').join(', ')}`} from anywhere (${from(f, 'change.world_open')})` : undefined),
    recommendation: 'Restrict the source to the office or VPN range, or use a bastion, Session Manager, Azure Bastion or IAP.',
  },
  {
    id: 'port_open_to_internet', factor: 'port open to the internet', features: ['world_open_other_port'],
    detail: (v, f) => (v.world_open_other_port ? `inbound ${f.list('change.world_open_ports').join(', ') || 'traffic'} from anywhere` : undefined),
    recommendation: 'Confirm the service is meant to be public and sits behind a load balancer or WAF; otherwise restrict the source range.',
  },
  {
    id: 'public_database', factor: 'database reachable from the internet', features: ['public_database'],
    detail: (v, f) => (v.public_database ? `the database would accept connections from public addresses${inProd(v)} (${from(f, 'change.public_database')})` : undefined),
    recommendation: 'Keep the database private; give access through the VPN, a bastion or a private endpoint.',
  },
  {
    id: 'mfa_disabled', factor: 'multi-factor authentication turned off', features: ['mfa_disabled'],
    detail: (v, f) => (v.mfa_disabled ? `MFA is disabled, bypassed or its device removed${v.bulk_scope ? ' for a whole group' : ''} (${from(f, 'change.mfa_off')})` : undefined),
    recommendation: "Verify the user's identity and re-enrol their authenticator instead of turning MFA off.",
  },
  {
    id: 'audit_logging_disabled', factor: 'audit logging or threat detection turned off', features: ['audit_logging_disabled'],
    detail: (v, f) => (v.audit_logging_disabled ? `the action stops or deletes an audit trail or detector (${from(f, 'change.audit_logging_off') || from(f, 'change.monitoring_off')})` : undefined),
    recommendation: 'Keep audit logging on; cut cost with lifecycle rules, event selectors or a cheaper storage tier.',
  },
  {
    id: 'security_control_disabled', factor: 'security control disabled', features: ['security_control_disabled'],
    detail: (v, f) => (v.security_control_disabled ? `a protective control is switched off (${from(f, 'change.safeguard_setting_off') || from(f, 'change.insecure_feature_on') || from(f, 'change.protected_object_ace') || from(f, 'change.endpoint_control_off') || from(f, 'change.encryption_off') || from(f, 'change.key_deletion') || from(f, 'change.deletion_protection_off')})` : undefined),
    recommendation: 'Keep the control on; ask the owning team for a scoped, time-boxed exception if one is truly needed.',
  },
  {
    id: 'credential_exposure', factor: 'credentials requested or exposed in plain text', features: ['credential_exposure'],
    detail: (v, f) => (v.credential_exposure ? `a password, key or code would be shared (${from(f, 'change.credential_exposure')})` : undefined),
    recommendation: 'Never collect passwords or keys in tickets or chat; rotate anything already shared.',
  },
  {
    id: 'destructive_change', factor: 'destructive change to data', features: ['destructive_change', 'destructive_without_backup', 'destructive_in_production_without_backup'],
    detail: (v, f) => (v.destructive_change ? `deletes ${f.str('change.destroys') ?? (f.is('change.backups_deleted') ? 'backups' : 'data')}${inProd(v)}; ${v.backup_confirmed ? 'a backup is confirmed' : 'no backup or snapshot confirmed'}` : undefined),
    recommendation: 'Take and verify a snapshot or backup first, and run the deletion through change control.',
  },
  {
    id: 'license_circumvention', factor: 'licence terms circumvented', features: ['license_circumvention'],
    detail: (v, f) => (v.license_circumvention ? `shares a licence, resets a trial or uses an unlicensed copy (${from(f, 'change.license_circumvention')})` : undefined),
    recommendation: 'Request additional seats or a renewal through the software asset manager.',
  },
  {
    id: 'external_data_sharing', factor: 'data sent outside the organisation', features: ['external_data_sharing'],
    detail: (v, f) => (v.external_data_sharing ? `company data or mail would go to an external address (${from(f, 'change.external_forwarding') || from(f, 'change.external_sharing')})` : undefined),
    recommendation: 'Keep data in organisation-managed locations and share with named people only.',
  },
  {
    id: 'disruptive_change', factor: 'disruptive change to a shared service', features: ['service_disruption', 'disruption_in_production', 'change_in_production'],
    detail: (v) => (v.service_disruption ? `restarts or reconfigures a shared service${inProd(v)}${v.follows_standard_procedure ? '' : ' outside an approved change'}` : undefined),
    recommendation: 'Schedule it in a maintenance window under an approved change, with a tested rollback plan.',
  },
  {
    id: 'organisation_wide_scope', factor: 'organisation-wide scope', features: ['bulk_change', 'bulk_scope'],
    detail: (v) => (v.bulk_change ? 'the change applies to all users, a whole group or the whole tenant' : undefined),
    recommendation: 'Pilot the change on a small group before rolling it out.',
  },
  {
    id: 'unverified_account_change', factor: 'account change without identity verification', features: ['unverified_account_change'],
    detail: (v, f) => (v.unverified_account_change ? `credentials change but the requester's identity is ${f.isFalse('identity.verified') ? 'not verified' : 'unknown'}` : undefined),
    recommendation: "Verify the requester through the documented procedure (callback to the number on record) before changing credentials.",
  },
  {
    id: 'unreviewed_cloud_change', factor: 'unreviewed cloud configuration change', features: ['unreviewed_cloud_change'],
    detail: (v) => (v.unreviewed_cloud_change ? `a cloud configuration change${inProd(v)} without review or change control` : undefined),
    recommendation: 'Have the cloud team review it, or apply it through infrastructure as code with a pull request.',
  },
  {
    id: 'admin_privileges_required', factor: 'solution needs admin privileges', features: ['admin_privileges_required'],
    detail: (v) => (v.admin_privileges_required ? (v.admin_privileges_required < 1 ? 'steps need administrator rights' : 'steps need administrator rights the user does not have') : undefined),
    recommendation: 'Deploy it through the software catalogue or hand it to desktop support.',
  },
  {
    id: 'os_mismatch', factor: 'instructions for the wrong operating system', features: ['os_mismatch'],
    detail: (v, f) => (v.os_mismatch ? `the user is on ${OS_LABEL[f.str('user.os') ?? ''] ?? f.str('user.os')}; the steps are for ${f.list('change.instructed_os').map((o) => OS_LABEL[o] ?? o).join(' and ')}` : undefined),
    recommendation: 'Confirm the operating system and give the steps for it.',
  },
  {
    id: 'license_unverified', factor: 'licence or subscription status not verified', features: ['license_unverified'],
    detail: (v) => (v.license_unverified ? 'the ticket points at a licence or subscription, but its status was not checked' : undefined),
    recommendation: 'Check the licence status in the asset management system before troubleshooting.',
  },
  {
    id: 'cloud_platform_confusion', factor: 'cloud platforms mixed up', features: ['cloud_platform_confusion'],
    detail: (v, f) => (v.cloud_platform_confusion ? `the ticket is about ${f.list('context.clouds').join('/')}; the action refers to ${f.list('change.clouds').filter((c) => !f.list('context.clouds').includes(c)).join('/')}` : undefined),
    recommendation: 'Confirm which cloud platform the resource is on before giving steps.',
  },
  {
    id: 'legacy_loop', factor: 'loop on a legacy system', features: ['legacy_loop'],
    detail: (v, f) => (v.legacy_loop ? `legacy application ticket at turn ${f.num('ticket.turns') ?? 0}${v.repeats_earlier_advice ? '; the advice repeats' : ''}` : undefined),
    recommendation: 'Hand the ticket to the team that owns the legacy application instead of another generic retry.',
  },
  {
    id: 'sso_misdiagnosed_as_password', factor: 'SSO problem treated as a password problem', features: ['sso_misdiagnosed_as_password'],
    detail: (v) => (v.sso_misdiagnosed_as_password ? 'the ticket points at SSO or federation; the action changes the password' : undefined),
    recommendation: 'Check the identity provider sign-in logs and the app assignment first.',
  },
  {
    id: 'frustration_spiral', factor: 'frustrated user escalation spiral', features: ['frustration_spiral', 'user_frustration', 'repeats_earlier_advice'],
    detail: (v, f) => (v.frustration_spiral >= 0.25 ? `${Math.round(v.user_frustration * 4)} frustration signals after ${f.num('ticket.turns') ?? 0} turns` : undefined),
    recommendation: 'Acknowledge the frustration and offer a human handover rather than another generic step.',
  },
];

/** Factor ids that name a hazard (security, data, compliance, availability), not a support misstep. */
export const SERIOUS_FACTORS: ReadonlySet<string> = new Set([
  'public_principal', 'wildcard_admin_grant', 'admin_port_open_to_internet', 'public_database', 'mfa_disabled', 'audit_logging_disabled', 'security_control_disabled',
  'credential_exposure', 'destructive_change', 'license_circumvention', 'external_data_sharing', 'disruptive_change', 'unverified_account_change',
]);

export function activeFactors(reading: Reading, v: FeatureValues): ActiveFactor[] {
  const f = new FactView(reading);
  const out: ActiveFactor[] = [];
  for (const spec of FACTORS) {
    const detail = spec.detail(v, f);
    if (detail !== undefined) out.push({ id: spec.id, factor: spec.factor, detail, features: [...spec.features], recommendation: spec.recommendation });
  }
  return out;
}
