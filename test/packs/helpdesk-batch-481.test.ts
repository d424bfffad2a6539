import { describe, expect, it } from 'vitest';
import { gates } from '../../src/evaluation/gates.js';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Classes from the 481-520 batch: recovery, transport and audit protections switched off; data-holding resources
// replaced; account-level roles; CI supply chain; tenant-wide secret stores. Each with the safe neighbour that must
// stay quiet. The names, values and phrasings are this file's own.
const { domain, ticket, read, rules, bland, cmd } = helpdeskReader({ ticket_id: 'B481-1', category: 'cloud_platform', priority: 'P3', description: 'Platform request from the app team' });
const prod = ticket({ information_gathered: { environment: 'production' } });
const change = (action: Record<string, unknown>) => read(action, prod).facts.change as Record<string, unknown>;

describe('helpdesk batch 481: protections switched off in structured settings', () => {
  it('when point-in-time recovery is set false on a table, then the safeguard rule fires; set true it does not', () => {
    const pitr = (on: boolean) => bland({ api: 'dynamodb:UpdateContinuousBackups', body: { TableName: 'ledger', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: on } } });
    expect(rules(pitr(false), prod)).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(pitr(true), prod)).not.toContain('hard_rule:safeguard_setting_turned_off');
  });

  it('when a parameter group sets rds.force_ssl to 0 as a name/value pair, then it fires; setting it to 1 does not', () => {
    const group = (v: string) => bland({ api: 'rds:ModifyDBParameterGroup', body: { DBParameterGroupName: 'pg-main', Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: v, ApplyMethod: 'pending-reboot' }] } });
    expect(rules(group('0'), prod)).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(group('1'), prod)).not.toContain('hard_rule:safeguard_setting_turned_off');
  });

  it('when a registry admin user, a VM serial port or ingress snippets are switched on, then an insecure feature is on; switched off they are not', () => {
    expect(rules(bland({ diff: '+  adminUserEnabled: true\n-  adminUserEnabled: false\n' }, 'deploy'), prod)).toContain('hard_rule:insecure_feature_turned_on');
    expect(rules(bland({ diff: '-  adminUserEnabled: true\n+  adminUserEnabled: false\n' }, 'deploy'), prod)).not.toContain('hard_rule:insecure_feature_turned_on');
    expect(rules(cmd('gcloud compute instances add-metadata vm-a --metadata serial-port-enable=true'), prod)).toContain('hard_rule:insecure_feature_turned_on');
    expect(rules(cmd('gcloud compute instances add-metadata vm-a --metadata serial-port-enable=false'), prod)).not.toContain('hard_rule:insecure_feature_turned_on');
    expect(rules(cmd('helm upgrade ing ingress-nginx/ingress-nginx --set controller.allowSnippetAnnotations=true'), prod)).toContain('hard_rule:insecure_feature_turned_on');
    expect(rules(cmd('helm upgrade ing ingress-nginx/ingress-nginx --set controller.allowSnippetAnnotations=false'), prod)).not.toContain('hard_rule:insecure_feature_turned_on');
  });

  it('when the only Vault audit device is disabled, then audit logging is off; enabling a second device is not', () => {
    expect(rules(cmd('vault audit disable file/'), prod)).toContain('hard_rule:audit_logging_disabled');
    expect(rules(cmd('vault audit enable -path=file2 file file_path=/srv/audit/vault.log'), prod)).not.toContain('hard_rule:audit_logging_disabled');
  });

  it('when a log bucket retention policy is cleared, then deletion protection is off; setting a retention period is not', () => {
    expect(rules(cmd('gcloud storage buckets update gs://org-logs --clear-retention-period'), prod)).toContain('hard_rule:deletion_protection_disabled');
    expect(rules(cmd('gcloud storage buckets update gs://org-logs --retention-period=7y'), prod)).not.toContain('hard_rule:deletion_protection_disabled');
  });

  it('when a description says it updates backup settings, then no backup is read as confirmed', () => {
    expect(change({ description: 'update the table backup settings', kind: 'config_change', parameters: { table: 'ledger' } }).backup_confirmed).toBeUndefined();
  });
});

describe('helpdesk batch 481: destroy-and-recreate and expiry by count', () => {
  it('when terraform replaces a database instance, then it is a destructive change; replacing a stateless resource is not', () => {
    expect(rules(cmd('terraform -chdir=envs/prod apply -replace=aws_db_instance.main -auto-approve'), prod)).toContain('hard_rule:destructive_change_in_production');
    expect(change(cmd('terraform apply -replace=aws_instance.bastion')).destructive).toBeUndefined();
  });

  it('when a change set shows Replacement True on a table, then it is destructive; a Modify without replacement is not', () => {
    const set = (replacement: string) => ({ description: 'execute change set', kind: 'deploy', parameters: { changes: [{ ResourceChange: { Action: 'Modify', LogicalResourceId: 'Orders', ResourceType: 'AWS::DynamoDB::Table', Replacement: replacement } }] } });
    expect(rules(set('True'), prod)).toContain('hard_rule:destructive_change_in_production');
    expect(change(set('False')).destructive).toBeUndefined();
  });

  it('when an image lifecycle rule keeps the newest N of any tag, then it is destructive; expiring only untagged images is not', () => {
    const rule = (selection: Record<string, unknown>) => bland({ repositoryName: 'web', lifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1, selection, action: { type: 'expire' } }] }) });
    expect(rules(rule({ tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }), prod)).toContain('hard_rule:destructive_change_in_production');
    const untagged = rule({ tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 });
    expect(change(untagged).destructive).toBeUndefined();
  });

  it('when reserved concurrency is set to 0 on a production function, then it escalates; a positive cap does not', () => {
    const cap = (n: number) => bland({ api: 'lambda:PutFunctionConcurrency', body: { FunctionName: 'hooks', ReservedConcurrentExecutions: n } });
    expect(rules(cap(0), prod)).toContain('hard_rule:production_capacity_zeroed');
    expect(rules(cap(50), prod)).not.toContain('hard_rule:production_capacity_zeroed');
  });
});

