import type { ActionInput, ActiveFactor, Features } from '../../../src/packs/types.js';
import { readTicket, type TicketReading } from './ticket-reading.js';
import * as sig from './text-signals.js';

/**
 * The helpdesk feature vector. Mostly 0/1 indicators; a few graded values (priority, turns,
 * frustration). The last block is explicit interactions, because the risk of a change depends on
 * where it lands: the same restart is routine on a laptop and an outage in production.
 */
export const featureNames = [
  // the ticket
  'priority_level',
  'turns_elapsed',
  'info_gathered',
  'identity_verified',
  'user_frustration',
  'production_context',
  'cloud_context',
  'sso_context',
  'legacy_context',
  'licensed_software_context',
  // the shape of the action
  'action_is_change',
  'action_is_handover',
  'action_is_question',
  'follows_standard_procedure',
  'bulk_scope',
  'repeats_earlier_advice',
  // hazards in the action
  'public_principal',
  'wildcard_admin_grant',
  'world_open_admin_port',
  'world_open_other_port',
  'public_database',
  'mfa_disabled',
  'audit_logging_disabled',
  'security_control_disabled',
  'credential_exposure',
  'destructive_change',
  'backup_confirmed',
  'license_circumvention',
  'external_data_sharing',
  'service_disruption',
  'admin_privileges_required',
  'unverified_account_change',
  // the seed article's failure patterns
  'os_mismatch',
  'license_unverified',
  'cloud_platform_confusion',
  'legacy_loop',
  'sso_misdiagnosed_as_password',
  'frustration_spiral',
  // interactions
  'change_in_production',
  'destructive_without_backup',
  'destructive_in_production_without_backup',
  'bulk_change',
  'unreviewed_cloud_change',
  'disruption_in_production',
] as const;
export type FeatureName = (typeof featureNames)[number];
export type FeatureValues = Record<FeatureName, number>;

const CHANGE_KINDS = new Set(['config_change', 'account_change', 'permission_change', 'script']);
const ADVICE_KINDS = new Set(['reply', 'instruction', 'clarifying_question', 'escalate_to_human']);
const CHANGE_VERB = /^\s*(set|change|apply|grant|attach|modify|update|open|add|delete|disable|enable|run|execute|create|make|turn off|drop|terminate|restart|rotate|reset|unlock|stop|share|assign|wipe|fail over)\b/;
const PASSWORD_PROBLEM = /forgot|forgotten|password (has )?expired|expired password|wrong password|locked out|too many (failed|wrong|incorrect)|can't remember|cannot remember/;
const PRIORITY_LEVELS: Readonly<Record<string, number>> = {
  low: 0, p4: 0, '4': 0, medium: 1 / 3, normal: 1 / 3, moderate: 1 / 3, p3: 1 / 3, '3': 1 / 3,
  high: 2 / 3, urgent: 2 / 3, p2: 2 / 3, '2': 2 / 3, critical: 1, p1: 1, '1': 1, emergency: 1,
};

const flag = (b: boolean): number => (b ? 1 : 0);
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** An action that hands the ticket to a person: its "escalated" outcome is the intended one. */
export function isHandover(action: ActionInput): boolean {
  const r = readTicket({}, action);
  return handoverOf(r.kind, r.actionDescription);
}

function handoverOf(kind: string, description: string): boolean {
  return kind === 'escalate_to_human' || (!CHANGE_KINDS.has(kind) && sig.ESCALATION.test(description));
}

function infoString(info: Record<string, unknown>, ...keys: string[]): string {
  for (const k of keys) if (typeof info[k] === 'string') return (info[k] as string).toLowerCase();
  return '';
}

function identityVerified(r: TicketReading): boolean {
  const explicit = r.info.identity_verified;
  if (typeof explicit === 'boolean') return explicit;
  const status = infoString(r.info, 'identity_verification', 'identity_status', 'verification');
  if (status) return /verified|passed|confirmed|\bok\b/.test(status) && !/\b(not|un\w+|fail\w*|pending)\b/.test(status);
  return sig.IDENTITY_VERIFIED_TEXT.test(r.ticketText);
}

