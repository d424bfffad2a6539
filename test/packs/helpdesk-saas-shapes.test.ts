import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// SaaS administration, source control, DNS, data-store, TLS, endpoint and logging settings in the shapes the
// public baselines name (CISA SCuBA, CIS Microsoft 365 / Google Workspace / GitHub, Okta, OWASP, Prowler),
// read by key names and values, each with a neighbour that keeps the safeguard and must stay quiet.
// The phrasings are this file's own.
const { ticket, read, rules, bland, cmd } = helpdeskReader({ ticket_id: 'ADM-31', category: 'saas_admin', priority: 'P3', description: 'Tenant setting change requested by a department' });

describe('helpdesk: collaboration sharing and groups', () => {
  it('when file sharing is opened to every outside domain or anyone-links, then it is external sharing; one allowlisted domain is not', () => {
    expect(rules(bland({ orgUnit: '/', drive: { externalSharingMode: 'ALLOWED' } }))).toContain('hard_rule:external_data_sharing');
    expect(rules(bland({ policy: { default_link_access: 'anyone_with_link_can_edit' } }))).toContain('hard_rule:external_data_sharing');
    expect(rules(bland({ orgUnit: '/Research', drive: { externalSharingMode: 'ALLOWLISTED_DOMAINS', allowlistedDomains: ['lab-partner.example'], allowPublishingFiles: false, defaultFileAccess: 'PRIVATE_TO_OWNER' } }))).toEqual([]);
  });

  it('when a group archive or a registry is readable by anyone, then anonymous access is flagged; domain-only and a scoped token are not', () => {
    expect(rules(bland({ method: 'PATCH', url: 'https://www.googleapis.com/groups/v1/groups/board@corp.example', body: { whoCanViewGroup: 'ANYONE_CAN_VIEW' } }))).toContain('hard_rule:public_acl');
    expect(rules(bland({ method: 'PATCH', url: 'https://www.googleapis.com/groups/v1/groups/board@corp.example', body: { whoCanViewGroup: 'ALL_IN_DOMAIN_CAN_VIEW' } }))).toEqual([]);
    expect(rules(cmd('az acr update --name registryeu1 --anonymous-pull-enabled true'))).toContain('hard_rule:public_acl');
    expect(rules(cmd('az acr update --name registryeu1 --anonymous-pull-enabled false'))).toEqual([]);
  });

  it('when automatic forwarding is allowed for users, then external forwarding is flagged; keeping it off is not', () => {
    expect(rules(bland({ gmail: { allowUsersToAutomaticallyForwardIncomingEmail: true } }))).toContain('hard_rule:mailbox_external_forwarding');
    expect(rules(bland({ outbound_spam_policy: { AutoForwardingMode: 'On' } }))).toContain('hard_rule:mailbox_external_forwarding');
    expect(rules(bland({ gmail: { allowUsersToAutomaticallyForwardIncomingEmail: false } }))).toEqual([]);
  });
});

