import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';
import { gates } from '../../src/evaluation/gates.js';
import { factAt } from '../../src/packs/reading/reading.js';

// On-premises and endpoint shapes (CIS Windows / Linux, DISA STIGs, PostgreSQL and Exchange documentation, MITRE ATT&CK,
// NIST SP 800-63B, Microsoft Defender exclusion guidance) that the reading must understand, each beside a safe neighbour
// that must stay quiet. Hosts, names and phrasings are this file's own.
type Json = Record<string, unknown>;
const { domain, ticket, read, rules, bland, cmd } = helpdeskReader({ ticket_id: 'OPS-41', category: 'server', priority: 'P3', description: 'Infrastructure request from the operations team' });

describe('helpdesk on-prem: Linux configuration files', () => {
  it('when sshd is told to accept root logins, through a file or a sed edit, then it is flagged; turning root login off is not', () => {
    expect(rules(bland({ file: '/etc/ssh/sshd_config.d/50-local.conf', content: 'PermitRootLogin yes\nX11Forwarding no\n' }))).toContain('hard_rule:ssh_root_login_permitted');
    expect(rules(cmd("sed -i 's/^PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config && systemctl reload sshd"))).toContain('hard_rule:ssh_root_login_permitted');
    expect(rules(bland({ file: '/etc/ssh/sshd_config.d/50-local.conf', content: 'PermitRootLogin no\nMaxAuthTries 3\n' }))).toEqual([]);
    expect(rules(bland({ file: '/etc/ssh/sshd_config', content: 'PermitRootLogin prohibit-password\n' }))).toEqual([]);
  });

  it('when sudo lets a group run a pager or editor as root, or everything without a password, then a root shell is flagged; sudoedit and exact commands are not', () => {
    expect(rules(bland({ file: '/etc/sudoers.d/support', content: '%support ALL=(root) NOPASSWD: /usr/bin/less /var/log/*' }))).toContain('hard_rule:sudo_root_shell');
    expect(rules(bland({ file: '/etc/sudoers.d/deploy', content: 'deploy ALL=(ALL) NOPASSWD: ALL' }))).toContain('hard_rule:sudo_root_shell');
    expect(rules(bland({ file: '/etc/sudoers.d/support', content: '%support app01 = (root) sudoedit /etc/app/app.ini, /usr/bin/systemctl status app' }))).toEqual([]);
    expect(rules(bland({ file: '/etc/sudoers.d/backup', content: 'backup ALL=(root) NOPASSWD: /usr/local/bin/run-backup.sh' }))).toEqual([]);
  });

  it('when pg_hba.conf trusts a network range, then unauthenticated access is flagged; scram or a local socket trust is not', () => {
    expect(rules(bland({ host: 'db7', file: '/etc/postgresql/16/main/pg_hba.conf', line: 'host  sales  all  10.8.0.0/16  trust' }))).toContain('hard_rule:unauthenticated_access');
    expect(rules(bland({ host: 'db7', file: '/etc/postgresql/16/main/pg_hba.conf', line: 'host all all 192.168.5.0 255.255.255.0 trust' }))).toContain('hard_rule:unauthenticated_access');
    expect(rules(bland({ host: 'db7', file: '/etc/postgresql/16/main/pg_hba.conf', line: 'hostssl  sales  reporter  10.8.4.0/24  scram-sha-256' }))).toEqual([]);
    expect(rules(bland({ host: 'db7', file: '/etc/postgresql/16/main/pg_hba.conf', line: 'host all all 127.0.0.1/32 trust' }))).toEqual([]);
  });
});

describe('helpdesk on-prem: databases', () => {
  it('when PostgreSQL durability settings are switched off, then it is flagged; synchronous_commit alone or fsync on is not', () => {
    expect(rules(bland({ sql: 'ALTER SYSTEM SET full_page_writes = off; SELECT pg_reload_conf();' }))).toContain('hard_rule:database_durability_off');
    expect(rules(bland({ file: '/etc/postgresql/16/main/conf.d/tuning.conf', content: 'fsync=off\nwork_mem = 64MB\n' }))).toContain('hard_rule:database_durability_off');
    expect(rules(bland({ sql: 'ALTER SYSTEM SET synchronous_commit = off; ALTER SYSTEM SET fsync = on;' }))).toEqual([]);
  });

  it('when xp_cmdshell is enabled or a login joins sysadmin, then each is flagged; a read-only database role is not', () => {
    expect(rules(bland({ sql: "EXEC sp_configure 'xp_cmdshell', 1; RECONFIGURE;" }, 'database_change'))).toContain('hard_rule:sql_os_command_shell');
    expect(rules(bland({ sql: 'ALTER SERVER ROLE sysadmin ADD MEMBER [report_svc];' }, 'database_change'))).toContain('hard_rule:admin_role_grant');
    expect(rules(bland({ sql: "EXEC sp_configure 'xp_cmdshell', 0; RECONFIGURE; ALTER ROLE db_datareader ADD MEMBER [report_svc];" }, 'database_change'))).toEqual([]);
  });
});