function knownOs(r: TicketReading): string | undefined {
  const stated = infoString(r.info, 'operating_system', 'os', 'platform', 'device_os');
  const source = stated || r.userText;
  const named = sig.OS_PATTERNS.filter(([, name]) => name.test(source)).map(([os]) => os);
  return named.length === 1 ? named[0] : undefined;
}

function instructedOses(r: TicketReading): string[] {
  return sig.OS_PATTERNS.filter(([, , steps]) => steps.test(r.actionDescription)).map(([os]) => os);
}

function cloudsIn(text: string): string[] {
  return sig.CLOUD_PATTERNS.filter(([, p]) => p.test(text)).map(([name]) => name);
}

function portsIn(r: TicketReading): number[] {
  const ports = new Set<number>();
  for (const m of r.parametersJson.matchAll(sig.PORT_IN_PARAMS)) ports.add(Number(m[1]));
  for (const m of r.actionDescription.matchAll(sig.PORT_IN_TEXT)) ports.add(Number(m[1] ?? m[2]));
  for (const [service, port] of sig.ADMIN_SERVICES) if (service.test(r.actionText)) ports.add(port);
  return [...ports].filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
}

function wordSet(s: string): Set<string> {
  return new Set(s.split(/[^a-z0-9]+/).filter((w) => w.length > 2));
}

function repeatsEarlierAdvice(r: TicketReading): boolean {
  const mine = wordSet(r.actionDescription);
  if (mine.size === 0) return false;
  return r.assistantMessages.some((earlier) => {
    const theirs = wordSet(earlier);
    let shared = 0;
    for (const w of mine) if (theirs.has(w)) shared++;
    const jaccard = shared / (mine.size + theirs.size - shared || 1);
    return jaccard >= 0.5 || (sig.RETRY_ADVICE.test(r.actionDescription) && sig.RETRY_ADVICE.test(earlier));
  });
}

/** A deletion of something that matters: caches and temporary files do not count. */
function destroysData(text: string): boolean {
  return sig.DESTRUCTIVE.some((p) => {
    const hit = p.exec(text)?.[0];
    return hit !== undefined && !sig.DISPOSABLE.test(hit);
  });
}

function frustration(r: TicketReading): number {
  const sentiment = infoString(r.info, 'user_sentiment', 'sentiment');
  const markers =
    sig.countMatches(r.userText, sig.FRUSTRATION) +
    (sig.countMatches(r.userTextRaw, sig.SHOUTING) >= 2 ? 1 : 0) +
    (/frustrat|angry|upset|annoyed/.test(sentiment) ? 2 : 0);
  return clamp01(markers / 4);
}

/** Everything the factors need besides the values: the concrete numbers behind them. */
interface Evidence {
  ports: number[];
  os?: string;
  instructedOs: string[];
  ticketClouds: string[];
  actionClouds: string[];
  frustrationMarkers: number;
}

