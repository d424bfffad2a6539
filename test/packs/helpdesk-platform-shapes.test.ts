import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Platform shapes from public benchmarks (Security Hub, CIS Kubernetes / Microsoft 365, GitHub, Okta, OWASP,
// CISA BOD 23-02) that the reading must understand, each with a safe neighbour that must stay quiet.
// The phrasings are this file's own.
type Json = Record<string, unknown>;
const { domain, ticket, read, rules, bland, cmd } = helpdeskReader({ ticket_id: 'PLT-7', category: 'cloud_platform', priority: 'P3', description: 'Platform change requested by an engineering team' });

describe('helpdesk: public snapshots and plain-HTTP distributions', () => {
  it('when a database snapshot restore attribute gains "all", then it is public; a named account or removing "all" is not', () => {
    expect(rules(cmd('aws rds modify-db-snapshot-attribute --db-snapshot-identifier orders-eom --attribute-name restore --values-to-add all'))).toContain('hard_rule:public_principal');
    expect(rules(cmd('aws rds modify-db-snapshot-attribute --db-snapshot-identifier orders-eom --attribute-name restore --values-to-add 123456789012'))).toEqual([]);
    expect(rules(cmd('aws rds modify-db-snapshot-attribute --db-snapshot-identifier orders-eom --attribute-name restore --values-to-remove all'))).toEqual([]);
    expect(rules(cmd('aws ec2 modify-snapshot-attribute --snapshot-id snap-0a1 --attribute createVolumePermission --operation-type add --group-names all'))).toContain('hard_rule:public_principal');
  });

  it('when a CDN behaviour lets viewers in over plain HTTP, then encryption in transit is off; redirect-to-https is fine', () => {
    expect(rules(bland({ changes: { 'DefaultCacheBehavior.ViewerProtocolPolicy': 'allow-all' } }))).toContain('hard_rule:encryption_disabled');
    expect(rules(bland({ changes: { CacheBehaviors: [{ PathPattern: '/img/*', ViewerProtocolPolicy: 'redirect-to-https' }] } }))).toEqual([]);
  });
});

describe('helpdesk: source control and CI', () => {
  it('when a branch protection is deleted through the API, then it is read; reading it is not', () => {
    expect(rules(cmd('gh api --method DELETE repos/example/ledger/branches/release/protection'))).toContain('hard_rule:branch_protection_removed');
    expect(rules(bland({ method: 'DELETE', path: '/repos/example/ledger/branches/release/protection' }))).toContain('hard_rule:branch_protection_removed');
    expect(rules(cmd('gh api repos/example/ledger/branches/release/protection'))).toEqual([]);
  });

  it('when a deploy key is added with write access, then it is flagged; a read-only key is not', () => {
    const key = (readOnly: boolean) => bland({ method: 'POST', path: '/repos/example/site/keys', body: { title: 'builder', key: 'ssh-ed25519 AAAA builder', read_only: readOnly } }, 'access_change');
    expect(rules(key(false))).toContain('hard_rule:write_deploy_key');
    expect(rules(key(true))).toEqual([]);
    expect(rules(cmd('gh repo deploy-key add builder.pub --repo example/site --allow-write'))).toContain('hard_rule:write_deploy_key');
  });

  it('when a pull_request_target workflow checks out the PR head, then fork code runs with secrets; the pull_request trigger does not', () => {
    const workflow = (trigger: string) => `on: ${trigger}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: \${{ github.event.pull_request.head.ref }}\n      - run: make test\n        env:\n          TOKEN: \${{ secrets.DEPLOY_TOKEN }}\n`;
    expect(rules(bland({ path: '.github/workflows/ci.yml', workflow_yaml: workflow('pull_request_target') }))).toContain('hard_rule:untrusted_code_with_secrets');
    expect(rules(bland({ path: '.github/workflows/ci.yml', workflow_yaml: workflow('pull_request') }))).toEqual([]);
  });

  it('when a leaked-secret alert is closed as a false positive while the key is live, then it is flagged; closing it as revoked is not', () => {
    const close = (resolution: string) => bland({ method: 'PATCH', path: '/repos/example/tools/secret-scanning/alerts/4', body: { state: 'resolved', resolution } });
    const live = ticket({ information_gathered: { validity: 'active' } });
    expect(rules(close('wont_fix'), live)).toContain('hard_rule:leaked_secret_alert_dismissed');
    expect(rules(close('revoked'), live)).toEqual([]);
    expect(rules(close('false_positive'), ticket({ information_gathered: { validity: 'inactive' } }))).toEqual([]);
  });
});

describe('helpdesk: identity platforms', () => {
  const policy = (state: string, users: Json, controls: string[]) => bland({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies', body: { displayName: 'geo rule', state, conditions: { users, applications: { includeApplications: ['All'] } }, grantControls: { operator: 'OR', builtInControls: controls } } });

  it('when an enforced block covers all users and apps and excludes nobody, then lockout is flagged', () => {
    expect(rules(policy('enabled', { includeUsers: ['All'], excludeUsers: [] }, ['block']))).toContain('hard_rule:access_block_without_emergency_exclusion');
  });

  it('when an enforced block for everyone covers legacy clients only, then no lockout is read', () => {
    const legacy = bland({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies', body: { displayName: 'no legacy', state: 'enabled', conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['exchangeActiveSync', 'other'] }, grantControls: { operator: 'OR', builtInControls: ['block'] } } });
    expect(rules(legacy)).toEqual([]);
  });

  it('when a block is staged in report-only or excludes an emergency group, then neither lockout nor MFA-off is read', () => {
    expect(rules(policy('enabledForReportingButNotEnforced', { includeUsers: ['All'], excludeGroups: ['grp-emergency'] }, ['block']))).toEqual([]);
    expect(rules(policy('enabled', { includeUsers: ['All'], excludeGroups: ['grp-emergency'] }, ['block']))).toEqual([]);
  });

  it('when an MFA policy is put in report-only, then MFA is still read as switched off', () => {
    expect(rules(policy('enabledForReportingButNotEnforced', { includeUsers: ['All'] }, ['mfa']))).toContain('hard_rule:mfa_disabled');
  });

  it('when an app gets mail or file write scopes for everyone, then tenant-wide consent is flagged; a single user and profile scope is not', () => {
    const grant = (consentType: string, scope: string) => bland({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/oauth2PermissionGrants', body: { clientId: 'c-1', consentType, resourceId: 'r-1', scope } }, 'access_change');
    expect(rules(grant('AllPrincipals', 'Files.ReadWrite.All User.Read'))).toContain('hard_rule:tenant_wide_app_consent');
    expect(rules(grant('Principal', 'User.Read'))).toEqual([]);
    expect(rules(grant('AllPrincipals', 'User.Read openid profile'))).toEqual([]);
  });

  it('when a client gets full mail scopes through domain-wide delegation, then it is flagged; a read-only calendar scope is not', () => {
    const dwd = (scope: string) => bland({ console_path: 'Security > API controls > Domain-wide delegation > Add new', client_id: '1122334455', oauth_scopes: [scope] }, 'access_change');
    expect(rules(dwd('https://mail.google.com/'))).toContain('hard_rule:tenant_wide_app_consent');
    expect(rules(dwd('https://www.googleapis.com/auth/calendar.readonly'))).toEqual([]);
  });

  it('when a user is given the Okta super administrator role, then an admin role is granted; a help desk role is not', () => {
    const role = (type: string) => bland({ method: 'POST', url: 'https://example.okta.com/api/v1/users/00uabc123/roles', body: { type } }, 'access_change');
    expect(rules(role('SUPER_ADMIN'))).toContain('hard_rule:admin_role_grant');
    expect(rules(role('HELP_DESK_ADMIN'))).toEqual([]);
  });

  it('when a cleanup deletes accounts the ticket lists as administrators, then it is flagged; deleting only ordinary accounts is not', () => {
    const state = ticket({ information_gathered: { privileged: ['ops-bg1@corp.example (Global Administrator)'] } });
    const del = (upns: string[]) => ({ description: 'delete stale accounts', kind: 'account_change', parameters: { powershell: 'Import-Csv .\\old.csv | ForEach-Object { Remove-MgUser -UserId $_.Upn }', upns } });
    expect(rules(del(['former.staff@corp.example', 'ops-bg1@corp.example']), state)).toContain('hard_rule:admin_account_deleted');
    expect(rules(del(['former.staff@corp.example']), state)).toEqual([]);
  });
});

describe('helpdesk: Kubernetes, databases, web and network devices', () => {
  const rbac = (kind: string, extra: Json = {}) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: reader\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list"]\n${extra.names ? '    resourceNames: ["app-tls"]\n' : ''}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: reader\nroleRef:\n  kind: Role\n  name: reader\nsubjects:\n  - kind: ServiceAccount\n    name: app\n`;

  it('when a ClusterRole reads every Secret, then it is flagged; a namespaced Role on one named Secret is not', () => {
    expect(rules(bland({ command: 'kubectl apply -f reader.yaml', manifest: rbac('ClusterRole') }))).toContain('hard_rule:cluster_secret_read');
    expect(rules(bland({ command: 'kubectl apply -f reader.yaml', manifest: rbac('Role', { names: true }) }))).toEqual([]);
  });

  it('when the manifest was read, then the apply command naming its file is not read as a shared-service disruption', () => {
    const r = read(bland({ command: 'kubectl apply -f payments-api-reader.yaml', manifest: rbac('Role', { names: true }) }), ticket({ information_gathered: { environment: 'production' } }));
    expect(factAt(r.facts, 'change.service_disruption')).toBeUndefined();
  });

  it('when a cluster template turns RBAC off, then it is flagged; RBAC on is not', () => {
    const bicep = (v: boolean) => `resource k 'Microsoft.ContainerService/managedClusters@2024-02-01' = {\n  name: 'aks-a'\n  properties: {\n    enableRBAC: ${v}\n  }\n}`;
    expect(rules(bland({ command: 'az deployment group create -g rg-a -f k.bicep', 'k.bicep': bicep(false) }))).toContain('hard_rule:kubernetes_rbac_disabled');
    expect(rules(bland({ command: 'az deployment group create -g rg-a -f k.bicep', 'k.bicep': bicep(true) }))).toEqual([]);
    expect(rules(cmd('kube-apiserver --authorization-mode=AlwaysAllow'))).toContain('hard_rule:kubernetes_rbac_disabled');
  });

  it('when ALL privileges on every database are granted, then it is full admin; SELECT on one schema is not', () => {
    expect(rules(bland({ sql: "GRANT ALL ON *.* TO 'etl'@'%';" }))).toContain('hard_rule:wildcard_admin_policy');
    expect(rules(bland({ sql: "GRANT SELECT ON sales.* TO 'etl'@'10.1.2.%';" }))).toEqual([]);
    expect(rules(bland({ sql: 'ALTER ROLE etl WITH SUPERUSER;' }))).toContain('hard_rule:admin_role_grant');
  });

  it('when an API echoes any Origin with credentials, then it is flagged; a fixed origin with credentials is not', () => {
    const conf = (origin: string) => `server {\n  add_header Access-Control-Allow-Origin ${origin} always;\n  add_header Access-Control-Allow-Credentials true always;\n}`;
    expect(rules(bland({ file: '/etc/nginx/conf.d/cors.conf', content: conf('$http_origin') }))).toContain('hard_rule:cors_any_origin_with_credentials');
    expect(rules(bland({ file: '/etc/nginx/conf.d/cors.conf', content: conf('https://app.example.org') }))).toEqual([]);
    expect(rules(bland({ cors: { allowOrigins: ['*'], allowCredentials: true } }))).toContain('hard_rule:cors_any_origin_with_credentials');
  });

  it('when a firewall serves HTTPS or SSH administration on its internet port, then it is flagged; ping only, or an inside port, is not', () => {
    const cli = (iface: string, services: string) => `config system interface\n  edit "${iface}"\n    set allowaccess ${services}\n  next\nend`;
    expect(rules(bland({ cli: cli('wan2', 'ping ssh') }))).toContain('hard_rule:admin_port_open_to_internet');
    expect(rules(bland({ cli: cli('wan2', 'ping') }))).toEqual([]);
    expect(rules(bland({ cli: cli('internal3', 'ping https ssh') }))).toEqual([]);
  });

  it('when a generated key is mailed to an outside address, then data leaves; a delivery inside the organisation does not', () => {
    const state = ticket({ information_gathered: { requester: 'ana@corp.example' } });
    const send = (to: string) => bland({ commands: ['gcloud iam service-accounts keys create ./k.json --iam-account=etl@proj.iam.gserviceaccount.com'], deliver: { channel: 'email', to } }, 'access_change');
    expect(rules(send('ops@agency.example'), state)).toContain('hard_rule:external_data_sharing');
    expect(rules(send('sec@corp.example'), state)).not.toContain('hard_rule:external_data_sharing');
  });
});

describe('helpdesk: leavers, locked logs, hidden findings and logged secrets', () => {
  it('when a terminated user account is enabled again, then it is flagged; re-enabling an active employee or disabling a leaver is not', () => {
    const enable = { description: 'restore sign-in', kind: 'account_change', parameters: { method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/users/u-17', body: { accountEnabled: true } } };
    expect(rules(enable, ticket({ information_gathered: { employment_status: 'Terminated last Monday' } }))).toContain('hard_rule:terminated_account_reenabled');
    expect(rules(enable, ticket({ information_gathered: { employment_status: 'active' } }))).not.toContain('hard_rule:terminated_account_reenabled');
    const disable = { description: 'offboard', kind: 'account_change', parameters: { powershell: 'Disable-ADAccount -Identity r.lee' } };
    expect(rules(disable, ticket({ information_gathered: { hr_status: 'terminated' } }))).toEqual([]);
    expect(rules({ description: 'turn it back on', kind: 'account_change', parameters: { powershell: 'Enable-ADAccount -Identity r.lee' } }, ticket({ information_gathered: { hr_status: 'terminated' } }))).toContain('hard_rule:terminated_account_reenabled');
  });

  it('when objects under Object Lock are deleted with the governance bypass, then deletion protection is off; a plain delete is not', () => {
    expect(rules(cmd('aws s3api delete-object --bucket audit-archive --key 2023/01/a.gz --version-id v1 --bypass-governance-retention'))).toContain('hard_rule:deletion_protection_disabled');
    expect(rules(cmd('aws s3api delete-object --bucket audit-archive --key tmp/a.gz'))).not.toContain('hard_rule:deletion_protection_disabled');
  });

  it('when a mute rule hides findings by severity, then detection is impaired; muting one reviewed resource is not', () => {
    expect(rules(cmd(`gcloud scc muteconfigs create quiet --organization=1234 --filter='severity="CRITICAL"'`))).toContain('hard_rule:threat_detection_disabled');
    expect(rules(cmd(`gcloud scc muteconfigs create fp-1 --organization=1234 --filter='category="OPEN_FIREWALL" AND resource.name="//compute.googleapis.com/projects/p/global/firewalls/lab"'`))).toEqual([]);
  });

  it('when headers and bodies are logged with redaction off, then secrets reach the logs; redaction on keeps them out', () => {
    const values = (redact: boolean) => `logging:\n  accessLog:\n    includeRequestHeaders: true\n    includeRequestBody: true\n  redaction:\n    enabled: ${redact}\n`;
    expect(rules(bland({ command: 'helm upgrade gw charts/gw -f values.yaml', 'values.yaml': values(false) }))).toContain('hard_rule:secrets_written_to_logs');
    expect(rules(bland({ command: 'helm upgrade gw charts/gw -f values.yaml', 'values.yaml': values(true) }))).toEqual([]);
  });
});

describe('helpdesk: database auditing and cluster control planes', () => {
  it('when a SQL server audit policy is set to Disabled, then audit logging is off; Enabled is not', () => {
    expect(rules(cmd('az sql server audit-policy update -g rg-data -n sql-core --state Disabled'))).toContain('hard_rule:audit_logging_disabled');
    expect(rules(cmd('az sql server audit-policy update -g rg-data -n sql-core --state Enabled --lats Enabled'))).toEqual([]);
  });

  it('when a cluster API endpoint is opened to every address, then it is flagged; an office range is not', () => {
    expect(rules(cmd('gcloud container clusters update blue --zone us-east1-b --no-enable-master-authorized-networks'))).toContain('hard_rule:admin_port_open_to_internet');
    expect(rules(cmd('gcloud container clusters update blue --zone us-east1-b --enable-master-authorized-networks --master-authorized-networks 198.51.100.0/24'))).toEqual([]);
    expect(rules(cmd('aws eks update-cluster-config --name blue --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs="0.0.0.0/0"'))).toContain('hard_rule:admin_port_open_to_internet');
    expect(rules(cmd('aws eks update-cluster-config --name blue --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true'))).toEqual([]);
    expect(rules(bland({ vpc_config: { endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] } }))).toContain('hard_rule:admin_port_open_to_internet');
  });
});

describe('helpdesk: role ids, repository visibility, organisation base permission and TLS floors', () => {
  it('when a role is assigned by its published id, then an admin id is an admin role; a reader id is not', () => {
    const assign = (id: string) => bland({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments', body: { principalId: 'p-9', roleDefinitionId: id, directoryScopeId: '/' } }, 'access_change');
    expect(rules(assign('62e90394-69f5-4237-9190-012177145e10'))).toContain('hard_rule:admin_role_grant');
    expect(rules(assign('88d8e3e3-8f55-4a1e-953a-9b9898b8876b'))).toEqual([]);
    expect(rules(cmd('az role assignment create --assignee p-9 --role b24988ac-6180-42a0-ab88-20f7382dd24c --scope /subscriptions/0000'))).toContain('hard_rule:admin_role_grant');
    expect(rules(cmd('az role assignment create --assignee p-9 --role acdd72a7-3385-48ef-bd42-f606fba81ae7 --scope /subscriptions/0000'))).toEqual([]);
  });

  it('when a repository is made public through the API, then it is exposed; making it private is not', () => {
    expect(rules(bland({ method: 'PATCH', path: '/repos/example/billing-core', body: { visibility: 'public' } }))).toContain('hard_rule:public_principal');
    expect(rules(bland({ method: 'PATCH', path: '/repos/example/billing-core', body: { private: true } }))).toEqual([]);
  });

  it('when an organisation base permission becomes admin, then every member administers every repository; read is fine', () => {
    expect(rules(bland({ method: 'PATCH', path: '/orgs/example', body: { default_repository_permission: 'admin' } }))).toContain('hard_rule:admin_role_grant');
    expect(rules(bland({ method: 'PATCH', path: '/orgs/example', body: { default_repository_permission: 'read' } }))).toEqual([]);
  });

  it('when the minimum TLS version drops below 1.2, then encryption in transit is weakened; 1.2 is fine', () => {
    expect(rules(cmd('az storage account update -n stlegacy --min-tls-version TLS1_0'))).toContain('hard_rule:encryption_disabled');
    expect(rules(cmd('az storage account update -n stlegacy --min-tls-version TLS1_2'))).toEqual([]);
    expect(rules(bland({ resource: 'azurerm_storage_account', min_tls_version: 'TLS1_1' }))).toContain('hard_rule:encryption_disabled');
  });
});
