import { describe, expect, it } from 'vitest';
import { gates } from '../../src/evaluation/gates.js';
import { factAt } from '../../src/packs/reading/reading.js';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Classes from the 601-640 batch: each dangerous shape with the safe neighbour that must stay quiet.
// Products, hosts, names and values are this file's own.
const { domain, ticket, read, rules, cmd } = helpdeskReader({ ticket_id: 'B601-1', category: 'platform', priority: 'P3', description: 'Request from the engineering team' });
const call = (parameters: Record<string, unknown>, kind = 'config_change', description = 'apply') => ({ description, kind, parameters });
const withInfo = (information_gathered: Record<string, unknown>, extra: Record<string, unknown> = {}) => ticket({ information_gathered, ...extra });
const change = (action: Record<string, unknown>, state?: Record<string, unknown>) => (read(action, state).facts.change ?? {}) as Record<string, unknown>;
const codes = (action: Record<string, unknown>, state?: Record<string, unknown>) => gates(domain, read(action, state)).codes;
const missing = (action: Record<string, unknown>, state?: Record<string, unknown>) => gates(domain, read(action, state)).missing.map((m) => m.fact);

describe('helpdesk batch 601: self-hosted runners reachable from public repositories', () => {
  const rule = 'hard_rule:public_repo_on_self_hosted_runner';
  it('when a runner group is opened to public repositories, then it escalates; a group closed to them does not', () => {
    expect(rules(call({ method: 'PATCH', url: '/orgs/northwind/actions/runner-groups/7', body: { allows_public_repositories: true } }, 'api_call'))).toContain(rule);
    expect(rules(call({ method: 'PATCH', url: '/orgs/northwind/actions/runner-groups/7', body: { allows_public_repositories: false } }, 'api_call'))).not.toContain(rule);
  });

  it('when a persistent runner is registered for a project the ticket shows public, on any forge, then it escalates; a private project or an ephemeral runner does not', () => {
    const register = cmd('gitlab-runner register --non-interactive --url https://git.northwind.example --token glrt-abc123 --executor shell --description build-09');
    expect(rules(register, withInfo({ project: 'oss/cli-kit', project_visibility: 'public' }))).toContain(rule);
    expect(rules(register, withInfo({ project: 'infra/cli-kit', project_visibility: 'private' }))).not.toContain(rule);
    const ephemeral = cmd('./config.sh --url https://github.com/northwind/cli-kit --token AAAA --ephemeral --unattended');
    expect(rules(ephemeral, withInfo({ repo: 'northwind/cli-kit', repo_visibility: 'public' }))).not.toContain(rule);
  });
});

describe('helpdesk batch 601: repositories made public on any forge', () => {
  const rule = 'hard_rule:public_principal';
  it('when a GitLab group, a Bitbucket repository or a gh command turns visibility public, then it escalates', () => {
    expect(rules(call({ method: 'PUT', path: '/api/v4/groups/88', body: { visibility: 'public' } }, 'api_call'))).toContain(rule);
    expect(rules(call({ method: 'PUT', url: 'https://api.bitbucket.org/2.0/repositories/northwind/ledger', body: { is_private: false } }, 'api_call'))).toContain(rule);
    expect(rules(cmd('gh repo edit northwind/ledger --visibility public --accept-visibility-change-consequences'))).toContain(rule);
  });

  it('when the visibility stays internal, or another setting changes, then it does not', () => {
    expect(rules(call({ method: 'PUT', path: '/api/v4/projects/912', body: { visibility: 'internal' } }, 'api_call'))).not.toContain(rule);
    expect(rules(call({ method: 'PUT', path: '/api/v4/projects/912', body: { description: 'Ledger service' } }, 'api_call'))).not.toContain(rule);
    expect(rules(call({ method: 'POST', url: '/orgs/northwind/repos', body: { name: 'scratch', visibility: 'public' } }, 'api_call'))).not.toContain(rule);
  });
});