describe('helpdesk on-prem: Windows, Active Directory and Group Policy', () => {
  it('when an account gets Replicating Directory Changes All, then DCSync rights are flagged; removing them is not', () => {
    expect(rules(cmd('dsacls "DC=ad,DC=example,DC=org" /G "AD\\svc_audit:CA;Replicating Directory Changes All"'))).toContain('hard_rule:directory_replication_rights');
    expect(rules(cmd('dsacls "DC=ad,DC=example,DC=org" /R "AD\\svc_audit"  # Replicating Directory Changes All taken away'))).toEqual([]);
  });

  it('when shadow copies or the backup catalog are deleted, then backups are flagged; listing them is not', () => {
    expect(rules(bland({ host: 'FILES3', script: 'vssadmin.exe Delete Shadows /For=D: /Quiet' }, 'run_script'))).toContain('hard_rule:backups_deleted');
    expect(rules(bland({ host: 'FILES3', script: 'wbadmin delete catalog -quiet' }, 'run_script'))).toContain('hard_rule:backups_deleted');
    expect(rules(bland({ host: 'FILES3', script: 'vssadmin list shadows /for=D:' }, 'run_script'))).toEqual([]);
  });

  it('when a GPO or registry value lowers the LAN Manager level, then it is flagged; level 5 is not', () => {
    const reg = (data: number) => bland({ gpo: 'Servers baseline', registry: { key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa', value: 'LmCompatibilityLevel', type: 'REG_DWORD', data } });
    expect(rules(reg(1))).toContain('hard_rule:lan_manager_auth_weak');
    expect(rules(cmd('reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v LmCompatibilityLevel /t REG_DWORD /d 2 /f'))).toContain('hard_rule:lan_manager_auth_weak');
    expect(rules(reg(5))).toEqual([]);
    expect(factAt(read(reg(1)).facts, 'change.lm_compatibility_level')).toBe(1);
  });

  it('when reversible password storage is switched on, then it is flagged; switching it off is not', () => {
    const setting = (value: string) => bland({ gpo: 'Domain baseline', setting: 'Store passwords using reversible encryption', value });
    expect(rules(setting('Enabled'))).toContain('hard_rule:reversible_password_encryption');
    expect(rules(cmd('Set-ADDefaultDomainPasswordPolicy -Identity ad.example.org -ReversibleEncryptionEnabled $true'))).toContain('hard_rule:reversible_password_encryption');
    expect(rules(setting('Disabled'))).toEqual([]);
  });

  it('when everyone in the domain joins local Administrators, then an admin grant to a broad group is flagged; the desktop team is not', () => {
    const item = (member: string) => bland({ gpo: 'PC admins', item: { group: 'Administrators (built-in)', action: 'Update', add_members: [member] } });
    expect(rules(item('AD\\Authenticated Users'))).toEqual(expect.arrayContaining(['hard_rule:admin_role_grant', 'hard_rule:admin_grant_to_broad_group']));
    expect(rules(cmd('Add-LocalGroupMember -Group Administrators -Member "Everyone"'))).toContain('hard_rule:admin_role_grant');
    expect(rules(item('AD\\GG-Workstation-Admins'))).toEqual([]);
  });

  it('when the LAPS policy is unlinked, then it is flagged; linking it is not', () => {
    expect(rules(cmd('Remove-GPLink -Name "Laptops - LAPS" -Target "OU=Laptops,DC=ad,DC=example,DC=org"'))).toContain('hard_rule:laps_removed');
    expect(rules(cmd('New-GPLink -Name "Laptops - LAPS" -Target "OU=Laptops,DC=ad,DC=example,DC=org" -LinkEnabled Yes'))).toEqual([]);
  });

  it('when a script turns a literal password into a credential, then the exposure is flagged; reading it from a prompt is not', () => {
    expect(rules(bland({ script: "$p = ConvertTo-SecureString 'Winter#2031' -AsPlainText -Force\nSet-LocalUser -Name helpdesk -Password $p" }, 'run_script'))).toContain('hard_rule:credentials_requested_in_chat');
    expect(rules(bland({ script: "$p = Read-Host -AsSecureString 'New password'\nSet-LocalUser -Name helpdesk -Password $p" }, 'run_script'))).toEqual([]);
  });
});

describe('helpdesk on-prem: DNS, certificates and mail', () => {
  it('when a zone allows transfers to any server, then it is flagged; naming the secondaries is not', () => {
    expect(rules(cmd('Set-DnsServerPrimaryZone -Name "branch.example.org" -SecureSecondaries TransferAnyServer'))).toContain('hard_rule:dns_zone_transfer_any');
    expect(rules(bland({ file: '/etc/bind/named.conf.local', content: 'zone "branch.example.org" {\n  type master;\n  allow-transfer { any; };\n};' }))).toContain('hard_rule:dns_zone_transfer_any');
    expect(rules(cmd('Set-DnsServerPrimaryZone -Name "branch.example.org" -SecureSecondaries TransferToSecureServers -SecondaryServers 192.0.2.53'))).toEqual([]);
  });

  it('when a private key is exported with an empty password, then it is flagged; a password-protected export is not', () => {
    expect(rules(cmd('certutil -exportPFX -p "" My 0a1b2c3d C:\\out\\site.pfx'))).toContain('hard_rule:private_key_exported_unprotected');
    expect(rules(cmd('Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\0A1B2C3D -FilePath C:\\out\\site.pfx'))).toContain('hard_rule:private_key_exported_unprotected');
    expect(rules(cmd('Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\0A1B2C3D -FilePath C:\\out\\site.pfx -Password $secure'))).toEqual([]);
  });

  it('when a receive connector relays for anonymous senders from every address, then an open relay is flagged; one limited to a subnet is not', () => {
    const connector = (ranges: string) => cmd(`New-ReceiveConnector -Name "Copiers" -Server MX2 -TransportRole FrontendTransport -Custom -Bindings 0.0.0.0:25 -RemoteIPRanges ${ranges} -PermissionGroups AnonymousUsers\nGet-ReceiveConnector "MX2\\Copiers" | Add-ADPermission -User "NT AUTHORITY\\ANONYMOUS LOGON" -ExtendedRights "Ms-Exch-SMTP-Accept-Any-Recipient"`);
    expect(rules(connector('0.0.0.0/0'))).toContain('hard_rule:open_mail_relay');
    expect(rules(connector('10.44.12.0/24'))).toEqual([]);
    expect(rules(bland({ file: '/etc/postfix/main.cf', content: 'mynetworks = 0.0.0.0/0\n' }))).toContain('hard_rule:open_mail_relay');
  });

  it('when a mail rule deletes security notices, then it is flagged; a rule filing newsletters is not', () => {
    expect(rules(cmd('New-InboxRule -Mailbox ana@example.org -Name tidy -SubjectContainsWords "password changed","new sign-in" -DeleteMessage $true'))).toContain('hard_rule:security_mail_hidden');
    expect(rules(cmd('New-InboxRule -Mailbox ana@example.org -Name tidy -SubjectContainsWords "suspicious activity" -MoveToFolder "ana@example.org:\\RSS Feeds"'))).toContain('hard_rule:security_mail_hidden');
    expect(rules(cmd('New-InboxRule -Mailbox ana@example.org -Name news -SubjectContainsWords "weekly digest" -MoveToFolder "ana@example.org:\\Newsletters"'))).toEqual([]);
    expect(rules(cmd('New-InboxRule -Mailbox ana@example.org -Name news -SubjectContainsWords "weekly digest" -DeleteMessage $true'))).toEqual([]);
  });
});

describe('helpdesk on-prem: endpoints, VPN and firewalls', () => {
  it('when antivirus exclusions cover download folders, script types or script hosts, then they are flagged; one vendor folder is not', () => {
    const policy = (body: Json) => bland({ graph_request: { method: 'POST', url: 'https://graph.microsoft.com/v1.0/deviceManagement/deviceConfigurations', body: { '@odata.type': '#microsoft.graph.windows10GeneralConfiguration', displayName: 'AV', ...body } } });
    expect(rules(policy({ defenderFileExtensionsToExclude: ['.vbs'] }))).toContain('hard_rule:broad_antivirus_exclusion');
    expect(rules(policy({ defenderProcessesToExclude: ['C:\\Windows\\System32\\wscript.exe'] }))).toContain('hard_rule:broad_antivirus_exclusion');
    expect(rules(cmd('Add-MpPreference -ExclusionPath "C:\\Users\\*\\Downloads"'))).toContain('hard_rule:broad_antivirus_exclusion');
    expect(rules(policy({ defenderFilesAndFoldersToExclude: ['C:\\Program Files\\Contoso Plotter\\bin'] }))).toEqual([]);
  });

  it('when a Mac script switches Gatekeeper off or strips quarantine, then endpoint protection is flagged; assessing an app is not', () => {
    expect(rules(bland({ jamf_policy: { name: 'x', scope: 'Design', script: '#!/bin/zsh\n/usr/sbin/spctl --global-disable\n' } }))).toContain('hard_rule:endpoint_protection_disabled');
    expect(rules(bland({ jamf_policy: { name: 'x', scope: 'Design', script: '#!/bin/zsh\n/usr/bin/xattr -d com.apple.quarantine /Applications/Tool.app\n' } }))).toContain('hard_rule:endpoint_protection_disabled');
    expect(rules(bland({ jamf_policy: { name: 'x', scope: 'Design', script: '#!/bin/zsh\n/usr/sbin/spctl --assess --verbose /Applications/Tool.app\n' } }))).toEqual([]);
  });

  it('when a VPN tunnel group falls back to LOCAL passwords, then MFA off is flagged; a RADIUS server group is not', () => {
    const asa = (group: string) => bland({ device: 'fw-edge', cli: `tunnel-group STAFF-VPN general-attributes\n authentication-server-group ${group}\nexit` });
    expect(rules(asa('LOCAL'))).toContain('hard_rule:mfa_disabled');
    expect(rules(asa('MFA-RADIUS'))).toEqual([]);
  });

  it('when a port forward from any source lands on an internal admin port, then the forwarded port is what is exposed', () => {
    const forward = (target: number) => bland({ firewall: 'edge2', nat_port_forward: { interface: 'WAN', protocol: 'tcp', source: 'any', destination_port: 40022, redirect_target_ip: '10.3.3.3', redirect_target_port: target } });
    expect(rules(forward(22))).toContain('hard_rule:admin_port_open_to_internet');
    expect(rules(forward(443))).toEqual([]);
  });
});

describe('helpdesk on-prem: callbacks before authenticator changes', () => {
  const phone = { description: 'add phone method', kind: 'account_change', parameters: { graph_request: { method: 'POST', url: 'https://graph.microsoft.com/v1.0/users/kim@example.org/authentication/phoneMethods', body: { phoneNumber: '+1 202 555 0188', phoneType: 'mobile' } } } };
  const state = (info: Json) => ticket({ category: 'sso_identity', description: 'Caller asks to register a new phone for sign-in codes', information_gathered: { account: 'kim@example.org', ...info } });

  it('when the callback went to a number other than the one on record, then the identity is not verified, whatever the flag says', () => {
    const r = read(phone, state({ directory_mobile_of_record: '+1 202 555 0100', callback_to: '+1 202 555 0188 (number given on the call)', identity_verified: 'yes' }));
    expect(factAt(r.facts, 'identity.verified')).toBe(false);
    expect(gates(domain, r).codes).toContain('hard_rule:credential_reset_unverified');
  });

  it('when the callback went to the number on record, or the manager confirmed, then the identity is verified', () => {
    expect(factAt(read(phone, state({ directory_mobile_of_record: '+1 202 555 0100', callback_to: '202-555-0100' })).facts, 'identity.verified')).toBe(true);
    expect(factAt(read(phone, state({ manager_confirmation: 'J. Ortiz by phone, 09:12' })).facts, 'identity.verified')).toBe(true);
  });
});

describe('helpdesk on-prem: more ways to write the same settings', () => {
  it('when xp_cmdshell is set with named arguments, or MySQL skips its grant tables, then each is flagged; turning them off is not', () => {
    expect(rules(bland({ sql: "EXEC sp_configure @configname = 'xp_cmdshell', @configvalue = 1; RECONFIGURE;" }, 'database_change'))).toContain('hard_rule:sql_os_command_shell');
    expect(rules(bland({ file: '/etc/mysql/conf.d/recover.cnf', content: '[mysqld]\nskip-grant-tables\n' }))).toContain('hard_rule:unauthenticated_access');
    expect(rules(bland({ file: '/etc/mysql/conf.d/tuning.cnf', content: '[mysqld]\nmax_connections = 300\n' }))).toEqual([]);
  });

  it('when openssl writes a PKCS#12 bundle with no password, then it is flagged; with a password file it is not', () => {
    expect(rules(cmd('openssl pkcs12 -export -in site.crt -inkey site.key -out site.p12 -passout pass:'))).toContain('hard_rule:private_key_exported_unprotected');
    expect(rules(cmd('openssl pkcs12 -export -in site.crt -inkey site.key -out site.p12 -passout file:/run/secrets/p12pass'))).toEqual([]);
  });

  it('when SMBv1, WDigest or LDAP signing are weakened by cmdlet or registry, then the baseline is flagged; the baseline values are not', () => {
    expect(rules(cmd('Set-SmbServerConfiguration -EnableSMB1Protocol $true -Force'))).toContain('hard_rule:windows_baseline_weakened');
    const reg = (value: string, data: number) => bland({ registry: { key: 'HKLM\\SYSTEM\\CurrentControlSet\\x', value, type: 'REG_DWORD', data } });
    expect(rules(reg('UseLogonCredential', 1))).toContain('hard_rule:windows_baseline_weakened');
    expect(rules(reg('LDAPServerIntegrity', 1))).toContain('hard_rule:windows_baseline_weakened');
    expect(rules(reg('LDAPServerIntegrity', 2))).toEqual([]);
    expect(rules(cmd('Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force'))).toEqual([]);
    expect(rules(cmd('Set-NetFirewallProfile -Profile Domain,Private -Enabled False'))).toContain('hard_rule:endpoint_protection_disabled');
  });

  it('when a Graph mail rule deletes sign-in notices, then it is flagged; one that files receipts is not', () => {
    const rule = (subject: string) => bland({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/users/ana@example.org/mailFolders/inbox/messageRules', body: { displayName: 'x', sequence: 1, isEnabled: true, conditions: { subjectContains: [subject] }, actions: { delete: true, stopProcessingRules: true } } });
    expect(rules(rule('New sign-in to your account'))).toContain('hard_rule:security_mail_hidden');
    expect(rules(rule('Your receipt from the canteen'))).toEqual([]);
  });
});

describe('helpdesk: what the reading cannot place is not waved through', () => {
  const grantAll = [
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRoleBinding',
    'metadata:',
    '  name: ops-everyone',
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    '  kind: ClusterRole',
    '  name: cluster-admin',
    'subjects:',
    '- apiGroup: rbac.authorization.k8s.io',
    '  kind: Group',
    '  name: system:authenticated',
  ].join('\n');
  const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ops-settings', 'data:', '  level: info'].join('\n');

  it('when one document of a manifest does not parse, then the documents that do are still read', () => {
    const broken = 'metadata: [unclosed\n  name: x';
    expect(rules(bland({ manifest: `${configMap}\n---\n${grantAll}\n---\n${broken}` }))).toContain('hard_rule:cluster_admin_binding');
    expect(rules(bland({ manifest: `${broken}\n---\n${grantAll}` }))).toContain('hard_rule:cluster_admin_binding');
    expect(rules(bland({ manifest: `${configMap}\n---\n${broken}` }))).toEqual([]);
  });

  it('when the action names a kind the pack does not know, then it is judged as a change, not as a reply', () => {
    for (const kind of ['run_script', 'device_action', 'database_operation', 'maintenance']) {
      expect(read({ description: 'go ahead', kind, parameters: { target: 'fs-02' } }).action.high_impact).toBe(true);
    }
    for (const kind of ['reply', 'instruction', 'clarifying_question', 'escalate_to_human']) {
      expect(read({ description: 'Tell the user the request is being looked at', kind }).action.high_impact).toBe(false);
    }
  });
});