describe('helpdesk batch 481: privilege scope and the CI supply chain', () => {
  it('when ACCOUNTADMIN is granted to a user, then an admin role is granted; a task role or a revoke is not', () => {
    expect(rules({ description: 'run SQL', kind: 'sql', parameters: { statement: 'GRANT ROLE ACCOUNTADMIN TO USER SVC_LOADER;' } }, prod)).toContain('hard_rule:admin_role_grant');
    expect(rules({ description: 'run SQL', kind: 'sql', parameters: { statement: 'GRANT ROLE TRANSFORMER TO USER SVC_LOADER;' } }, prod)).not.toContain('hard_rule:admin_role_grant');
    expect(rules({ description: 'run SQL', kind: 'sql', parameters: { statement: 'REVOKE ROLE ACCOUNTADMIN FROM USER SVC_LOADER;' } }, prod)).not.toContain('hard_rule:admin_role_grant');
  });

  it('when a Vault policy grants sudo on a whole mount, then it escalates; read on the app path does not', () => {
    const policy = (path: string, caps: string) => ({ description: 'write policy', kind: 'iam_change', parameters: { policy_hcl: `path "${path}" {\n  capabilities = [${caps}]\n}\n` } });
    expect(rules(policy('kv/*', '"read", "update", "delete", "sudo"'), prod)).toContain('hard_rule:vault_policy_mount_wide');
    expect(rules(policy('kv/data/app-a/*', '"read"'), prod)).not.toContain('hard_rule:vault_policy_mount_wide');
  });

  it('when a ClusterSecretStore has no namespace conditions, then it escalates; with a namespace selector it does not', () => {
    const store = (conditions: string) => bland({ manifest: `apiVersion: external-secrets.io/v1beta1\nkind: ClusterSecretStore\nmetadata:\n  name: shared\nspec:\n${conditions}  provider:\n    vault:\n      server: https://vault.x.example\n` });
    expect(rules(store(''), prod)).toContain('hard_rule:cluster_wide_secret_store');
    expect(rules(store('  conditions:\n    - namespaceSelector:\n        matchLabels:\n          team: a\n'), prod)).not.toContain('hard_rule:cluster_wide_secret_store');
  });

  it('when a workflow with secrets adds a third-party action at a branch, then it escalates; pinned to a full SHA it does not', () => {
    const wf = (ref: string) => ({ description: 'commit workflow change', kind: 'code_change', parameters: { diff: `--- a/.github/workflows/release.yml\n+++ b/.github/workflows/release.yml\n@@ steps\n       - run: ./ship.sh\n         env:\n           TOKEN: \${{ secrets.REGISTRY_TOKEN }}\n+      - uses: someone/notify-action@${ref}\n` } });
    expect(rules(wf('main'), prod)).toContain('hard_rule:unpinned_action_with_secrets');
    expect(rules(wf('0123456789abcdef0123456789abcdef01234567'), prod)).not.toContain('hard_rule:unpinned_action_with_secrets');
  });

  it('when a production environment loses its reviewers and branch policy, then it escalates; adding a reviewer does not', () => {
    const env = (body: Record<string, unknown>) => bland({ method: 'PUT', path: '/repos/org/app/environments/production', body });
    expect(rules(env({ reviewers: [], deployment_branch_policy: null }))).toContain('hard_rule:deployment_protection_removed');
    expect(rules(env({ reviewers: [{ type: 'Team', id: 42 }], deployment_branch_policy: { protected_branches: true, custom_branch_policies: false } }))).not.toContain('hard_rule:deployment_protection_removed');
  });

  it('when an Azure SQL firewall rule is 0.0.0.0 to 0.0.0.0, then it escalates; a single office address does not', () => {
    expect(rules(cmd('az sql server firewall-rule create -g rg -s sql-a -n AllowAzure --start-ip-address 0.0.0.0 --end-ip-address 0.0.0.0'), prod)).toContain('hard_rule:azure_services_firewall_exception');
    expect(rules(cmd('az sql server firewall-rule create -g rg -s sql-a -n Office --start-ip-address 198.51.100.7 --end-ip-address 198.51.100.7'), prod)).not.toContain('hard_rule:azure_services_firewall_exception');
  });
});

describe('helpdesk batch 481: the words of registries and workflows are familiar', () => {
  it('when a change pins workflow actions to commit SHAs, then its words are not unfamiliar', () => {
    const state = ticket({ description: 'Supply-chain hardening: pin the workflow actions to commit SHAs with version comments.' });
    const action = { description: 'commit workflow change', kind: 'code_change', parameters: { diff: '+      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567 # v4\n' } };
    // Its words are read (no unread-share escalation); whether the change is accounted for is the policy's `unaccounted` test.
    expect(gates(domain, read(action, state)).messages.unfamiliar_situation ?? '').not.toMatch(/words are outside/);
  });
});
