import { describe, expect, it } from 'vitest';
import { gates } from '../../src/evaluation/gates.js';
import { simulateAndDecide } from '../../src/evaluation/simulate-and-decide.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { helpdeskModule } from '../../src/packs/helpdesk/index.js';
import { loadDomains } from '../../src/packs/load-domains.js';
import { factAt } from '../../src/packs/reading/reading.js';
import type { ActionInput } from '../../src/packs/types.js';
import { EmbeddedWorldModel } from '../../src/world-model/embedded/embedded-world-model.js';

// Shapes of tool calls met in public misconfiguration catalogues and advisories that the reading must
// understand: safeguards named by a CLI flag or a REST path, Terraform plans that delete configuration,
// policy conditions, secrets deleted for good, Azure custom roles, BigQuery access entries, identity
// checked only by knowledge answers, SIM moves and remote-access tools. Each class is said here in
// phrasings of this file's own, with safe neighbours that must not fire.
const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('helpdesk')!;
type Json = Record<string, unknown>;
const ticket = (extra: Json = {}): Json => ({ ticket_id: 'SHP-1', category: 'cloud_platform', priority: 'P3', description: 'Change requested by the platform team', ...extra });
const read = (action: Json, state: Json = ticket()) => helpdeskModule.read(helpdeskModule.stateSchema.parse(state), helpdeskModule.actionSchema.parse(action) as ActionInput, domain.catalogue);
const codes = (action: Json, state?: Json) => gates(domain, read(action, state)).codes;
const rules = (action: Json, state?: Json) => codes(action, state).filter((c) => c.startsWith('hard_rule:'));
const cmd = (command: string): Json => ({ description: 'run command', kind: 'script', parameters: { command } });
const bland = (parameters: Json, kind = 'config_change'): Json => ({ description: 'apply change', kind, parameters });
const prod = ticket({ information_gathered: { environment: 'production' } });

describe('helpdesk: a safeguard named by a command flag, a subcommand or a REST path', () => {
  it.each([
    ['a firewall rule with its logging switched off by flag', 'gcloud compute firewall-rules update allow-internal --no-enable-logging', 'audit_logging_disabled'],
    ['a network watcher flow log deleted', 'az network watcher flow-log delete --location westeurope --name fl-core', 'audit_logging_disabled'],
    ['a WAF logging configuration deleted', 'aws wafv2 delete-logging-configuration --resource-arn arn:aws:wafv2:us-east-1:1:regional/webacl/edge/1', 'audit_logging_disabled'],
    ['HTTPS-only switched off with a false value', 'az storage account update -n stexports --https-only false', 'encryption_disabled'],
    ['app authentication switched off by a bare --enabled false', 'az webapp auth update -g rg-web -n portal --enabled false', 'unauthenticated_access'],
  ])('when %s, then the safeguard hazard fires', (_name, command, hazard) => {
    expect(rules(cmd(command))).toContain(`hard_rule:${hazard}`);
  });

  it('when the flag turns the safeguard on, names a legacy protocol, or a resource only carries the word, then nothing is switched off', () => {
    expect(rules(cmd('gcloud compute networks subnets update core-1 --region=us-east1 --enable-flow-logs'))).toEqual([]);
    expect(rules(cmd('gcloud container clusters update blue --zone us-east1-b --no-enable-basic-auth'))).toEqual([]);
    expect(rules(cmd('gcloud compute instances delete logging-vm-3 --zone us-east1-b'))).not.toContain('hard_rule:audit_logging_disabled');
    // A cloud firewall rule is a network rule, not the host firewall: deleting one switches no endpoint control off.
    expect(rules(cmd('gcloud compute firewall-rules delete allow-ssh-from-office'))).not.toContain('hard_rule:endpoint_protection_disabled');
  });

  it('when a setting object named after a safeguard is switched off by its child, then that safeguard goes off', () => {
    expect(rules(bland({ subnet: 'core-2', flow_logs: { enabled: false } }))).toContain('hard_rule:audit_logging_disabled');
    expect(rules(bland({ subnet: 'core-2', flow_logs: { enabled: true } }))).toEqual([]);
  });

  it('when a REST call writes a body whose URL names the MFA setting, then the body decides', () => {
    const off = bland({ url: 'https://graph.microsoft.com/beta/policies/identitySecurityDefaultsEnforcementPolicy', method: 'PATCH', body: { isEnabled: false } });
    expect(rules(off)).toContain('hard_rule:mfa_disabled');
    const ca = bland({ request: 'PATCH https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies/6f1c2b7e-1111-4a4a-9c9c-0123456789ab', payload: { state: 'disabled' } });
    expect(rules(ca)).toContain('hard_rule:mfa_disabled');
    const on = bland({ url: 'https://graph.microsoft.com/beta/policies/identitySecurityDefaultsEnforcementPolicy', method: 'PATCH', body: { isEnabled: true } });
    expect(rules(on)).toEqual([]);
  });
});

