import { factAt, type Reading } from '../reading/reading.js';
import type { Features } from '../types.js';
import { CHANGE_KINDS } from './classify-action.js';
import { activeFactors } from './factors.js';

/**
 * The helpdesk feature vector, computed from the reading only. Mostly 0/1 indicators; a few graded
 * values (priority, turns, frustration); the last block is explicit interactions, because the risk
 * of a change depends on where it lands. An unknown fact gives the neutral value (priority: medium;
 * identity: not verified, which is what an unverified requester looks like); `missing_information`
 * carries the rest of the risk of not knowing.
 */
export const featureNames = [
  'priority_level', 'turns_elapsed', 'info_gathered', 'identity_verified', 'user_frustration', 'production_context', 'cloud_context', 'sso_context', 'legacy_context', 'licensed_software_context',
  'action_is_change', 'action_is_handover', 'action_is_question', 'follows_standard_procedure', 'bulk_scope', 'repeats_earlier_advice',
  'public_principal', 'wildcard_admin_grant', 'world_open_admin_port', 'world_open_other_port', 'public_database', 'mfa_disabled', 'audit_logging_disabled', 'security_control_disabled', 'credential_exposure', 'destructive_change', 'backup_confirmed', 'license_circumvention', 'external_data_sharing', 'service_disruption', 'admin_privileges_required', 'unverified_account_change',
  'os_mismatch', 'license_unverified', 'cloud_platform_confusion', 'legacy_loop', 'sso_misdiagnosed_as_password', 'frustration_spiral',
  'change_in_production', 'destructive_without_backup', 'destructive_in_production_without_backup', 'bulk_change', 'unreviewed_cloud_change', 'disruption_in_production',
] as const;
export type FeatureName = (typeof featureNames)[number];
export type FeatureValues = Record<FeatureName, number>;

const PRIORITY: Readonly<Record<string, number>> = { low: 0, medium: 1 / 3, high: 2 / 3, critical: 1 };
const flag = (b: boolean): number => (b ? 1 : 0);
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Typed reads of the reading's facts. */
export class FactView {
  constructor(readonly reading: Reading) {}
  is(name: string): boolean {
    return factAt(this.reading.facts, name) === true;
  }
  isFalse(name: string): boolean {
    return factAt(this.reading.facts, name) === false;
  }
  num(name: string): number | undefined {
    const v = factAt(this.reading.facts, name);
    return typeof v === 'number' ? v : undefined;
  }
  str(name: string): string | undefined {
    const v = factAt(this.reading.facts, name);
    return typeof v === 'string' ? v : undefined;
  }
  list(name: string): string[] {
    const v = factAt(this.reading.facts, name);
    return Array.isArray(v) ? v : [];
  }
  present(name: string): boolean {
    return factAt(this.reading.facts, name) !== undefined;
  }
}