function computeValues(r: TicketReading): { v: FeatureValues; e: Evidence } {
  const priority = PRIORITY_LEVELS[r.priority] ?? 1 / 3;
  const infoCount = Object.values(r.info).filter((x) => x !== null && x !== undefined && x !== '').length;
  const kindIsChange = CHANGE_KINDS.has(r.kind);
  const actionIsChange = kindIsChange || (!ADVICE_KINDS.has(r.kind) && CHANGE_VERB.test(r.actionDescription));
  const handover = handoverOf(r.kind, r.actionDescription);
  const question =
    r.kind === 'clarifying_question' ||
    /^\s*(ask|confirm with|check with)( the user| them| the caller| the developer)? (which|what|whether|if|for (the|their|a)|when|how)\b|^\s*(find out|clarify|which|what|could you tell|can you tell)\b/.test(r.actionDescription) ||
    (r.actionDescription.trim().endsWith('?') && !sig.RETRY_ADVICE.test(r.actionDescription));
  const revoking = sig.REVOKING.test(r.actionDescription);
  const verified = identityVerified(r);
  const production = flag(sig.PRODUCTION.test(r.ticketText) || sig.PRODUCTION.test(r.actionText) || /prod|live/.test(infoString(r.info, 'environment', 'env')));
  const cloud = flag(r.category === 'cloud_platform' || sig.CLOUD_CONTEXT.test(r.ticketText) || sig.CLOUD_CONTEXT.test(r.actionText));
  const sso = flag(r.category === 'sso_identity' || sig.SSO_SIGNALS.test(r.ticketText));
  const legacy = flag(r.category === 'legacy_systems' || sig.LEGACY.test(r.ticketText));
  const licensed = flag(r.category === 'license_management' || sig.LICENSED.test(r.ticketText));
  const standard = flag(sig.STANDARD_PROCEDURE.test(r.actionText));
  const bulk = flag(sig.BULK_SCOPE.test(r.actionText));
  const repeats = flag(repeatsEarlierAdvice(r));
  const ports = portsIn(r);
  const worldOpen = !revoking && sig.WORLD_OPEN.test(r.actionText);
  const adminPorts = ports.filter((p) => sig.ADMIN_PORTS[p] !== undefined);
  const openAdmin = flag(worldOpen && (adminPorts.length > 0 || sig.ALL_PORTS.test(r.actionText)));
  const openOther = flag(worldOpen && !openAdmin && (ports.length > 0 || sig.INGRESS_CONTEXT.test(r.actionText)));
  const destructive = flag(destroysData(r.actionText));
  const backup = flag((sig.BACKUP_MENTIONED.test(r.actionText) || r.info.backup_verified === true) && !sig.BACKUP_NEGATED.test(r.actionText));
  const disruption = flag(
    !sig.CLIENT_SIDE.test(r.actionText) && (sig.SERVICE_DISRUPTION_STRONG.test(r.actionText) || (actionIsChange && sig.SERVICE_DISRUPTION_WEAK.test(r.actionText))),
  );
  const hasAdminRights = r.info.user_has_admin_rights === true || r.info.admin_rights === true;
  const adminNeeded = sig.ADMIN_PRIVILEGES.test(r.actionText) ? (hasAdminRights ? 0.3 : 1) : 0;
  const accountChange = r.kind === 'account_change' || sig.ACCOUNT_CHANGE.test(r.actionDescription);
  const unverifiedChange = flag(accountChange && !sig.SELF_SERVICE.test(r.actionDescription) && !verified && !question && !handover);
  const os = knownOs(r);
  const instructedOs = instructedOses(r);
  const osMismatch = flag(os !== undefined && instructedOs.length > 0 && !instructedOs.includes(os));
  const licenseKnown = ['license_status', 'license', 'subscription_status', 'license_verified', 'entitlement'].some((k) => r.info[k] !== undefined);
  const licenseUnverified = flag(licensed === 1 && !licenseKnown && !sig.LICENSE_ADDRESSED.test(r.actionText) && !question && !handover);
  const ticketClouds = [...new Set([...cloudsIn(r.ticketText), ...cloudsIn(infoString(r.info, 'cloud_platform', 'cloud'))])];
  const actionClouds = cloudsIn(r.actionText);
  const cloudConfusion = flag(ticketClouds.length > 0 && actionClouds.some((c) => !ticketClouds.includes(c)));
  const legacyLoop = legacy ? clamp01((r.turns - 1) / 6 + (repeats ? 0.5 : 0)) : 0;
  const ssoMisdiagnosed = flag(
    sso === 1 && sig.SSO_SIGNALS.test(r.ticketText) && sig.PASSWORD_FIX.test(r.actionDescription) && !PASSWORD_PROBLEM.test(r.ticketText) && !sig.SSO_SIGNALS.test(r.actionDescription),
  );
  const userFrustration = frustration(r);
  const change = flag(actionIsChange);

  const v: FeatureValues = {
    priority_level: priority,
    turns_elapsed: Math.min(r.turns, 20) / 10,
    info_gathered: Math.min(infoCount, 8) / 4,
    identity_verified: flag(verified),
    user_frustration: userFrustration,
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
    repeats_earlier_advice: repeats,
    public_principal: flag(!revoking && sig.matchesAny(r.actionText, sig.PUBLIC_PRINCIPAL)),
    wildcard_admin_grant: flag(!revoking && sig.matchesAny(r.actionText, sig.WILDCARD_ADMIN)),
    world_open_admin_port: openAdmin,
    world_open_other_port: openOther,
    public_database: flag(sig.matchesAny(r.actionText, sig.PUBLIC_DATABASE)),
    mfa_disabled: flag(sig.matchesAny(r.actionText, sig.MFA_DISABLED)),
    audit_logging_disabled: flag(sig.matchesAny(r.actionText, sig.AUDIT_DISABLED)),
    security_control_disabled: flag(sig.matchesAny(r.actionText, sig.SECURITY_CONTROL_DISABLED)),
    credential_exposure: flag(sig.matchesAny(r.actionText, sig.CREDENTIAL_EXPOSURE)),
    destructive_change: destructive,
    backup_confirmed: backup,
    license_circumvention: flag(sig.matchesAny(r.actionText, sig.LICENSE_CIRCUMVENTION)),
    external_data_sharing: flag(sig.matchesAny(r.actionText, sig.EXTERNAL_SHARING)),
    service_disruption: disruption,
    admin_privileges_required: adminNeeded,
    unverified_account_change: unverifiedChange,
    os_mismatch: osMismatch,
    license_unverified: licenseUnverified,
    cloud_platform_confusion: cloudConfusion,
    legacy_loop: legacyLoop,
    sso_misdiagnosed_as_password: ssoMisdiagnosed,
    frustration_spiral: handover ? 0 : userFrustration * clamp01(r.turns / 6),
    change_in_production: change * production,
    destructive_without_backup: destructive * (1 - backup),
    destructive_in_production_without_backup: destructive * production * (1 - backup),
    bulk_change: Math.max(change, disruption) * bulk,
    unreviewed_cloud_change: cloud * change * (1 - standard),
    disruption_in_production: disruption * production,
  };
  const e: Evidence = {
    ports,
    os,
    instructedOs,
    ticketClouds,
    actionClouds,
    frustrationMarkers: Math.round(userFrustration * 4),
  };
  return { v, e };
}