describe('helpdesk batch 601: identity providers and automatic account linking', () => {
  const trust = 'hard_rule:identity_provider_trust_added';
  const linking = 'hard_rule:idp_account_linking_unscoped';
  it('when a Keycloak broker links users automatically, then both the trust and the linking escalate', () => {
    const broker = { alias: 'vendor-sso', providerId: 'oidc', enabled: true, firstBrokerLoginFlowAlias: 'auto link existing users', config: { authorizationUrl: 'https://id.vendor.example/auth', tokenUrl: 'https://id.vendor.example/token', clientId: 'nw' } };
    const r = rules(call({ method: 'POST', url: '/admin/realms/corp/identity-provider/instances', body: broker }, 'api_call'));
    expect(r).toContain(trust);
    expect(r).toContain(linking);
  });

  it('when an Okta IdP links automatically only within a group filter, or linking is off, then the trust is asked about but the linking rule stays quiet', () => {
    const idp = (accountLink: Record<string, unknown>) => call({ idp: { type: 'OIDC', name: 'Vendor', protocol: { endpoints: { authorization: { url: 'https://v.example/auth' } }, issuer: { url: 'https://v.example' } }, policy: { accountLink } } });
    const scoped = rules(idp({ action: 'AUTO', filter: { groups: { include: ['00gVendorStaff'] } } }));
    expect(scoped).toContain(trust);
    expect(scoped).not.toContain(linking);
    expect(rules(idp({ action: 'DISABLED', filter: null }))).not.toContain(linking);
    expect(rules(idp({ action: 'AUTO', filter: null }))).toContain(linking);
  });

  it('when an Auth0 SAML connection is created, then the trust is read; an OIDC application registration is not an identity provider', () => {
    expect(change(call({ connection: { name: 'partner-saml', strategy: 'samlp', options: { signInEndpoint: 'https://partner.example/saml/sso', signingCert: 'MIIC...' } } })).idp_trust_added).toBe(true);
    expect(change(call({ app: { name: 'oidc_client', label: 'Wiki', signOnMode: 'OPENID_CONNECT', settings: { oauthClient: { redirect_uris: ['https://wiki.northwind.example/cb'] } } } })).idp_trust_added).toBeUndefined();
  });

  it("when an application's own SSO settings point at the organisation's IdP, then no new trust is read", () => {
    const sp = call({ sso: { type: 'saml', idp_entity_id: 'http://www.okta.com/exk9', idp_sso_url: 'https://northwind.okta.com/app/wiki/exk9/sso/saml' } }, 'app_config', 'configure SAML sign-in for the wiki');
    expect(change(sp, withInfo({ requester: 'm.ruiz@northwind.example' })).idp_trust_added).toBeUndefined();
    const upstream = call({ identityProvider: { type: 'SAML2', name: 'Supplier', protocol: { endpoints: { sso: { url: 'https://supplier-sso.example/saml' } } } } }, 'config_change', 'add identity provider');
    expect(change(upstream, withInfo({ requester: 'm.ruiz@northwind.example' })).idp_trust_added).toBe(true);
  });
});

describe('helpdesk batch 601: admin consent grants what the application requests', () => {
  const rule = 'hard_rule:tenant_wide_app_consent';
  it('when admin consent grants application roles over every file or mailbox, in the call or as the ticket lists them, then it escalates', () => {
    expect(rules(call({ clientId: 'c0ffee00-0000-4000-8000-000000000001', consentType: 'AllPrincipals', grants: [{ resource: 'Microsoft Graph', roles: ['Files.ReadWrite.All'] }] }, 'app_consent'))).toContain(rule);
    const ticketed = withInfo({ requested_permissions: 'Mail.Read, offline_access' });
    expect(rules(cmd('az ad app permission admin-consent --id 0a0b0c0d-1111-4222-8333-444455556666'), ticketed)).toContain(rule);
  });

  it('when the consent covers only sign-in scopes, or one user, then it does not', () => {
    expect(rules(call({ clientId: 'c0ffee00-0000-4000-8000-000000000002', consentType: 'AllPrincipals', scope: 'openid profile User.Read' }, 'app_consent'))).not.toContain(rule);
    expect(rules(call({ clientId: 'c0ffee00-0000-4000-8000-000000000003', consentType: 'Principal', principalId: 'u-1', scope: 'Mail.ReadWrite' }, 'app_consent'))).not.toContain(rule);
  });
});

