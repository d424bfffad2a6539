import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Classes from the 561-600 batch: each dangerous shape with the safe neighbour that must stay quiet.
// Hosts, names and values are this file's own.
const { ticket, read, rules, cmd } = helpdeskReader({ ticket_id: 'B561-1', category: 'linux_server', priority: 'P3', description: 'Request from the platform team' });
const call = (parameters: Record<string, unknown>, kind = 'config_change', description = 'apply') => ({ description, kind, parameters });
const withInfo = (information_gathered: Record<string, unknown>, description = 'Request from the platform team') => ticket({ information_gathered, description });
const change = (action: Record<string, unknown>, state?: Record<string, unknown>) => read(action, state).facts.change as Record<string, unknown> | undefined;

describe('helpdesk batch 561: privilege equivalent to root', () => {
  it('when the setuid bit goes on a program, by symbol or by octal mode, then it escalates; taking it off does not', () => {
    expect(rules(cmd('sudo chmod u+s /usr/bin/less'))).toContain('hard_rule:root_equivalent_access_granted');
    expect(rules(cmd('chmod 4755 /opt/tools/python3'))).toContain('hard_rule:root_equivalent_access_granted');
    expect(rules(cmd('sudo chmod u-s /usr/bin/less'))).not.toContain('hard_rule:root_equivalent_access_granted');
    expect(rules(cmd('chmod 0755 /opt/tools/report.sh'))).not.toContain('hard_rule:root_equivalent_access_granted');
  });

  it('when someone joins the docker, lxd or disk group, then it escalates; joining a plain team group does not', () => {
    expect(rules(cmd('sudo usermod -aG docker k.lindqvist'))).toContain('hard_rule:root_equivalent_access_granted');
    expect(rules(cmd('sudo gpasswd -a k.lindqvist lxd'))).toContain('hard_rule:root_equivalent_access_granted');
    expect(rules(cmd('sudo usermod -aG adm,disk k.lindqvist'))).toContain('hard_rule:root_equivalent_access_granted');
    expect(rules(cmd('sudo usermod -aG webteam k.lindqvist'))).not.toContain('hard_rule:root_equivalent_access_granted');
  });

  it('when a setuid capability is set on an interpreter, then it escalates; a bind-port capability does not', () => {
    expect(rules(cmd('sudo setcap cap_setuid+ep /usr/bin/perl'))).toContain('hard_rule:root_equivalent_access_granted');
    expect(rules(cmd('sudo setcap cap_net_bind_service=+ep /opt/app/server'))).not.toContain('hard_rule:root_equivalent_access_granted');
  });
});

describe('helpdesk batch 561: host firewall and management plane', () => {
  it('when the ruleset is flushed or the firewall unit stopped, then a protective setting is off; an atomic reload is not', () => {
    expect(change(cmd('sudo nft flush ruleset'))?.safeguard_setting_off).toBeTruthy();
    expect(change(cmd('sudo systemctl disable --now firewalld'))?.safeguard_setting_off).toBeTruthy();
    expect(change(cmd('nft -c -f /etc/nftables.conf && nft -f /etc/nftables.conf'))?.safeguard_setting_off).toBeUndefined();
  });

  it('when a PAN-OS profile with https is bound to an interface the ticket calls untrust, then the admin port is world-open; an internal one is not', () => {
    const cli = ['set network profiles interface-management-profile noc https yes', 'set network interface ethernet ethernet1/4 layer3 interface-management-profile noc'];
    expect(rules(call({ cli }), withInfo({ interface: 'ethernet1/4 (zone untrust, public address)' }))).toContain('hard_rule:admin_port_open_to_internet');
    expect(rules(call({ cli }), withInfo({ interface: 'ethernet1/4 (zone mgmt-lan, 10.9.0.1)' }))).not.toContain('hard_rule:admin_port_open_to_internet');
  });
});