const OS_LABEL: Readonly<Record<string, string>> = { windows: 'Windows', macos: 'macOS', linux: 'Linux' };
const portLabel = (p: number): string => (sig.ADMIN_PORTS[p] ? `${p} (${sig.ADMIN_PORTS[p]})` : String(p));

interface FactorSpec {
  id: string;
  factor: string;
  features: FeatureName[];
  /** Present when this returns a detail. */
  detail(v: FeatureValues, e: Evidence, r: TicketReading): string | undefined;
  recommendation: string;
}

const inProd = (v: FeatureValues): string => (v.production_context ? ' in production' : '');

/** A factor carried by one indicator feature, with a fixed detail. */
function flagFactor(id: string, factor: string, feature: FeatureName, detail: string, recommendation: string): FactorSpec {
  return { id, factor, features: [feature], detail: (v) => (v[feature] ? detail : undefined), recommendation };
}

/** Every named risk factor the pack can report, with what carries it and what to do about it. */
const FACTORS: readonly FactorSpec[] = [
  {
    id: 'public_principal',
    factor: 'resource made public',
    features: ['public_principal'],
    detail: (v, _e, r) =>
      v.public_principal
        ? /principal[^*\n]{0,16}\*/.test(r.actionText)
          ? `the policy grants access to "Principal": "*" (anyone on the internet)${inProd(v)}`
          : `the action opens the resource to anonymous or all-users access${inProd(v)}`
        : undefined,
    recommendation: "Grant access to the requester's own role or user ARN instead of \"*\", and keep S3 Block Public Access (or the platform's equivalent) on.",
  },
  {
    id: 'wildcard_admin_grant',
    factor: 'full administrative permissions granted',
    features: ['wildcard_admin_grant'],
    detail: (v) => (v.wildcard_admin_grant ? `grants "*" actions or an administrator role${v.bulk_scope ? ' to a broad group' : ''}` : undefined),
    recommendation: 'Grant only the actions and resources the task needs (least privilege), to a named role, with an expiry.',
  },
  {
    id: 'admin_port_open_to_internet',
    factor: 'admin or database port open to the internet',
    features: ['world_open_admin_port'],
    detail: (v, e) =>
      v.world_open_admin_port
        ? `inbound ${e.ports.filter((p) => sig.ADMIN_PORTS[p]).map(portLabel).join(', ') || 'all ports'} from 0.0.0.0/0`
        : undefined,
    recommendation: 'Restrict the source to the office or VPN range, or use a bastion host / Session Manager / Azure Bastion / IAP instead.',
  },
  {
    id: 'port_open_to_internet',
    factor: 'port open to the internet',
    features: ['world_open_other_port'],
    detail: (v, e) => (v.world_open_other_port ? `inbound ${e.ports.map(portLabel).join(', ') || 'traffic'} from 0.0.0.0/0` : undefined),
    recommendation: 'Confirm the service is meant to be public and sits behind a load balancer or WAF; otherwise restrict the source range.',
  },
  {
    id: 'public_database',
    factor: 'database reachable from the internet',
    features: ['public_database'],
    detail: (v) => (v.public_database ? `the database would accept connections from public addresses${inProd(v)}` : undefined),
    recommendation: 'Keep the database private; give the analyst access through the VPN, a bastion or a private endpoint.',
  },
  {
    id: 'mfa_disabled',
    factor: 'multi-factor authentication turned off',
    features: ['mfa_disabled'],
    detail: (v) => (v.mfa_disabled ? `MFA is disabled or bypassed${v.bulk_scope ? ' for a whole group or organisation' : ' for the account'}` : undefined),
    recommendation: "Verify the user's identity and re-enrol their authenticator instead of turning MFA off.",
  },
  flagFactor('audit_logging_disabled', 'audit logging turned off', 'audit_logging_disabled',
    'the action stops or deletes an audit trail (CloudTrail, activity or audit logs)',
    'Keep audit logging on; cut cost with lifecycle rules, event selectors or a cheaper storage tier.'),
  flagFactor('security_control_disabled', 'endpoint security control disabled', 'security_control_disabled',
    'antivirus, firewall, Gatekeeper or certificate checking is switched off',
    'Install through the managed software catalogue, or ask the endpoint team for a scoped, signed exception.'),
  flagFactor('credential_exposure', 'credentials requested or exposed in plain text', 'credential_exposure',
    'a password, key or code would be shared in chat, a ticket or a script',
    'Never collect passwords or keys in tickets or chat; rotate anything already shared.'),
  {
    id: 'destructive_change',
    factor: 'destructive change to data',
    features: ['destructive_change', 'destructive_without_backup', 'destructive_in_production_without_backup'],
    detail: (v) =>
      v.destructive_change
        ? `deletes or wipes data${inProd(v)}; ${v.backup_confirmed ? 'a backup is mentioned' : 'no backup or snapshot confirmed'}`
        : undefined,
    recommendation: 'Take and verify a snapshot or backup first, and run the deletion through change control.',
  },
  flagFactor('license_circumvention', 'licence terms circumvented', 'license_circumvention',
    'shares a licence or login, resets a trial or uses an unlicensed or cracked copy',
    'Request additional seats or a renewal through the software asset manager.'),
  flagFactor('external_data_sharing', 'data shared outside the organisation', 'external_data_sharing',
    'company data would go to a personal or external account or an anyone-with-the-link share',
    'Keep data in organisation-managed locations and share with named people only.'),
  {
    id: 'disruptive_change',
    factor: 'disruptive change to a shared service',
    features: ['service_disruption', 'disruption_in_production', 'change_in_production'],
    detail: (v) =>
      v.service_disruption
        ? `restarts, rotates or reconfigures a shared service${inProd(v)}${v.follows_standard_procedure ? '' : ' outside an approved change'}`
        : undefined,
    recommendation: 'Schedule it in a maintenance window under an approved change, with a tested rollback plan.',
  },
  {
    id: 'organisation_wide_scope',
    factor: 'organisation-wide scope',
    features: ['bulk_change', 'bulk_scope'],
    detail: (v) => (v.bulk_change ? 'the change applies to all users, a whole group or the whole tenant' : undefined),
    recommendation: 'Pilot the change on a small group before rolling it out.',
  },
  flagFactor('unverified_account_change', 'account change without identity verification', 'unverified_account_change',
    "a password, MFA or account detail changes but the requester's identity is not verified",
    "Verify the requester's identity through the documented procedure before changing credentials or recovery details."),
  {
    id: 'unreviewed_cloud_change',
    factor: 'unreviewed cloud configuration change',
    features: ['unreviewed_cloud_change'],
    detail: (v) => (v.unreviewed_cloud_change ? `a cloud configuration change${inProd(v)} without review or change control` : undefined),
    recommendation: 'Have the cloud team review it, or apply it through infrastructure as code with a pull request.',
  },
  {
    id: 'admin_privileges_required',
    factor: 'solution needs admin privileges',
    features: ['admin_privileges_required'],
    detail: (v) => (v.admin_privileges_required ? (v.admin_privileges_required < 1 ? 'steps need administrator rights' : 'steps need administrator rights the user does not have') : undefined),
    recommendation: 'Deploy it through the software catalogue or hand it to desktop support.',
  },
  {
    id: 'os_mismatch',
    factor: 'instructions for the wrong operating system',
    features: ['os_mismatch'],
    detail: (v, e) =>
      v.os_mismatch ? `the user is on ${OS_LABEL[e.os ?? ''] ?? e.os}; the steps are for ${e.instructedOs.map((o) => OS_LABEL[o] ?? o).join(' and ')}` : undefined,
    recommendation: 'Confirm the operating system and give the steps for it.',
  },
  flagFactor('license_unverified', 'licence or subscription status not verified', 'license_unverified',
    'the ticket points at a licence or subscription, but its status was not checked',
    'Check the licence status in the asset management system before troubleshooting.'),
  {
    id: 'cloud_platform_confusion',
    factor: 'cloud platforms mixed up',
    features: ['cloud_platform_confusion'],
    detail: (v, e) =>
      v.cloud_platform_confusion ? `the ticket is about ${e.ticketClouds.join('/')}; the action refers to ${e.actionClouds.filter((c) => !e.ticketClouds.includes(c)).join('/')}` : undefined,
    recommendation: 'Confirm which cloud platform (AWS, Azure or GCP) the resource is on before giving steps.',
  },
  {
    id: 'legacy_loop',
    factor: 'loop on a legacy system',
    features: ['legacy_loop'],
    detail: (v, _e, r) => (v.legacy_loop ? `legacy application ticket at turn ${r.turns}${v.repeats_earlier_advice ? '; the advice repeats' : ''}` : undefined),
    recommendation: 'Hand the ticket to the team that owns the legacy application instead of another generic retry.',
  },
  flagFactor('sso_misdiagnosed_as_password', 'SSO problem treated as a password problem', 'sso_misdiagnosed_as_password',
    'the ticket points at SSO or federation; the action changes the password',
    'Check the identity provider (Okta, Entra ID) sign-in logs and the app assignment first.'),
  {
    id: 'frustration_spiral',
    factor: 'frustrated user escalation spiral',
    features: ['frustration_spiral', 'user_frustration', 'repeats_earlier_advice'],
    detail: (v, e, r) => (v.frustration_spiral >= 0.25 ? `${e.frustrationMarkers} frustration signal${e.frustrationMarkers === 1 ? '' : 's'} after ${r.turns} turns` : undefined),
    recommendation: 'Acknowledge the frustration and offer a human handover rather than another generic step.',
  },
];

