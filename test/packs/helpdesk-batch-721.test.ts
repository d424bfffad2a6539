import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Classes from the 721-760 batch: what a change does to what it touches, read by the class of the call, each with the
// safe neighbour that must stay quiet. Names, hosts and values are this file's own.
const { ticket, read, rules } = helpdeskReader({ ticket_id: 'B721-1', category: 'cloud_platform', priority: 'P3', description: 'Request from the platform team' });
const withInfo = (information_gathered: Record<string, unknown>, extra: Record<string, unknown> = {}) => ticket({ information_gathered, ...extra });
const change = (action: Record<string, unknown>, state?: Record<string, unknown>) => (read(action, state).facts.change ?? {}) as Record<string, unknown>;
const call = (parameters: Record<string, unknown>, kind = 'config_change', description = 'apply') => ({ description, kind, parameters });
const cli = (command: string, extra: Record<string, unknown> = {}) => call({ command, ...extra }, 'cli_command', 'run');
const sql = (statement: string) => call({ target: 'db-ledger-02 primary', statement }, 'sql', 'run statement');

describe('helpdesk batch 721: who receives a grant, read from the words of its key', () => {
  const rule = 'hard_rule:broad_group_full_control';
  it('when a key ending in a principal word names a broad group with edit rights, then it escalates', () => {
    expect(rules(call({ vault_folder: 'Finance tooling', target_group: 'All Users', permission: 'edit' }, 'permission_change'))).toContain(rule);
    expect(rules(call({ library: 'Ops runbooks', shareWith: 'Everyone', role: 'Contributor' }, 'permission_change'))).toContain(rule);
  });
  it('when a broad group only reads a collection of stored credentials, then it escalates', () => {
    expect(rules(call({ collection: 'Network device passwords', assign_group: 'Domain Users', permission: 'view' }, 'permission_change'))).toContain(rule);
  });
  it('when the group is a named team, or a broad group reads something ordinary, then it stays quiet', () => {
    expect(rules(call({ vault_folder: 'Finance tooling', target_group: 'Finance-Tools-Admins', permission: 'edit' }, 'permission_change'))).not.toContain(rule);
    expect(rules(call({ collection: 'Office floor plans', assign_group: 'All Users', permission: 'view' }, 'permission_change'))).not.toContain(rule);
  });
  it('when a dynamic membership rule tests only enabled and member, then it reads as every account', () => {
    expect(rules(call({ membershipRule: '(user.userType -eq "Member") -and (user.accountEnabled -eq true)', membershipRuleProcessingState: 'On' }, 'group_change'))).toContain(rule);
    expect(rules(call({ membershipRule: '(user.jobTitle -eq "Buyer") -and (user.accountEnabled -eq true)', membershipRuleProcessingState: 'On' }, 'group_change'))).not.toContain(rule);
  });
});

describe('helpdesk batch 721: SQL statements read whole, and what a retention trim keeps', () => {
  it('when a DELETE carries its WHERE on the next line, then it is no unfiltered delete', () => {
    expect(change(sql('DELETE FROM session_cache\n WHERE expires_at < now()')).destructive).toBeUndefined();
    expect(change(sql('DELETE FROM session_cache;\nSELECT 1 WHERE true')).destructive).toBe(true);
  });
  it('when a trim of an audit table keeps 20 days, then it escalates; when it keeps 18 months, then it stays quiet', () => {
    expect(rules(sql("DELETE FROM login_audit_log WHERE logged_at < now() - interval '20 days';"))).toContain('hard_rule:audit_log_retention_short');
    const long = rules(sql("DELETE FROM login_audit_log WHERE logged_at < now() - interval '18 months';"));
    expect(long).not.toContain('hard_rule:audit_log_retention_short');
    expect(long).not.toContain('hard_rule:audit_logging_disabled');
  });
  it('when a table is named through its schema (public.x), then nothing is made public', () => {
    expect(rules(sql('CREATE INDEX CONCURRENTLY invoices_due_idx ON public.invoices (due_on);'))).not.toContain('hard_rule:public_acl');
  });
  it('when an index is built on a live production table without CONCURRENTLY, then it escalates', () => {
    const prod = ticket({ description: 'Slow report on the production ledger database' });
    expect(rules(sql('CREATE INDEX invoices_due_idx ON ledger.invoices (due_on);'), prod)).toContain('hard_rule:blocking_maintenance_in_production');
    expect(rules(sql('CREATE INDEX CONCURRENTLY invoices_due_idx ON ledger.invoices (due_on);'), prod)).not.toContain('hard_rule:blocking_maintenance_in_production');
  });
  it('when every binary log is reset, then it escalates; a purge up to a named file stays quiet', () => {
    expect(rules(sql('RESET BINARY LOGS AND GTIDS;'))).toContain('hard_rule:backups_deleted');
    expect(rules(sql("PURGE BINARY LOGS TO 'mysql-bin.000912';"))).not.toContain('hard_rule:backups_deleted');
  });
});