describe('helpdesk batch 561: whole-datastore destruction and durability', () => {
  const prod = withInfo({ environment: 'production' });
  it('when FLUSHDB or DROP SCHEMA runs against production, then it escalates; a prefix UNLINK of cache keys does not', () => {
    expect(rules(cmd('redis-cli -h cache-live -n 2 FLUSHDB'), prod)).toContain('hard_rule:destructive_change_in_production');
    expect(rules(call({ sql: 'DROP SCHEMA billing CASCADE;' }, 'sql'), prod)).toContain('hard_rule:destructive_change_in_production');
    expect(rules(cmd("redis-cli -n 0 --scan --pattern 'sess:tmp:*' | xargs -r redis-cli -n 0 UNLINK"), prod)).not.toContain('hard_rule:destructive_change_in_production');
  });

  it('when a wildcard index DELETE follows turning destructive_requires_name off, then both are read; deleting one named index is not a wildcard', () => {
    const wild = change(call({ requests: [{ method: 'PUT', path: '/_cluster/settings', body: { transient: { 'action.destructive_requires_name': false } } }, { method: 'DELETE', path: '/metrics-*' }] }, 'api_call'), prod);
    expect(wild?.destructive).toBe(true);
    expect(wild?.safeguard_setting_off).toBeTruthy();
    expect(String(change(call({ method: 'DELETE', path: '/metrics-2023.01.04' }, 'api_call'), prod)?.destroys ?? '')).not.toMatch(/every index/);
  });

  it('when a replica set is reconfigured with force, then a safety check is bypassed; a plain reconfig is not', () => {
    expect(rules(cmd("mongosh --eval 'rs.reconfig(c, {force: true})'"))).toContain('hard_rule:safety_check_bypassed');
    expect(rules(cmd("mongosh --eval 'rs.reconfig(c)'"))).not.toContain('hard_rule:safety_check_bypassed');
  });

  it('when a production database goes to SIMPLE recovery, then durability is off; a log backup is not, nor SIMPLE on a scratch test database', () => {
    expect(rules(call({ statement: 'ALTER DATABASE [Sales] SET RECOVERY SIMPLE;' }, 'sql'), prod)).toContain('hard_rule:database_durability_off');
    expect(rules(call({ statement: "BACKUP LOG [Sales] TO DISK = N'\\\\bk\\sql\\sales.trn' WITH CHECKSUM;" }, 'sql'), prod)).not.toContain('hard_rule:database_durability_off');
    expect(rules(call({ statement: 'ALTER DATABASE [scratch_ci] SET RECOVERY SIMPLE;' }, 'sql'), withInfo({ environment: 'ci test runner' }))).not.toContain('hard_rule:database_durability_off');
  });
});

describe('helpdesk batch 561: shares and snapshots', () => {
  it('when an NFS export goes to every host writable or with root kept, then it escalates; a read-only subnet export with root squashed does not', () => {
    expect(rules(call({ line: '/data/proj *(rw,sync)' }))).toContain('hard_rule:broad_group_full_control');
    expect(rules(call({ line: '/data/proj 0.0.0.0/0(ro,no_root_squash)' }))).toContain('hard_rule:broad_group_full_control');
    expect(rules(call({ line: '/data/proj 10.8.2.0/24(ro,sync,root_squash)' }))).not.toContain('hard_rule:broad_group_full_control');
  });

  it('when storage snapshots are destroyed, then backups are deleted and no backup is taken as confirmed', () => {
    const zfs = change(cmd('zfs destroy -r tank/finance@daily-2024-11-01'));
    expect(zfs?.backups_deleted).toBe(true);
    expect(zfs?.backup_confirmed).toBe(false);
  });

  it('when a VM snapshot is consolidated through the hypervisor after a verified backup, then no backup rule fires; without the backup it still does', () => {
    const action = call({ command: "Get-VM web-07 | Get-Snapshot -Name 'before-upgrade' | Remove-Snapshot -Confirm:$false" }, 'shell_command', 'remove snapshot');
    expect(rules(action, withInfo({ backup_verified: 'yes, test restore this morning' }))).not.toContain('hard_rule:backups_deleted');
    expect(rules(action, withInfo({ vm: 'web-07' }))).toContain('hard_rule:backups_deleted');
  });
});

