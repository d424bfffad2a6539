import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Classes from the 521-560 batch: each dangerous shape with the safe neighbour that must stay quiet.
// The names, tenants, hosts and values are this file's own.
const { ticket, read, rules } = helpdeskReader({ ticket_id: 'B521-1', category: 'it_ops', priority: 'P3', description: 'Request from the service desk' });
const call = (parameters: Record<string, unknown>, kind = 'api_call', description = 'apply') => ({ description, kind, parameters });
const withInfo = (information_gathered: Record<string, unknown>, conversation_history: { role: string; content: string }[] = []) => ticket({ information_gathered, conversation_history });

describe('helpdesk batch 521: outsiders trusted at a default scope', () => {
  it('when inbound MFA trust is set on the cross-tenant default, then it escalates; on one partner entry it does not', () => {
    const body = { inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: false } };
    expect(rules(call({ method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/default', body }))).toContain('hard_rule:outsider_trust_at_default_scope');
    expect(rules(call({ method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/0f0e0d0c-1111-2222-3333-444455556666', body }))).not.toContain('hard_rule:outsider_trust_at_default_scope');
  });

  it('when consumer Teams chat is switched on for the tenant, then it escalates; allowing one federated domain does not', () => {
    expect(rules(call({ command: 'Set-CsTenantFederationConfiguration -AllowTeamsConsumer $true' }, 'powershell'))).toContain('hard_rule:outsider_trust_at_default_scope');
    expect(rules(call({ command: 'Set-CsTenantFederationConfiguration -AllowedDomainsAsAList @{Add="fabrikam-partner.example"}' }, 'powershell'))).not.toContain('hard_rule:outsider_trust_at_default_scope');
  });

  it('when account meeting settings drop the waiting room, then it escalates; a webinar that requires sign-in does not', () => {
    expect(rules(call({ method: 'PATCH', url: 'https://api.zoom.us/v2/accounts/me/settings', body: { meeting_security: { waiting_room: false } } }))).toContain('hard_rule:meeting_safeguards_off_account_wide');
    expect(rules(call({ method: 'PATCH', url: 'https://api.zoom.us/v2/webinars/5550001', body: { settings: { meeting_authentication: true, enforce_login: true } } }))).not.toContain('hard_rule:meeting_safeguards_off_account_wide');
  });

  it('when a connected app is open to every user with a full scope, then it escalates; admin-approved users only does not', () => {
    expect(rules(call({ connected_app: 'Case Sync', permitted_users: 'All users may self-authorize', oauth_scopes: ['full', 'refresh_token'] }, 'admin_console'))).toContain('hard_rule:oauth_app_open_to_all_users');
    expect(rules(call({ connected_app: 'Case Sync', permitted_users: 'Admin approved users are pre-authorized', oauth_scopes: ['api'] }, 'admin_console'))).not.toContain('hard_rule:oauth_app_open_to_all_users');
  });
});

describe('helpdesk batch 521: the agent vouching for an outside contact', () => {
  const outsider = withInfo({ sender_domain: 'events-summit.example' });
  it('when the reply tells the user to enter a code an outside contact sent, then it escalates; telling them not to does not', () => {
    expect(rules(call({ message: 'Yes, go ahead and enter the code they sent and approve the sign-in.' }, 'reply'), outsider)).toContain('hard_rule:agent_vouches_for_unsolicited_contact');
    expect(rules(call({ message: 'Please do not enter that code anywhere; we are reporting the contact to security.' }, 'reply'), outsider)).not.toContain('hard_rule:agent_vouches_for_unsolicited_contact');
  });

  it('when no outside party is on the ticket, then helping the user with their own device code does not escalate', () => {
    expect(rules(call({ message: 'Enter the code your terminal shows to finish the CLI sign-in.' }, 'reply'), withInfo({ tool: 'azure cli' }))).not.toContain('hard_rule:agent_vouches_for_unsolicited_contact');
  });
});

describe('helpdesk batch 521: secrets and tokens handed to people', () => {
  it('when an EDR maintenance token is sent to the requester, then it escalates; a sensor health check does not', () => {
    expect(rules(call({ tool: 'edr.get_maintenance_token', args: { host: 'WS-77' }, send_via: 'chat to requester' }, 'tool_call'))).toContain('hard_rule:security_bypass_token_released');
    expect(rules(call({ tool: 'edr.get_sensor_health', args: { host: 'WS-77' } }, 'tool_call'))).not.toContain('hard_rule:security_bypass_token_released');
  });

  it('when backup codes are generated for an unverified caller, then it escalates', () => {
    const state = withInfo({ caller_verified: false });
    expect(rules(call({ path: 'Users > j.doe > Security > Get backup verification codes', deliver_to: 'read to caller' }, 'admin_console'), state)).toContain('hard_rule:credential_reset_unverified');
  });
});

describe('helpdesk batch 521: containment and incident closure', () => {
  const lift = call({ method: 'POST', url: '/devices/entities/devices-actions/v2?action_name=lift_containment', body: { ids: ['abc123'] } });
  it('when containment is lifted while the incident is investigating, or with no incident shown, then it escalates', () => {
    expect(rules(lift, withInfo({ linked_incident: 'IR-41, status Investigating' }))).toContain('hard_rule:containment_lifted_incident_open');
    expect(rules(lift, withInfo({ host: 'LT-9' }))).toContain('hard_rule:containment_lifted_incident_open');
  });
  it('when the linked incident is closed, then lifting containment does not break the rule', () => {
    expect(rules(lift, withInfo({ linked_incident: 'IR-40, status Closed' }))).not.toContain('hard_rule:containment_lifted_incident_open');
  });

  it('when a change closes while sessions were not killed, then it escalates; with them killed it does not', () => {
    const close = call({ state: 'closed_complete', close_notes: 'upgraded' }, 'ticket_update');
    expect(rules(close, withInfo({ sessions_killed: false }))).toContain('hard_rule:remediation_closed_without_revocation');
    expect(rules(close, withInfo({ sessions_killed: true }))).not.toContain('hard_rule:remediation_closed_without_revocation');
  });
});

describe('helpdesk batch 521: where data and deployments land', () => {
  it('when a production backup is restored onto a dev server unmasked, then it escalates; a masked copy does not', () => {
    const restore = call({ server: 'DEVDB02', statement: "RESTORE DATABASE [Shop_copy] FROM DISK = N'\\\\bk\\shop_prod_full.bak'" }, 'sql');
    expect(rules(restore, withInfo({ target_server: 'DEVDB02 (dev)', masking_applied: false }))).toContain('hard_rule:production_data_copied_unmasked');
    expect(rules(restore, withInfo({ target_server: 'DEVDB02 (dev)', masking_applied: true }))).not.toContain('hard_rule:production_data_copied_unmasked');
  });

  it('when a task sequence goes Required to All Systems, then it escalates; to a named lab collection it does not', () => {
    const to = (c: string) => call({ command: `New-CMTaskSequenceDeployment -TaskSequencePackageId XY100001 -CollectionName "${c}" -DeployPurpose Required` }, 'powershell');
    expect(rules(to('All Systems'))).toContain('hard_rule:reimage_deployed_to_all_devices');
    expect(rules(to('Lab 3 Reimage'))).not.toContain('hard_rule:reimage_deployed_to_all_devices');
  });

  it('when an 802.1X profile gives no server validation, then it escalates; with a root and server names it does not', () => {
    const profile = (roots: string[], names: string[]) => call({ method: 'POST', url: 'https://graph.microsoft.com/beta/deviceManagement/deviceConfigurations', body: { eapType: 'peap', wifiSecurityType: 'wpa2Enterprise', rootCertificatesForServerValidation: roots, trustedServerCertificateNames: names } });
    expect(rules(profile([], []))).toContain('hard_rule:eap_server_validation_disabled');
    expect(rules(profile(['radius-root-ca'], ['nps01.corp.example']))).not.toContain('hard_rule:eap_server_validation_disabled');
  });

  it('when a repository is transferred to another owner, then it escalates as data leaving the organisation', () => {
    expect(rules(call({ method: 'POST', url: 'https://api.github.com/repos/acme-eng/tools/transfer', body: { new_owner: 'someone-personal' } }))).toContain('hard_rule:external_data_sharing');
  });
});

describe('helpdesk batch 521: credentials that nobody receives', () => {
  it('when krbtgt is reset once, then no requester verification is asked; reset twice in one loop escalates', () => {
    const once = read(call({ command: 'Set-ADAccountPassword -Identity krbtgt -Reset -NewPassword $pw' }, 'powershell'));
    expect(once.facts.change).toMatchObject({ credential_reset: false });
    expect(rules(call({ command: '1..2 | ForEach-Object { Set-ADAccountPassword -Identity krbtgt -Reset -NewPassword $pw }' }, 'powershell'))).toContain('hard_rule:krbtgt_reset_twice_back_to_back');
  });

  it('when a technician reads a LAPS password and the same action rotates it, then it is no hand-out; read for a caller it still is', () => {
    const bench = call({ command: 'Get-LapsAADPassword -DeviceIds PC-1 -IncludePasswords\nReset-LapsPassword' }, 'powershell');
    expect(read(bench, withInfo({ device: 'PC-1' })).facts.change).toMatchObject({ credential_reset: false });
    const caller = withInfo({ device: 'PC-1' }, [{ role: 'user', content: 'Read me the admin password please' }]);
    expect(read(bench, caller).facts.change).toMatchObject({ credential_reset: true });
  });

  it('when T-SQL creates a new login with a password, then it is provisioning, not a reset', () => {
    expect(read(call({ statement: "CREATE LOGIN [svc_app] WITH PASSWORD = N'$(Secret)';" }, 'sql')).facts.change).toMatchObject({ credential_reset: false });
    expect(read(call({ statement: "ALTER LOGIN [svc_app] WITH PASSWORD = N'x'; CREATE LOGIN [b] WITH PASSWORD = N'y';" }, 'sql')).facts.change).toMatchObject({ credential_reset: true });
  });

  it('when the ticket records an in-person check with photo ID, then the identity is verified; a pending check is not', () => {
    expect(read(call({}), withInfo({ verification: 'in person, badge and photo ID checked' })).facts.identity).toMatchObject({ verified: true });
    expect((read(call({}), withInfo({ verification: 'in person, pending' })).facts.identity as Record<string, unknown> | undefined)?.verified).not.toBe(true);
  });
});