export function featureValues(reading: Reading): FeatureValues {
  const f = new FactView(reading);
  const a = reading.action;
  const category = f.str('ticket.category') ?? '';
  const turns = f.num('ticket.turns') ?? 0;
  const handover = a.effect === 'stands_down' || a.kind === 'escalate_to_human';
  const question = a.kind === 'clarifying_question' || f.is('reply.question');
  const change = flag(CHANGE_KINDS.has(a.kind));
  const production = flag(f.is('context.production'));
  const cloud = flag(category === 'cloud_platform' || f.is('context.cloud') || f.list('change.clouds').length > 0);
  const sso = flag(category === 'sso_identity' || f.is('context.sso'));
  const legacy = flag(category === 'legacy_systems' || f.is('context.legacy'));
  const licensed = flag(category === 'license_management' || f.is('context.licensed'));
  const standard = flag(f.is('change.standard_procedure'));
  const bulk = flag(f.is('change.bulk_scope'));
  const repeatsAdvice = flag(f.is('change.repeats_earlier_advice'));
  const worldAdmin = flag(f.list('change.world_open_admin_ports').length > 0 || f.is('change.world_open_all_ports'));
  const worldOther = flag(!worldAdmin && f.is('change.world_open'));
  const destructive = flag(f.is('change.destructive') || f.is('change.backups_deleted'));
  const backup = flag(f.is('change.backup_confirmed'));
  const disruption = flag(f.is('change.service_disruption'));
  const verified = f.is('identity.verified');
  const credentialChange = f.is('change.credential_reset');
  const os = f.str('user.os');
  const instructed = f.list('change.instructed_os');
  const ticketClouds = f.list('context.clouds');
  const actionClouds = f.list('change.clouds');
  const frustration = f.num('user.frustration') ?? 0;
  const adminNeeded = f.is('change.admin_privileges') ? (f.is('user.admin_rights') ? 0.3 : 1) : 0;
  return {
    priority_level: PRIORITY[f.str('ticket.priority') ?? ''] ?? 1 / 3,
    turns_elapsed: Math.min(turns, 20) / 10,
    info_gathered: Math.min(f.num('ticket.info_count') ?? 0, 8) / 4,
    identity_verified: flag(verified),
    user_frustration: frustration,
    production_context: production,
    cloud_context: cloud,
    sso_context: sso,
    legacy_context: legacy,
    licensed_software_context: licensed,
    action_is_change: change,
    action_is_handover: flag(handover),
    action_is_question: flag(question),
    follows_standard_procedure: standard,
    bulk_scope: bulk,
    repeats_earlier_advice: repeatsAdvice,
    public_principal: flag(f.is('change.public_principal') || f.is('change.public_acl') || f.is('change.block_public_access_off') || f.is('change.unauthenticated_access')),
    wildcard_admin_grant: flag(f.is('change.wildcard_admin') || f.present('change.admin_role') || f.present('change.cluster_admin_subject') || f.is('change.passrole_wildcard') || f.list('change.privilege_escalation_permissions').length > 0 || f.is('change.privileged_workload')),
    world_open_admin_port: worldAdmin,
    world_open_other_port: worldOther,
    public_database: flag(f.is('change.public_database')),
    mfa_disabled: flag(f.is('change.mfa_off')),
    audit_logging_disabled: flag(f.is('change.audit_logging_off') || f.is('change.monitoring_off')),
    security_control_disabled: flag(f.list('change.safeguard_setting_off').length > 0 || f.list('change.insecure_feature_on').length > 0 || f.is('change.protected_object_ace') || f.is('change.endpoint_control_off') || f.is('change.encryption_off') || f.is('change.key_deletion') || f.is('change.deletion_protection_off')),
    credential_exposure: flag(f.is('change.credential_exposure')),
    destructive_change: destructive,
    backup_confirmed: backup,
    license_circumvention: flag(f.is('change.license_circumvention')),
    external_data_sharing: flag(f.is('change.external_sharing') || f.is('change.external_forwarding')),
    service_disruption: disruption,
    admin_privileges_required: adminNeeded,
    unverified_account_change: flag(credentialChange && !verified && !question && !handover),
    os_mismatch: flag(os !== undefined && instructed.length > 0 && !instructed.includes(os)),
    license_unverified: flag(licensed === 1 && !f.is('license.status_known') && !f.is('change.license_addressed') && !question && !handover),
    cloud_platform_confusion: flag(ticketClouds.length > 0 && actionClouds.some((c) => !ticketClouds.includes(c))),
    legacy_loop: legacy ? clamp01((turns - 1) / 6 + (repeatsAdvice ? 0.5 : 0)) : 0,
    sso_misdiagnosed_as_password: flag(sso === 1 && f.is('context.sso') && f.is('change.password_fix') && !f.is('context.password_problem') && !f.is('change.mentions_sso')),
    frustration_spiral: handover ? 0 : frustration * clamp01(turns / 6),
    change_in_production: change * production,
    destructive_without_backup: destructive * (1 - backup),
    destructive_in_production_without_backup: destructive * production * (1 - backup),
    bulk_change: Math.max(change, disruption) * bulk,
    unreviewed_cloud_change: cloud * change * (1 - standard),
    disruption_in_production: disruption * production,
  };
}

export function featurize(reading: Reading): Features {
  const v = featureValues(reading);
  return { values: featureNames.map((n) => v[n]), factors: activeFactors(reading, v), text: reading.text };
}