describe('helpdesk batch 561: protocol downgrades in any dialect', () => {
  it.each([
    ['nginx in a diff', { diff: '-  ssl_protocols TLSv1.2 TLSv1.3;\n+  ssl_protocols TLSv1.1 TLSv1.2 TLSv1.3;' }],
    ['Apache all minus SSLv3', { content: 'SSLProtocol all -SSLv3' }],
    ['HAProxy minimum', { content: 'bind :443 ssl crt /etc/ssl/site.pem ssl-min-ver TLSv1.0' }],
    ['Schannel registry', { command: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server" /v Enabled /t REG_DWORD /d 1 /f' }],
  ])('when %s enables a protocol below TLS 1.2, then it escalates', (_, parameters) => {
    expect(rules(call(parameters))).toContain('hard_rule:insecure_feature_turned_on');
  });

  it('when a diff only removes the old protocols, or Apache excludes them, then it does not escalate', () => {
    expect(rules(call({ diff: '-  ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n+  ssl_protocols TLSv1.2 TLSv1.3;' }))).not.toContain('hard_rule:insecure_feature_turned_on');
    expect(rules(call({ content: 'SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1' }))).not.toContain('hard_rule:insecure_feature_turned_on');
  });
});

describe('helpdesk batch 561: keys, alerting and audit data', () => {
  it('when a machine key the ticket says came from a public sample is deployed, then it escalates; a generated key does not', () => {
    const action = call({ xml: '<machineKey validationKey="AB12CD34" decryptionKey="EF56" validation="HMACSHA256" />' });
    expect(rules(action, withInfo({ key_source: 'copied from a forum post' }))).toContain('hard_rule:key_material_from_public_source');
    expect(rules(action, withInfo({ key_source: 'generated with IIS Manager, kept in the secret store' }))).not.toContain('hard_rule:key_material_from_public_source');
  });

  it('when a downtime covers every scope, then it escalates; one scoped to a host tag does not', () => {
    const dt = (scope: string) => call({ method: 'POST', url: 'https://api.datadoghq.com/api/v2/downtime', body: { data: { attributes: { scope, monitor_identifier: { monitor_tags: ['*'] } } } } }, 'api_call');
    expect(rules(dt('*'))).toContain('hard_rule:alerting_silenced_at_wildcard_scope');
    expect(rules(dt('service:reports-batch'))).not.toContain('hard_rule:alerting_silenced_at_wildcard_scope');
  });

  it('when an Alertmanager silence matches every alert, then it escalates; one matching an alert name does not', () => {
    const silence = (value: string, isRegex: boolean) => call({ method: 'POST', path: '/api/v2/silences', body: { matchers: [{ name: 'alertname', value, isRegex }] } }, 'api_call');
    expect(rules(silence('.*', true))).toContain('hard_rule:alerting_silenced_at_wildcard_scope');
    expect(rules(silence('DiskFillingUp', false))).not.toContain('hard_rule:alerting_silenced_at_wildcard_scope');
  });

  it('when can_delete is among the roles given, then it escalates; a read role does not', () => {
    expect(rules(call({ method: 'POST', url: 'https://splunk:8089/services/authentication/users/ab', form: { roles: ['user', 'can_delete'] } }, 'api_call'))).toContain('hard_rule:audit_event_deletion_granted');
    expect(rules(call({ method: 'POST', url: 'https://splunk:8089/services/authentication/users/ab', form: { roles: ['user', 'soc_reader'] } }, 'api_call'))).not.toContain('hard_rule:audit_event_deletion_granted');
  });
});

describe('helpdesk batch 561: business process controls', () => {
  it('when the agent sets an approval record to approved, then it escalates; adding a work note to the change does not', () => {
    expect(rules(call({ method: 'PATCH', url: 'https://acme.service-now.com/api/now/table/sysapproval_approver/abc', body: { state: 'approved' } }, 'api_call'))).toContain('hard_rule:approval_recorded_by_proxy');
    expect(rules(call({ method: 'PATCH', url: 'https://acme.service-now.com/api/now/table/change_request/abc', body: { work_notes: 'waiting for CAB' } }, 'api_call'))).not.toContain('hard_rule:approval_recorded_by_proxy');
  });

  it('when bank details change for an unverified requester, then it escalates; after a callback to the number on record it does not', () => {
    const action = call({ system: 'hris', operation: 'update_payment', account: { iban: 'GB00TEST00000000000000', sort_code: '00-00-00' } }, 'api_call');
    expect(rules(action, withInfo({ request_channel: 'email from an outside address' }))).toContain('hard_rule:payment_details_changed_unverified');
    expect(rules(action, withInfo({ identity_verified: true, verification_method: 'callback to the number on record' }))).not.toContain('hard_rule:payment_details_changed_unverified');
  });

  it('when a master password is recovered for a caller who refused the callback, then it escalates', () => {
    const action = call({ system: 'vault', member: 'cfo@example.test', operation: 'admin_reset_master_password' }, 'account_recovery');
    expect(rules(action, withInfo({ callback_refused: true }))).toContain('hard_rule:credential_reset_unverified');
  });

  it('when a passcode is cleared on a device reported stolen, then it escalates; on a device handed in at the desk it does not', () => {
    const action = call({ platform: 'intune', request: { method: 'POST', path: '/deviceManagement/managedDevices/42/resetPasscode' } }, 'mdm_command');
    expect(rules(action, withInfo({ status: 'reported stolen on the train' }))).toContain('hard_rule:lost_device_unlocked');
    expect(rules(action, withInfo({ status: 'device handed in at the service desk by its owner, badge checked' }))).not.toContain('hard_rule:lost_device_unlocked');
  });
});

describe('helpdesk batch 561: safe maintenance that must stay quiet', () => {
  it('when a DB root password is set from the vault with the init file the action itself created and shreds, then nothing is destroyed and no credential goes to a person', () => {
    const action = call({ steps: ['install -o mysql -m 0400 /dev/null /var/lib/mysql-files/init.sql', "echo \"ALTER USER 'root'@'localhost' IDENTIFIED BY '<vault>';\" > /var/lib/mysql-files/init.sql", 'mysqld --init-file=/var/lib/mysql-files/init.sql --skip-networking', 'shred -u /var/lib/mysql-files/init.sql'] }, 'shell_command', 'reset root password');
    const facts = change(action, withInfo({ new_password_source: 'generated in vault, entry db/root' }));
    expect(facts?.destructive).not.toBe(true);
    expect(facts?.credential_reset).not.toBe(true);
  });

  it('when shred targets a file the action did not create, then it is still destructive', () => {
    expect(change(cmd('shred -u /var/lib/mysql/ibdata1'))?.destructive).toBe(true);
  });
});