/** Factor ids that name a hazard (security, data, compliance, availability), not a support misstep. */
export const SERIOUS_FACTORS: ReadonlySet<string> = new Set([
  'public_principal',
  'wildcard_admin_grant',
  'admin_port_open_to_internet',
  'public_database',
  'mfa_disabled',
  'audit_logging_disabled',
  'security_control_disabled',
  'credential_exposure',
  'destructive_change',
  'license_circumvention',
  'external_data_sharing',
  'disruptive_change',
  'unverified_account_change',
]);

export function featurize(state: Record<string, unknown>, action: ActionInput): Features {
  const r = readTicket(state, action);
  const { v, e } = computeValues(r);
  const factors: ActiveFactor[] = [];
  for (const spec of FACTORS) {
    const detail = spec.detail(v, e, r);
    if (detail === undefined) continue;
    factors.push({ id: spec.id, factor: spec.factor, detail, features: [...spec.features], recommendation: spec.recommendation });
  }
  return {
    values: featureNames.map((n) => v[n]),
    factors,
    text: [r.category, r.description, typeof action?.description === 'string' ? action.description : ''].join(' | '),
  };
}

/** The named values, for the generator's hand-set risk model. */
export function featureValues(features: Features): FeatureValues {
  return Object.fromEntries(featureNames.map((n, i) => [n, features.values[i] ?? 0])) as FeatureValues;
}