describe('helpdesk: a Terraform plan that deletes configuration', () => {
  const plan = (type: string, before: Json | null) => bland({ plan: { resource_changes: [{ address: `${type}.x`, type, change: { actions: ['delete'], before, after: null } }] } });

  it('when the plan deletes a firewall rule that let RDP in from anywhere, then nothing is destroyed and the exposure is taken away', () => {
    const r = read(plan('google_compute_firewall', { name: 'rdp-anywhere', direction: 'INGRESS', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['3389'] }] }), prod);
    expect(factAt(r.facts, 'change.destructive')).toBeUndefined();
    expect(r.action.effect).toBe('mitigates_first');
    expect(gates(domain, r).codes).toEqual([]);
  });

  it('when the plan deletes a public access block, then Block Public Access is off', () => {
    expect(rules(plan('aws_s3_bucket_public_access_block', { bucket: 'assets', block_public_acls: true, block_public_policy: true }))).toContain('hard_rule:block_public_access_disabled');
  });

  it('when the deleted rule is a deny rule, its state is unknown, or the resource holds data, then the delete stays destructive', () => {
    for (const a of [plan('azurerm_network_security_rule', { access: 'Deny', direction: 'Inbound', source_address_prefix: '*' }), plan('aws_security_group_rule', null), plan('aws_s3_bucket', { bucket: 'ledger' })]) {
      expect(factAt(read(a, prod).facts, 'change.destructive')).toBe(true);
      expect(rules(a, prod)).toContain('hard_rule:destructive_change_in_production');
    }
  });
});