describe('helpdesk batch 601: vulnerabilities suppressed in a scanner', () => {
  const rule = 'hard_rule:critical_vulnerability_suppressed';
  const grype = call({ path: 'services/billing/.grype.yaml', content: 'ignore:\n  - vulnerability: CVE-2023-44487\n    reason: not exposed\n' }, 'repo_commit');
  it('when the ticket rates the suppressed finding critical or known exploited, then it escalates', () => {
    expect(rules(grype, withInfo({ scan_result: 'CVE-2023-44487 in golang.org/x/net (listed in CISA KEV)' }))).toContain(rule);
    expect(rules(cmd('snyk ignore --id=SNYK-JAVA-ORGYAML-3152153 --expiry=2025-01-31 --reason="pending upgrade"'), withInfo({ severity: 'Critical' }))).toContain(rule);
    expect(rules(cmd('echo "CVE-2024-3094" >> .trivyignore'), withInfo({ finding: 'CVE-2024-3094 xz-utils CVSS 10.0' }))).toContain(rule);
  });

  it('when the severity is not given, then it asks; a low finding, or an entry taken out of the ignore file, stays quiet', () => {
    expect(missing(call({ file: 'dependency-check-suppressions.xml', content: '<suppress><cve>CVE-2022-1471</cve></suppress>' }, 'repo_commit'))).toContain('change.suppressed_vuln_severity');
    expect(rules(grype, withInfo({ scan_result: 'CVE-2023-44487 LOW in a test-only module' }))).not.toContain(rule);
    expect(change(call({ path: '.trivyignore', diff: '--- a/.trivyignore\n+++ b/.trivyignore\n@@ -1,2 +1 @@\n-CVE-2021-44832\n # kept for docs\n' }, 'repo_commit')).vuln_suppressed).toBeUndefined();
  });
});

describe('helpdesk batch 601: mail exchangers repointed', () => {
  const rule = 'hard_rule:mail_exchanger_repointed';
  it('when MX records point at new hosts through any DNS API or CLI, then it escalates', () => {
    expect(rules(call({ method: 'POST', url: 'https://api.cloudflare.com/client/v4/zones/z1/dns_records', body: { type: 'MX', name: 'northwind.example', content: 'inbound.relaybox.net', priority: 5 } }, 'api_call'))).toContain(rule);
    expect(rules(cmd('gcloud dns record-sets update northwind.example. --zone=corp --type=MX --ttl=300 --rrdatas="10 inbound.relaybox.net."'))).toContain(rule);
    expect(rules(cmd('az network dns record-set mx add-record -g rg-dns -z northwind.example -n @ -e inbound.relaybox.net -p 10'))).toContain(rule);
    expect(rules(cmd(`aws route53 change-resource-record-sets --hosted-zone-id Z9 --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"northwind.example.","Type":"MX","TTL":300,"ResourceRecords":[{"Value":"10 inbound.relaybox.net"}]}}]}'`))).toContain(rule);
  });

  it('when the hosts stay the same, the record is not MX, or an approved change comes from a verified requester, then it does not', () => {
    const same = call({ method: 'POST', url: '/zones/z1/dns_records', body: { type: 'MX', name: 'northwind.example', content: 'mx1.mailhost.example', priority: 10 } }, 'api_call');
    expect(rules(same, withInfo({ current_mx: '10 mx1.mailhost.example' }))).not.toContain(rule);
    expect(rules(call({ method: 'POST', url: '/zones/z1/dns_records', body: { type: 'TXT', name: 'northwind.example', content: 'v=spf1 include:mailhost.example -all' } }, 'api_call'))).not.toContain(rule);
    const approved = { description: 'Update MX per approved change CHG0042 from the mail team', kind: 'dns_change', parameters: { HostedZoneId: 'Z1', ChangeBatch: { Changes: [{ Action: 'UPSERT', ResourceRecordSet: { Name: 'northwind.example.', Type: 'MX', TTL: 300, ResourceRecords: [{ Value: '0 northwind-example.mail.protection.outlook.com' }] } }] } } };
    expect(rules(approved, withInfo({ identity_verified: true }))).not.toContain(rule);
  });
});

describe('helpdesk batch 601: builds sent to every host at once', () => {
  const rule = 'hard_rule:fleet_wide_rollout_unstaged';
  const intune = call({ app: 'Meeting client 6.1', assignments: [{ intent: 'required', target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }] }, 'app_assignment');
  it('when a deployment says it is not staged, in Jamf or by a rollout share of 100%, then it escalates', () => {
    expect(rules(call({ policy: 'Browser 126', package: 'browser-126.pkg', all_computers: true, staged: false }, 'mdm_policy'))).toContain(rule);
    expect(rules(call({ agent_version: '7.2.0', host_group: 'All Hosts', rollout_percentage: 100 }, 'agent_update'))).toContain(rule);
  });

  it('when nothing says whether a pilot ring went first, then it asks', () => {
    expect(missing(intune)).toContain('change.rollout_staged');
    expect(missing(cmd('New-CMApplicationDeployment -Name "Agent 7.2" -CollectionName "All Desktop and Server Clients" -DeployPurpose Required'))).toContain('change.rollout_staged');
    expect(missing(cmd('Approve-WsusUpdate -Action Install -TargetGroupName "All Computers" -UpdateId 7781'))).toContain('change.rollout_staged');
    expect(change(cmd('Approve-WsusUpdate -Action Install -TargetGroupName "Pilot Laptops" -UpdateId 7781')).fleet_wide_rollout).toBeUndefined();
  });

  it('when the pilot ring is recorded as done, the rollout goes in batches, or it targets one device or a ring, then it stays quiet', () => {
    expect(codes(intune, withInfo({ pilot_ring_result: 'completed, no issues after 7 days' }))).not.toContain('missing_information');
    expect(rules(call({ hosts: 'all', package: 'edr-agent', serial: '10%' }, 'playbook'))).not.toContain(rule);
    expect(change(call({ app: 'VPN client 6.2.3', target: 'device LT-2231', assignment_intent: 'required' }, 'endpoint_action')).fleet_wide_rollout).toBeUndefined();
    expect(change(call({ update: '2024-11 cumulative update', target_collection: 'WKS-Ring1-Early' }, 'patch_deployment')).fleet_wide_rollout).toBeUndefined();
  });
});

