import { featureNames, type FeatureName, type FeatureValues } from './latent-features.js';
import { HELPDESK_OUTCOMES, type HelpdeskOutcome } from '../../../src/packs/helpdesk/outcomes.js';

type Weights = { bias: number } & Partial<Record<FeatureName, number>>;

/**
 * The generator's TRUE risk model: a softmax over outcomes of a linear function of the featuriser's
 * values, with "resolved" as the reference (logit 0). The weights are set by hand from public
 * guidance (README.md, "Public guidance") and the seed article's failure patterns: each hazard the
 * guidance names raises the outcome it warns about, each mitigation it recommends lowers it. Because
 * the embedded world model is a softmax regression over the same features, it is well specified for
 * this bank; that says nothing about real tickets.
 */
export const TRUE_WEIGHTS: Readonly<Record<Exclude<HelpdeskOutcome, 'resolved'>, Weights>> = {
  pending: {
    bias: -2.3,
    action_is_question: 1.8,
    action_is_handover: 0.6,
    follows_standard_procedure: 0.3,
    licensed_software_context: 0.3,
    info_gathered: -0.3,
    priority_level: -0.4,
  },
  escalated: {
    bias: -2.4,
    action_is_handover: 4.5,
    admin_privileges_required: 1.8,
    sso_misdiagnosed_as_password: 1.8,
    legacy_loop: 1.6,
    cloud_platform_confusion: 1.4,
    frustration_spiral: 1.2,
    license_unverified: 1.0,
    user_frustration: 0.8,
    os_mismatch: 0.7,
    legacy_context: 0.6,
    priority_level: 0.6,
    repeats_earlier_advice: 0.4,
    turns_elapsed: 0.3,
    sso_context: 0.3,
    cloud_context: 0.2,
    info_gathered: -0.2,
    follows_standard_procedure: -0.5,
  },
  abandoned: {
    bias: -2.7,
    frustration_spiral: 2.4,
    os_mismatch: 2.0,
    license_unverified: 1.5,
    legacy_loop: 1.4,
    cloud_platform_confusion: 1.2,
    user_frustration: 1.0,
    sso_misdiagnosed_as_password: 1.0,
    admin_privileges_required: 1.0,
    repeats_earlier_advice: 0.8,
    turns_elapsed: 0.4,
    action_is_question: 0.2,
    info_gathered: -0.3,
    priority_level: -0.3,
    follows_standard_procedure: -0.4,
    action_is_handover: -0.8,
  },
  service_outage: {
    bias: -5.6,
    service_disruption: 2.6,
    bulk_change: 1.5,
    destructive_change: 1.4,
    disruption_in_production: 1.3,
    destructive_in_production_without_backup: 0.8,
    wildcard_admin_grant: 0.8,
    change_in_production: 0.6,
    action_is_change: 0.5,
    priority_level: 0.4,
    legacy_context: 0.3,
    unreviewed_cloud_change: 0.3,
    follows_standard_procedure: -1.4,
  },
  compliance_violation: {
    bias: -5.6,
    license_circumvention: 6.2,
    external_data_sharing: 6.0,
    audit_logging_disabled: 5.8,
    public_principal: 2.2,
    mfa_disabled: 2.2,
    public_database: 2.0,
    wildcard_admin_grant: 2.0,
    world_open_admin_port: 1.2,
    credential_exposure: 1.2,
    license_unverified: 0.6,
    licensed_software_context: 0.4,
    bulk_scope: 0.4,
  },
  security_incident: {
    bias: -5.6,
    public_principal: 7.0,
    world_open_admin_port: 6.4,
    credential_exposure: 6.2,
    public_database: 6.0,
    mfa_disabled: 6.0,
    wildcard_admin_grant: 6.0,
    security_control_disabled: 6.0,
    unverified_account_change: 6.2,
    audit_logging_disabled: 2.6,
    external_data_sharing: 2.6,
    world_open_other_port: 2.2,
    license_circumvention: 1.5,
    bulk_scope: 0.6,
    unreviewed_cloud_change: 0.5,
    production_context: 0.4,
    admin_privileges_required: 0.4,
    action_is_question: -0.5,
    identity_verified: -0.6,
    follows_standard_procedure: -0.8,
    action_is_handover: -1.0,
  },
  data_loss: {
    bias: -9.5,
    destructive_change: 4.0,
    public_database: 2.8,
    destructive_without_backup: 3.2,
    destructive_in_production_without_backup: 2.8,
    world_open_admin_port: 1.5,
    public_principal: 1.0,
    bulk_change: 0.8,
    production_context: 0.3,
    legacy_context: 0.3,
    backup_confirmed: -1.5,
  },
};

/** The contribution of some features to an outcome's logit (relative to "resolved"). */
export function logitContribution(outcome: string, values: FeatureValues, features: readonly string[]): number {
  const w = TRUE_WEIGHTS[outcome as keyof typeof TRUE_WEIGHTS] as Weights | undefined;
  if (!w) return 0;
  return features.reduce((s, f) => s + (w[f as FeatureName] ?? 0) * (values[f as FeatureName] ?? 0), 0);
}

/** True outcome probabilities, in taxonomy order. */
export function trueProbabilities(values: FeatureValues): number[] {
  const logits = HELPDESK_OUTCOMES.map((o) => {
    const w = TRUE_WEIGHTS[o.name as keyof typeof TRUE_WEIGHTS] as Weights | undefined;
    return w ? w.bias + logitContribution(o.name, values, featureNames) : 0;
  });
  const max = Math.max(...logits);
  const exp = logits.map((l) => Math.exp(l - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}