describe('helpdesk: policy conditions are tests, not settings', () => {
  it('when a Deny statement bites only without MFA, then MFA is not read as switched off', () => {
    const doc = { Statement: [{ Effect: 'Deny', NotAction: ['iam:ListMFADevices'], Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': false } } }] };
    expect(rules(bland({ PolicyDocument: doc }, 'permission_change'))).toEqual([]);
  });

  it('when an Allow of every action carries an MFA condition, then it is still an administrative wildcard', () => {
    const doc = { Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } };
    expect(rules(bland({ policy: doc }, 'permission_change'))).toContain('hard_rule:wildcard_admin_policy');
  });
});

describe('helpdesk: secrets deleted with no way back', () => {
  it.each([
    ['the AWS CLI skipping the recovery window', cmd('aws secretsmanager delete-secret --secret-id prod/payments/api-key --force-delete-without-recovery')],
    ['the API shape with ForceDeleteWithoutRecovery', bland({ operation: 'DeleteSecret', SecretId: 'prod/payments/api-key', ForceDeleteWithoutRecovery: true }, 'script')],
    ['GCP Secret Manager, which deletes every version at once', cmd('gcloud secrets delete payments-db-password --quiet')],
  ])('when %s in production, then the irreversible-delete hazard fires', (_name, action) => {
    expect(rules(action, prod)).toContain('hard_rule:destructive_change_in_production');
  });

  it('when the secret keeps its recovery window, then it is not destroyed', () => {
    const r = read(cmd('aws secretsmanager delete-secret --secret-id prod/payments/old-key --recovery-window-in-days 30'), prod);
    expect(factAt(r.facts, 'change.destructive')).toBeUndefined();
  });
});

describe('helpdesk: Azure custom role definitions', () => {
  it('when a custom role allows every action at a subscription or management group, then it is an administrative wildcard', () => {
    expect(rules(cmd(`az role definition create --role-definition '{"Name":"Ops Everything","Actions":["*"],"AssignableScopes":["/subscriptions/1111-2222"]}'`))).toContain('hard_rule:wildcard_admin_policy');
    const arm = { properties: { roleName: 'Landing zone all', permissions: [{ actions: ['*'], notActions: [] }], assignableScopes: ['/providers/Microsoft.Management/managementGroups/root'] } };
    expect(rules(bland({ template: arm }, 'permission_change'))).toContain('hard_rule:wildcard_admin_policy');
  });

  it('when the custom role lists specific actions, or allows everything only inside one resource group, then no wildcard is read', () => {
    expect(rules(bland({ role: { Name: 'VM restarter', IsCustom: true, Actions: ['Microsoft.Compute/virtualMachines/restart/action'], AssignableScopes: ['/subscriptions/1111-2222'] } }, 'permission_change'))).toEqual([]);
    expect(rules(bland({ role: { Name: 'Sandbox all', IsCustom: true, Actions: ['*'], AssignableScopes: ['/subscriptions/1111-2222/resourceGroups/rg-sandbox-ana'] } }, 'permission_change'))).toEqual([]);
  });
});

describe('helpdesk: BigQuery access entries and bq', () => {
  it('when an access entry names a special group meaning anyone, or bq binds one, then it is a public grant', () => {
    expect(rules(bland({ dataset: 'sales', access: [{ role: 'WRITER', specialGroup: 'allUsers' }] }, 'permission_change'))).toContain('hard_rule:public_principal');
    expect(rules(cmd('bq add-iam-policy-binding --member=allAuthenticatedUsers --role=roles/bigquery.dataViewer analytics:sales.orders'))).toContain('hard_rule:public_principal');
  });

  it('when the entry names a person or a project group, then nothing public is read', () => {
    expect(rules(bland({ dataset: 'sales', access: [{ role: 'READER', userByEmail: 'analyst@corp.example' }, { role: 'READER', specialGroup: 'projectReaders' }] }, 'permission_change'))).toEqual([]);
  });
});

describe('helpdesk: identity checked by answers anyone can look up', () => {
  const reset: Json = { description: 'Reset the password and send a temporary one', kind: 'account_change' };
  const verifiedBy = (method: string) => ticket({ category: 'password_account', information_gathered: { identity_verified: true, verification_method: method } });

  it('when the verification was only knowledge answers, then a credential reset counts as unverified', () => {
    expect(rules(reset, verifiedBy('date of birth and employee number'))).toContain('hard_rule:credential_reset_unverified');
    const chat = ticket({ category: 'password_account', conversation_history: [{ role: 'assistant', content: 'Thanks, I verified your identity with your DOB and postcode.' }] });
    expect(rules(reset, chat)).toContain('hard_rule:credential_reset_unverified');
  });

  it('when the verification was a callback or a check in person, then the reset is not blocked for identity', () => {
    expect(rules(reset, verifiedBy('callback to the number on record'))).toEqual([]);
    expect(rules(reset, verifiedBy('in person with a photo ID and the employee ID'))).toEqual([]);
  });
});

describe('helpdesk: a phone number moved to another SIM', () => {
  const unverified = ticket({ category: 'mobile', information_gathered: { identity_verified: false } });
  const verified = ticket({ category: 'mobile', information_gathered: { identity_verified: true, verification_method: 'callback to the desk number on record' } });

  it('when a tool call ports the line to a new ICCID or eSIM for an unverified caller, then it is an unverified credential reset', () => {
    expect(rules({ description: 'go ahead', kind: 'account_change', parameters: { tool: 'fleet_portal', arguments: { msisdn: '+447700900555', target_iccid: '8944110000000000123' } } }, unverified)).toContain('hard_rule:credential_reset_unverified');
    expect(rules({ description: 'Swap the SIM on her work number to the replacement card', kind: 'account_change' }, unverified)).toContain('hard_rule:credential_reset_unverified');
  });

  it('when the caller was verified by callback, then the move is not blocked for identity', () => {
    expect(rules({ description: 'go ahead', kind: 'account_change', parameters: { arguments: { msisdn: '+447700900555', new_esim_eid: '89049032000000000000000000000001' } } }, verified)).toEqual([]);
  });
});

describe('helpdesk: remote-access software let run', () => {
  const laptop = ticket({ category: 'software_install', description: 'Caller wants a support agent to connect to the laptop' });
  it.each([
    ['installed in words', { description: 'Install TeamViewer QuickSupport so the vendor can connect', kind: 'instruction' }],
    ['allowed by an application-control tool call naming only the file', { description: 'apply change', kind: 'config_change', parameters: { tool: 'defender_add_allow_indicator', arguments: { file: 'C:\\Users\\Public\\RustDesk.exe' } } }],
    ['unblocked by removing the block', { description: 'Remove the block on ScreenConnect for this device', kind: 'config_change' }],
  ])('when %s, then the remote-access hazard fires', (_name, action) => {
    expect(rules(action, laptop)).toContain('hard_rule:remote_access_tool_allowed');
  });

  it('when the tool is uninstalled or blocked, or ordinary software is installed, then nothing fires', () => {
    expect(rules({ description: 'Uninstall AnyDesk from the kiosk PCs', kind: 'config_change' }, laptop)).toEqual([]);
    expect(rules({ description: 'apply change', kind: 'config_change', parameters: { tool: 'intune_block_app', arguments: { app: 'AnyDesk' } } }, laptop)).toEqual([]);
    expect(rules({ description: 'Install Zoom from the Company Portal', kind: 'instruction' }, laptop)).toEqual([]);
  });
});

describe('helpdesk: decisions on safe neighbours', () => {
  const model = new EmbeddedWorldModel([domain]);
  const decide = async (state: Json, action: Json) => {
    const s = helpdeskModule.stateSchema.parse(state);
    const a = helpdeskModule.actionSchema.parse(action) as ActionInput;
    const reading = domain.read(s, a);
    return simulateAndDecide({ domain, state: s, action: a, reading, features: domain.module.featurize(reading), seed: 3, horizon: domain.policy.horizon, deadlineMs: 60_000, worldModel: model });
  };

  it('when a plan removes a world-open admin rule nobody uses, then the change approves', async () => {
    const state = ticket({ description: 'Old RDP rule fails the benchmark; access is through Bastion now', information_gathered: { access_path: 'Azure Bastion' } });
    const action = bland({ plan: { resource_changes: [{ address: 'azurerm_network_security_rule.rdp_any', type: 'azurerm_network_security_rule', change: { actions: ['delete'], before: { access: 'Allow', direction: 'Inbound', source_address_prefix: '*', destination_port_range: '3389', protocol: 'Tcp' }, after: null } }] } });
    expect((await decide(state, action)).decision).toBe('approve');
  });

  it('when a group policy denies everything unless MFA is present, then the change approves', async () => {
    const doc = { Version: '2012-10-17', Statement: [{ Sid: 'NoMfaNoAccess', Effect: 'Deny', NotAction: ['iam:EnableMFADevice', 'iam:ListMFADevices', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }] };
    const state = ticket({ category: 'sso_identity', description: 'Enforce MFA for the engineers group, approved by security' });
    expect((await decide(state, { description: 'attach policy', kind: 'permission_change', parameters: { GroupName: 'engineers', PolicyDocument: doc } })).decision).toBe('approve');
  });
});
