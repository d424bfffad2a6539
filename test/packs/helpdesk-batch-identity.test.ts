import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Identity, endpoint, mail, SaaS and network administration shapes, each with a safe neighbour that must stay quiet.
// The phrasings and values are this file's own.
const { ticket, read, rules, bland, cmd } = helpdeskReader({ ticket_id: 'IDN-7', category: 'it_admin', priority: 'P3', description: 'Admin request from the service desk' });
const ps = (script: string) => ({ description: 'run script', kind: 'powershell', parameters: { script } });

describe('helpdesk: identity', () => {
  it('when account-reset rights are delegated at the domain root, then it is a privileged ACE; on one staff OU it is neither a reset nor a hazard', () => {
    expect(rules(cmd('dsacls "DC=ad,DC=example,DC=org" /I:S /G "AD\\Desk-Team:CA;Reset Password;user"'))).toContain('hard_rule:protected_ad_object_privileged_ace');
    const ou = read(cmd('dsacls "OU=Shop Floor,OU=People,DC=ad,DC=example,DC=org" /I:S /G "AD\\Desk-Team:CA;Reset Password;user"'));
    expect(ou.facts.change).not.toHaveProperty('credential_reset');
    expect(rules(cmd('dsacls "OU=Shop Floor,OU=People,DC=ad,DC=example,DC=org" /I:S /G "AD\\Desk-Team:WP;lockoutTime;user"'))).toEqual([]);
  });

  it('when a trusted named location covers most of the internet, then MFA is off; a small office range is not', () => {
    const loc = (cidrs: string[]) => bland({ body: { '@odata.type': '#microsoft.graph.ipNamedLocation', displayName: 'roaming', isTrusted: true, ipRanges: cidrs.map((c) => ({ cidrAddress: c })) } });
    expect(rules(loc(['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/1']))).toContain('hard_rule:mfa_disabled');
    expect(rules(loc(['192.0.2.32/28']))).toEqual([]);
  });

  it('when a recovery key is read out to an unverified caller, then it is a credential issued without verification; to a verified owner it is not', () => {
    const key = { description: 'read the key to the caller', kind: 'reply', parameters: { fetch: 'GET https://graph.microsoft.com/v1.0/informationProtection/bitlocker/recoveryKeys/abcd1234?$select=key' } };
    expect(rules(key, ticket({ information_gathered: { identity_verified: false } }))).toContain('hard_rule:credential_reset_unverified');
    expect(rules(key, ticket({ information_gathered: { identity_verified: true } }))).toEqual([]);
  });

  it('when new accounts get a first-day pass, then it is provisioning, not a reset; a pass for an existing user is still a reset', () => {
    const onboarding = ps("Import-Csv .\\starters.csv | ForEach-Object { New-ADUser -Name $_.Name -ChangePasswordAtLogon $true }\nPOST https://graph.microsoft.com/v1.0/users/{upn}/authentication/temporaryAccessPassMethods");
    expect(read(onboarding).facts.change).toMatchObject({ credential_reset: false });
    expect(rules(bland({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/users/kim@example.org/authentication/temporaryAccessPassMethods' }), ticket({ information_gathered: { identity_verified: false } }))).toContain('hard_rule:credential_reset_unverified');
  });
});

describe('helpdesk: endpoints', () => {
  it('when unassigned devices are marked compliant or update rings are paused, then a safeguard is off; the secure default and an expedite are not', () => {
    expect(rules(bland({ body: { settings: { secureByDefault: false } } }))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(bland({ body: { settings: { secureByDefault: true } } }))).toEqual([]);
    expect(rules(bland({ body: { featureUpdatesPaused: true } }))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(bland({ body: { featureUpdatesPaused: false, daysUntilForcedReboot: 3 } }))).toEqual([]);
  });

  it('when disk encryption is switched off by script, then encryption is off; enabling it is not', () => {
    expect(rules(cmd('sudo fdesetup disable -user admin'))).toContain('hard_rule:encryption_disabled');
    expect(rules(cmd('manage-bde -off C:'))).toContain('hard_rule:encryption_disabled');
    expect(rules(cmd('sudo fdesetup enable -user admin'))).toEqual([]);
  });

  it('when an extension is force-installed from a vendor host, then it is flagged; one from the Web Store is not', () => {
    expect(rules(bland({ policy: { ExtensionInstallForcelist: ['abcdefghijklmnopabcdefghijklmnop;https://cdn.vendor.example/ext.xml'] } }))).toContain('hard_rule:unvetted_browser_extension_forced');
    expect(rules(bland({ policy: { ExtensionInstallForcelist: ['abcdefghijklmnopabcdefghijklmnop;https://clients2.google.com/service/update2/crx'] } }))).toEqual([]);
  });

  it('when NLA or the Point and Print restriction is turned off, then the baseline is weakened; keeping them on is not', () => {
    expect(rules(ps("Set-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp' -Name UserAuthentication -Value 0"))).toContain('hard_rule:windows_baseline_weakened');
    expect(rules(ps("Set-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp' -Name UserAuthentication -Value 1"))).toEqual([]);
    expect(rules(ps("Set-GPRegistryValue -Name 'Desktops' -Key 'HKLM\\Software\\Policies\\Microsoft\\Windows NT\\Printers\\PointAndPrint' -ValueName RestrictDriverInstallationToAdministrators -Type DWord -Value 0"))).toContain('hard_rule:windows_baseline_weakened');
    expect(rules(ps("Set-GPRegistryValue -Name 'Desktops' -Key 'HKLM\\Software\\Policies\\Microsoft\\Windows NT\\Printers\\PointAndPrint' -ValueName RestrictDriverInstallationToAdministrators -Type DWord -Value 1"))).toEqual([]);
  });

  it('when hypervisor lockdown is exited and SSH started, then it is flagged; stopping SSH is not', () => {
    const open = rules(ps("Get-VMHost esx07 | ForEach-Object { ($_ | Get-View).ExitLockdownMode() }\nGet-VMHost esx07 | Get-VMHostService | Where-Object Key -eq 'TSM-SSH' | Start-VMHostService"));
    expect(open).toContain('hard_rule:safeguard_setting_turned_off');
    expect(open).toContain('hard_rule:insecure_feature_turned_on');
    expect(rules(ps("Get-VMHost esx07 | Get-VMHostService | Where-Object Key -eq 'TSM-SSH' | Stop-VMHostService -Confirm:$false"))).toEqual([]);
  });
});

describe('helpdesk: mail', () => {
  it('when Send As on another mailbox has no owner approval, then it is flagged; with the owner approval recorded it is not', () => {
    const grant = ps('Add-RecipientPermission -Identity boss@example.org -Trustee aide@example.org -AccessRights SendAs -Confirm:$false');
    expect(rules(grant, ticket({ information_gathered: { owner_approval: 'none yet' } }))).toContain('hard_rule:mailbox_impersonation_unapproved');
    expect(rules(grant, ticket({ information_gathered: { owner_approval: 'signed request from the mailbox owner, REQ-88' } }))).toEqual([]);
  });

  it('when an application gets Graph Mail.Read for the whole tenant, then it is tenant-wide consent; a scoped Exchange role is not', () => {
    expect(rules(bland({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/servicePrincipals/11111111-2222-3333-4444-555555555555/appRoleAssignments', body: { appRoleId: '810c84a8-4a9e-49e6-bf7d-12d183f40d01' } }))).toContain('hard_rule:tenant_wide_app_consent');
    expect(rules(ps('New-ManagementRoleAssignment -App 11111111-2222-3333-4444-555555555555 -Role "Application Mail.Read" -CustomResourceScope "Ops mailboxes"'))).toEqual([]);
  });

  it('when mailbox auditing is bypassed, then audit logging is off; turning the bypass off is not', () => {
    expect(rules(ps('Set-MailboxAuditBypassAssociation -Identity svc-mail@example.org -AuditBypassEnabled $true'))).toContain('hard_rule:audit_logging_disabled');
    expect(rules(ps('Set-MailboxAuditBypassAssociation -Identity svc-mail@example.org -AuditBypassEnabled $false'))).toEqual([]);
  });

  it('when a purge hard-deletes, then it is destructive; a soft-delete purge is not', () => {
    expect(read(ps('New-ComplianceSearchAction -SearchName "case-9" -Purge -PurgeType HardDelete -Confirm:$false')).facts.change).toMatchObject({ destructive: true });
    expect(read(ps('New-ComplianceSearchAction -SearchName "case-9" -Purge -PurgeType SoftDelete -Confirm:$false')).facts.change).not.toHaveProperty('destructive');
  });

  it('when a transport rule sets SCL -1 or SPF ends in +all, then a safeguard is off; SCL 9 and ~all are not', () => {
    expect(rules(ps('New-TransportRule -Name "trust vendor" -SenderDomainIs vendor.example -SetSCL -1'))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(ps('New-TransportRule -Name "junk vendor" -SenderDomainIs vendor.example -SetSCL 9'))).toEqual([]);
    expect(rules(bland({ type: 'TXT', new_value: 'v=spf1 include:mail.example.net +all' }))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(bland({ type: 'TXT', new_value: 'v=spf1 include:mail.example.net -all' }))).toEqual([]);
  });

  it('when a retention rule deletes chats in every location, then it is a bulk destructive change; a retain-only rule is not', () => {
    const rule = (action: string) => ps(`New-RetentionCompliancePolicy -Name chats -TeamsChatLocation All\nNew-RetentionComplianceRule -Name chats-rule -Policy chats -RetentionDuration 7 -RetentionComplianceAction ${action}`);
    expect(read(rule('Delete')).facts.change).toMatchObject({ destructive: true, bulk_scope: true });
    expect(read(rule('Keep')).facts.change).not.toHaveProperty('destructive');
  });

  it('when licences are removed from mailboxes the ticket says are on hold, then held data is at risk; with no hold it is not', () => {
    const strip = ps("Set-MgUserLicense -UserId box@example.org -AddLicenses @() -RemoveLicenses @('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee')");
    expect(rules(strip, ticket({ information_gathered: { mailbox: 'box@example.org, LitigationHoldEnabled True' } }))).toContain('hard_rule:legal_hold_data_destroyed');
    expect(rules(strip, ticket({ information_gathered: { mailbox: 'box@example.org, LitigationHoldEnabled False' } }))).toEqual([]);
  });
});

describe('helpdesk: SaaS and network', () => {
  it('when a Vault hold is deleted, then a safeguard is off; reading the hold is not', () => {
    expect(rules(bland({ method: 'DELETE', url: 'https://vault.googleapis.com/v1/matters/m-77/holds/h-12' }))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(bland({ method: 'GET', url: 'https://vault.googleapis.com/v1/matters/m-77/holds/h-12' }))).toEqual([]);
  });

  it('when a site guest user gets a sharing rule over records, then they are public; an internal sharing rule is not', () => {
    expect(rules(bland({ guestSharingRule: { object: 'Case', accessLevel: 'Read', sharedTo: 'portal guest' } }))).toContain('hard_rule:public_acl');
    expect(rules(bland({ sharingRule: { object: 'Case', accessLevel: 'Read', sharedTo: 'Support Agents role' } }))).toEqual([]);
  });

  it('when a guest SSID is bridged onto a LAN, then isolation is off; an open guest SSID in NAT mode is not', () => {
    expect(rules(bland({ url: 'https://api.meraki.com/api/v1/networks/N_1/wireless/ssids/2', method: 'PUT', body: { name: 'Visitors', authMode: 'psk', ipAssignmentMode: 'Bridge mode', defaultVlanId: 20 } }))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(bland({ url: 'https://api.meraki.com/api/v1/networks/N_1/wireless/ssids/2', method: 'PUT', body: { name: 'Visitors', authMode: 'open', ipAssignmentMode: 'NAT mode' } }))).toEqual([]);
  });
});