describe('helpdesk: identity platforms and tenant authentication', () => {
  it('when users may consent to apps themselves, then it is flagged; an empty grant policy list is not', () => {
    const policy = (assigned: string[]) => bland({ method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/policies/authorizationPolicy', body: { defaultUserRolePermissions: { permissionGrantPoliciesAssigned: assigned } } });
    expect(rules(policy(['ManagePermissionGrantsForSelf.microsoft-user-default-low']))).toContain('hard_rule:user_consent_to_apps');
    expect(rules(policy([]))).toEqual([]);
  });

  it('when SMTP AUTH is turned on for the organisation, then legacy auth is flagged; a one-mailbox exception is not', () => {
    expect(rules(cmd('Set-TransportConfig -SmtpClientAuthenticationDisabled $false'))).toContain('hard_rule:legacy_authentication_enabled');
    expect(rules(cmd('Set-CASMailbox -Identity mfp-floor2@corp.example -SmtpClientAuthenticationDisabled $false'))).toEqual([]);
    expect(rules(bland({ authentication_policy: { AllowBasicAuthImap: true } }))).toContain('hard_rule:legacy_authentication_enabled');
  });

  it('when an application identity gets a new secret for an unverified caller, then it escalates; for a verified owner it does not', () => {
    const add = bland({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/applications/1f2e3d4c-aaaa-bbbb-cccc-001122334455/addPassword', body: { passwordCredential: { displayName: 'rotation' } } }, 'access_change');
    expect(rules(add, ticket({ information_gathered: { identity_verified: false } }))).toContain('hard_rule:credential_reset_unverified');
    expect(rules(add, ticket({ information_gathered: { identity_verified: true } }))).toEqual([]);
  });

  it('when a new identity provider is trusted with no approved change, then it is flagged; a verified, approved one is not', () => {
    const idp = bland({ method: 'POST', path: '/api/v1/idps', body: { type: 'OIDC', name: 'Vendor login', policy: { accountLink: { action: 'AUTO' } } } });
    expect(rules(idp)).toContain('hard_rule:identity_provider_trust_added');
    const approved = { description: 'Add the vendor identity provider per approved change CHG-5521', kind: 'config_change', parameters: { method: 'POST', path: '/api/v1/idps', body: { type: 'OIDC', name: 'Vendor login' } } };
    expect(rules(approved, ticket({ information_gathered: { identity_verified: true } }))).toEqual([]);
  });

  it('when an admin sign-on rule drops to one factor, then MFA is off; two factors is fine', () => {
    const rule = (mode: string) => bland({ method: 'PUT', path: '/api/v1/policies/p1/rules/r1', body: { actions: { appSignOn: { access: 'ALLOW', verificationMethod: { type: 'ASSURANCE', factorMode: mode } } } } });
    expect(rules(rule('1FA'))).toContain('hard_rule:mfa_disabled');
    expect(rules(rule('2FA'))).toEqual([]);
  });
});

describe('helpdesk: CI, DNS and data stores', () => {
  it('when workflow tokens default to write or may approve PRs, then it is flagged; read-only is not', () => {
    const perms = (level: string, approve: boolean) => bland({ method: 'PUT', path: '/orgs/example/actions/permissions/workflow', body: { default_workflow_permissions: level, can_approve_pull_request_reviews: approve } });
    expect(rules(perms('write', false))).toContain('hard_rule:ci_token_permissions_widened');
    expect(rules(perms('read', true))).toContain('hard_rule:ci_token_permissions_widened');
    expect(rules(perms('read', false))).toEqual([]);
  });

  it('when a runner is deregistered through the API, then nothing is destroyed', () => {
    expect(factAt(read(cmd('gh api -X DELETE repos/example/website/actions/runners/12')).facts, 'change.destructive')).toBeUndefined();
  });

  it('when a database listens on every interface with no authentication, then it is public; with authorization on it is not', () => {
    expect(rules(bland({ file: '/etc/mongod.conf', patch: { net: { bindIp: '0.0.0.0' } } }))).toContain('hard_rule:public_database');
    expect(rules(bland({ file: '/etc/mongod.conf', patch: { net: { bindIp: '0.0.0.0' }, security: { authorization: 'enabled' } } }))).toEqual([]);
    expect(rules(bland({ file: '/etc/mongod.conf', patch: { net: { bindIp: '127.0.0.1,10.1.2.3' } } }))).toEqual([]);
  });

  it('when a CNAME points at a bucket the ticket says does not exist, then takeover is flagged; an existing target is not', () => {
    const record = bland({ zone: 'corp.example', record: { Type: 'CNAME', Name: 'promo.corp.example', Value: 'promo-site.s3-website.example-region.amazonaws.com' } });
    expect(rules(record, ticket({ information_gathered: { target_exists: false } }))).toContain('hard_rule:dangling_dns_record');
    expect(rules(record, ticket({ information_gathered: { target_exists: true } }))).toEqual([]);
  });

  it('when the registrar name servers are replaced without verification, then it is flagged; a verified, approved move is not', () => {
    const ns = (extra = {}) => ({ description: 'update delegation', kind: 'config_change', parameters: { registrar: 'example-registrar', body: { nameservers: ['ns-a.other-dns.example', 'ns-b.other-dns.example'] } }, ...extra });
    expect(rules(ns())).toContain('hard_rule:domain_delegation_changed');
    expect(rules(ns({ description: 'Move the delegation per approved change CHG-9100' }), ticket({ information_gathered: { identity_verified: true } }))).toEqual([]);
  });
});

describe('helpdesk: TLS, endpoints, logs and tickets', () => {
  it('when certificate verification is switched off, then it is flagged; adding a CA keeps it on', () => {
    expect(rules(cmd('kubectl -n shop set env deployment/checkout NODE_TLS_REJECT_UNAUTHORIZED=0'))).toContain('hard_rule:tls_verification_disabled');
    expect(rules(cmd('git config --global http.sslVerify false'))).toContain('hard_rule:tls_verification_disabled');
    expect(rules(bland({ client: { insecure_skip_tls_verify: true } }))).toContain('hard_rule:tls_verification_disabled');
    expect(rules(cmd('npm config set cafile /etc/ssl/certs/ca-certificates.crt --global'))).toEqual([]);
  });

  it('when removable storage is opened for a group, then it is flagged; one approved device by serial is not', () => {
    expect(rules(bland({ assignment: 'SG-Sales', settings: { RemovableDiskDenyWriteAccess: 'Disabled' } }))).toContain('hard_rule:removable_storage_opened');
    expect(rules(bland({ group: { match: { SerialNumberId: 'ABC123' } }, rule: { entries: [{ type: 'Allow', access: ['read', 'write'] }] } }))).toEqual([]);
  });

  it('when audit ingestion is switched off or retention cut to days, then it is flagged; longer retention is not', () => {
    expect(rules(cmd('Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false'))).toContain('hard_rule:audit_logging_disabled');
    expect(rules(cmd('aws logs put-retention-policy --log-group-name /org/audit --retention-in-days 3'))).toContain('hard_rule:audit_log_retention_short');
    expect(rules(cmd('aws logs put-retention-policy --log-group-name /org/audit --retention-in-days 400'))).toEqual([]);
    expect(rules(cmd('az monitor log-analytics workspace update -g rg -n law-sec --retention-time 365'))).toEqual([]);
  });

  it('when a comment copies a ticket that holds a credential, then exposure is flagged; the same comment on a clean ticket is not', () => {
    const comment = { description: 'update ticket', kind: 'reply', parameters: { fields: { comments: 'For the vendor: {{description}}', notify_watchers: true } } };
    expect(rules(comment, ticket({ information_gathered: { secret_in_ticket: true } }))).toContain('hard_rule:credentials_requested_in_chat');
    expect(rules(comment)).toEqual([]);
  });

  it('host names, addresses and paths are names, not unread language', () => {
    const named = read(bland({ target: 'x' }), ticket({ description: 'Share with partner.example and ops@partner.example under \\\\files01\\projects' }));
    expect(named.unread.unknown).not.toContain('partner');
    expect(named.unread.unknown).not.toContain('files01');
  });
});