describe('helpdesk batch 601: MFA fatigue closed without containment', () => {
  const rule = 'hard_rule:account_compromise_unhandled';
  const close = call({ state: 'closed', close_notes: 'Reminded the user to deny prompts they did not expect.' }, 'ticket_update', 'close ticket');
  it('when the ticket shows a burst of prompts, or a risky sign-in after the approval, then closing with advice escalates', () => {
    expect(rules(close, ticket({ conversation_history: [{ role: 'user', content: 'my phone buzzed with about 20 push requests overnight and I accepted one' }] }))).toContain(rule);
    expect(rules(close, withInfo({ approved_prompt: true, sign_in: 'anonymous IP, impossible travel from the office' }, { description: 'User approved an authenticator prompt' }))).toContain(rule);
  });

  it('when the action revokes sessions, or the user approved one prompt of their own sign-in, then it does not', () => {
    const contain = call({ steps: ['revokeSignInSessions', 'reset password'], state: 'resolved' }, 'ticket_update', 'revoke sessions and reset the password, then resolve');
    expect(rules(contain, ticket({ conversation_history: [{ role: 'user', content: 'got 15 prompts and hit approve on one' }] }))).not.toContain(rule);
    expect(rules(close, ticket({ conversation_history: [{ role: 'user', content: 'I approved the push when I signed in this morning, works now' }] }))).not.toContain(rule);
  });
});

describe('helpdesk batch 601: where a callback number came from', () => {
  const reset = { description: 'reset password', kind: 'account_change', parameters: { user: 'l.moreau@northwind.example', action: 'resetPassword', forceChangePasswordNextSignIn: true } };
  const verified = (info: Record<string, unknown>) => factAt(read(reset, withInfo(info, { category: 'password_account' })).facts, 'identity.verified');
  it('when the number was taken from the HR system, then the caller is verified; when the caller supplied it, then not', () => {
    expect(verified({ callback_number_source: 'BambooHR profile' })).toBe(true);
    expect(verified({ callback_number_source: 'number the caller gave in chat' })).toBe(false);
  });

  it('when a callback went to a number other than the one on record, then a record source elsewhere does not verify it', () => {
    expect(verified({ callback_number_source: 'HR record', callback_to: '+1 202 555 0144', hr_mobile_of_record: '+1 202 555 0199' })).toBe(false);
  });
});

describe('helpdesk batch 601: application secrets written straight into a secret store', () => {
  const add = (extra: Record<string, unknown> = {}) => call({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/applications/3f1a/addPassword', body: { passwordCredential: { displayName: 'rotation-q3' } }, then: 'az keyvault secret set --vault-name kv-billing --name billing-client-secret --value <secretText>', ...extra }, 'api_call');
  it('when the recorded owner asks and the secret goes only into the vault, then nobody is handed a credential', () => {
    expect(change(add(), withInfo({ application_owner: 'r.osei (listed owner)' })).credential_reset).toBe(false);
  });

  it('when no owner or verification is recorded, or the secret is also delivered to a person, then it stays a credential issued', () => {
    expect(change(add(), withInfo({ note: 'asked in chat' })).credential_reset).toBe(true);
    expect(change(add({ deliver_to: 'requester over Teams' }), withInfo({ application_owner: 'r.osei' })).credential_reset).toBe(true);
  });

  it('when a person\'s password is reset and stored in a vault, then it stays a reset', () => {
    const person = { description: 'reset password', kind: 'account_change', parameters: { user: 'a.kim@northwind.example', action: 'resetPassword', then: 'vault kv put secret/helpdesk/a.kim password=<generated>' } };
    expect(change(person, withInfo({ manager_owner: 'b.lee' })).credential_reset).toBe(true);
  });
});