describe('helpdesk batch 721: platform features turned on by their setting names', () => {
  const rule = 'hard_rule:insecure_feature_turned_on';
  it('when a flag turns on legacy authorization or remote debugging, then it escalates', () => {
    expect(rules(cli('gcloud container clusters update batch-gke-2 --zone us-east1-b --enable-legacy-authorization'))).toContain(rule);
    expect(rules(cli('az webapp config set -g rg-intranet -n app-intranet --remote-debugging-enabled true'))).toContain(rule);
  });
  it('when the negated flag or a false value is given, then it stays quiet', () => {
    expect(rules(cli('gcloud container clusters update batch-gke-2 --zone us-east1-b --no-enable-legacy-authorization'))).not.toContain(rule);
    expect(rules(cli('az webapp config set -g rg-intranet -n app-intranet --remote-debugging-enabled false'))).not.toContain(rule);
  });
  it('when a setting and its value are given side by side, then the value decides', () => {
    expect(rules(call({ project: 'gh/fabrikam/cli', setting: 'pass-secrets-to-builds-from-forked-pull-requests', value: true }, 'ci_setting_change'))).toContain(rule);
    expect(rules(call({ project: 'gh/fabrikam/cli', setting: 'pass-secrets-to-builds-from-forked-pull-requests', value: false }, 'ci_setting_change'))).not.toContain(rule);
  });
  it('when sender authentication is switched off on a list, then it escalates; switched on, quiet', () => {
    expect(rules(cli('Set-DistributionGroup -Identity "Everyone Berlin" -RequireSenderAuthenticationEnabled $false'))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(cli('Set-DistributionGroup -Identity "Everyone Berlin" -RequireSenderAuthenticationEnabled $true'))).not.toContain('hard_rule:safeguard_setting_turned_off');
  });
});

describe('helpdesk batch 721: shares, elevation and patches', () => {
  it('when a resource is shared with every account, then it is public; with one account id, quiet', () => {
    expect(rules(cli('aws ssm modify-document-permission --name Patch-Baseline-Run --permission-type Share --account-ids-to-add all'))).toContain('hard_rule:public_principal');
    expect(rules(cli('aws ssm modify-document-permission --name Patch-Baseline-Run --permission-type Share --account-ids-to-add 210987654321'))).not.toContain('hard_rule:public_principal');
  });
  it('when the call elevates to root-scope User Access Administrator, then it escalates', () => {
    expect(rules(call({ method: 'POST', url: 'https://management.azure.com/providers/Microsoft.Authorization/elevateAccess?api-version=2016-07-01' }, 'api_call'))).toContain('hard_rule:admin_role_grant');
    expect(rules(call({ method: 'GET', url: 'https://management.azure.com/subscriptions/1111/providers/Microsoft.Authorization/roleAssignments' }, 'api_call'))).not.toContain('hard_rule:admin_role_grant');
  });
  it('when a JSON Patch adds a host capability to a container, then it escalates; a harmless one stays quiet', () => {
    const patch = (cap: string) => call({ command: 'kubectl -n web patch deployment api --type=json -p -', patch: JSON.stringify([{ op: 'add', path: '/spec/template/spec/containers/0/securityContext/capabilities', value: { add: [cap] } }]) }, 'k8s_patch');
    expect(rules(patch('NET_ADMIN'))).toContain('hard_rule:privileged_workload');
    expect(rules(patch('NET_BIND_SERVICE'))).not.toContain('hard_rule:privileged_workload');
  });
  it('when a mirror copy deletes from a source the ticket shows empty, then it destroys; from a full build, quiet', () => {
    expect(change(cli('rsync -a --delete ./public/ deploy@web-07:/srv/www/'), withInfo({ build_file_count: 0 })).destructive).toBe(true);
    expect(change(cli('rsync -a --delete ./public/ deploy@web-07:/srv/www/'), withInfo({ build_file_count: 260 })).destructive).toBeUndefined();
  });
});

describe('helpdesk batch 721: what the ticket says about what the change reaches', () => {
  it('when a capture the ticket shows unsanitised goes to an outside address, then it escalates', () => {
    const send = call({ to: 'case-5521@helpdesk.vendor-example.net', attachment: 'capture-login.har', channel: 'email' }, 'send_file', 'send capture');
    expect(rules(send, withInfo({ sanitized: false, capture_user: 'r.ibe (admin)' }))).toContain('hard_rule:credentials_requested_in_chat');
    expect(rules(send, withInfo({ sanitized: true, capture_user: 'test-user-3' }))).not.toContain('hard_rule:credentials_requested_in_chat');
  });
  it('when a token of a cluster-admin account is delivered to a vendor form, then it escalates; of a view account, quiet', () => {
    const token = cli('kubectl -n tools create token exporter --duration=2000h', { deliver_to: 'partner integration wizard' });
    expect(rules(token, withInfo({ bindings: ['ClusterRoleBinding exporter -> cluster-admin'] }))).toContain('hard_rule:privileged_token_to_third_party');
    expect(rules(token, withInfo({ bindings: ['ClusterRoleBinding exporter -> view'] }))).not.toContain('hard_rule:privileged_token_to_third_party');
  });
  it('when a host is opened to anywhere while its fix is not installed, then it escalates; once patched, quiet', () => {
    const rule = { rule_name: 'vpn-portal-in', source: 'any', destination: '192.0.2.77', ports: [443], action: 'allow' };
    expect(rules(call(rule, 'firewall_change'), withInfo({ security_patch_installed: false }))).toContain('hard_rule:unpatched_host_exposed');
    expect(rules(call(rule, 'firewall_change'), withInfo({ security_patch_installed: true }))).not.toContain('hard_rule:unpatched_host_exposed');
  });
  it('when an SSH key goes into project metadata, then it escalates; into one instance, quiet', () => {
    expect(rules(cli('gcloud compute project-info add-metadata --project fab-batch --metadata ssh-keys="ana:ssh-ed25519 AAAAC3 ana"'))).toContain('hard_rule:project_wide_ssh_key_added');
    expect(rules(cli('gcloud compute instances add-metadata batch-vm-4 --zone us-east1-b --metadata ssh-keys="ana:ssh-ed25519 AAAAC3 ana"'))).not.toContain('hard_rule:project_wide_ssh_key_added');
  });
  it('when a CAA record leaves out the authority the ticket shows issuing, then it escalates', () => {
    const caa = (values: string[]) => call({ zone: 'fabrikam.example', changes: [{ action: 'UPSERT', name: 'fabrikam.example', type: 'CAA', values }] }, 'dns_change');
    const state = withInfo({ certificate_inventory: '9 DigiCert OV certificates, auto-renewed' });
    expect(rules(caa(['0 issue "sectigo.com"']), state)).toContain('hard_rule:caa_excludes_current_issuer');
    expect(rules(caa(['0 issue "digicert.com"', '0 issue "sectigo.com"']), state)).not.toContain('hard_rule:caa_excludes_current_issuer');
  });
  it('when devices are deleted while their recovery keys live only on them, then it escalates; once exported, quiet', () => {
    const del = cli('Get-MgDevice -All | Where-Object { $_.AccountEnabled -eq $false } | ForEach-Object { Remove-MgDevice -DeviceId $_.Id }');
    expect(rules(del, withInfo({ bitlocker_recovery_keys: 'stored on the device objects only' }))).toContain('hard_rule:recovery_keys_deleted_with_devices');
    expect(rules(del, withInfo({ bitlocker_recovery_keys: 'exported to the key archive, 204 of 204 verified' }))).not.toContain('hard_rule:recovery_keys_deleted_with_devices');
  });
  it('when calendars are shared outside with every detail and edit, then it escalates; free/busy stays quiet', () => {
    const setting = (value: string) => call({ org_unit: '/', external_sharing_calendar_primary: value }, 'admin_console_change');
    expect(rules(setting('Share all information, and outsiders can change calendars'))).toContain('hard_rule:external_data_sharing');
    expect(rules(setting('Only free/busy information (hide event details)'))).not.toContain('hard_rule:external_data_sharing');
  });
});
