import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Cloud and infrastructure-as-code operations (Terraform, Kubernetes, GCP, AWS Organizations, Azure Policy, DNS,
// SQL, lifecycle rules, OIDC trust), each with a safe neighbour that must stay quiet. The phrasings are this file's own.
const { ticket, rules, bland, cmd } = helpdeskReader({ ticket_id: 'CLD-12', category: 'cloud_platform', priority: 'P3', description: 'Infrastructure request from a product team' });

describe('helpdesk: forces that skip a safety check', () => {
  it('when Terraform state is pushed with -force, then it is flagged; a plain plan is not', () => {
    expect(rules(cmd('terraform state push -force ./backup.tfstate'))).toContain('hard_rule:safety_check_bypassed');
    expect(rules(cmd('terraform plan -lock=true -out tf.plan'))).toEqual([]);
  });

  it('when a lock is force-unlocked while its apply still runs (or nobody shows it is gone), then it is flagged; a lock whose job was cancelled is not', () => {
    const unlock = cmd('terraform force-unlock 11111111-2222-3333-4444-555555555555');
    expect(rules(unlock, ticket({ information_gathered: { ci_job: 'running: apply stage' } }))).toContain('hard_rule:safety_check_bypassed');
    expect(rules(unlock, ticket({ information_gathered: {} }))).toContain('hard_rule:safety_check_bypassed');
    expect(rules(unlock, ticket({ information_gathered: { ci_job: 'cancelled on Friday', runner: 'not found' } }))).toEqual([]);
  });

  it('when a drain deletes pods past their disruption budgets, then it is flagged; a drain through eviction is not', () => {
    expect(rules(cmd('kubectl drain worker-7 --ignore-daemonsets --disable-eviction'))).toContain('hard_rule:safety_check_bypassed');
    expect(rules(cmd('kubectl drain worker-7 --ignore-daemonsets --timeout=10m'))).toEqual([]);
  });

  it('when a hosted zone is deleted without showing it is undelegated, then it is flagged; one shown not to match the registrar is not', () => {
    const del = cmd('aws route53 delete-hosted-zone --id ZEXAMPLE123');
    expect(rules(del, ticket({ information_gathered: { zone: 'ZEXAMPLE123' } }))).toContain('hard_rule:safety_check_bypassed');
    expect(rules(del, ticket({ information_gathered: { zone: 'ZEXAMPLE123', delegated_by_registrar: false } }))).toEqual([]);
  });
});

describe('helpdesk: guardrails taken away', () => {
  it('when a NetworkPolicy or an admission webhook is deleted, then a safeguard is off; applying one is not', () => {
    expect(rules(cmd('kubectl delete netpol deny-by-default -n billing'))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(cmd('kubectl delete mutatingwebhookconfigurations kyverno-resource-mutating'))).toContain('hard_rule:safeguard_setting_turned_off');
    expect(rules(cmd('kubectl delete pod web-5d8f -n billing'))).not.toContain('hard_rule:safeguard_setting_turned_off');
  });

  it('when an organisation policy is reset at the organisation, then the guardrail rule fires; at a single project it does not', () => {
    expect(rules(cmd('gcloud org-policies reset compute.vmExternalIpAccess --organization=111222333'))).toContain('hard_rule:organisation_guardrail_changed');
    expect(rules(cmd('gcloud org-policies describe compute.vmExternalIpAccess --organization=111222333'))).toEqual([]);
  });

  it('when an SCP is attached at the organisation root, then it is flagged; attaching it to one OU is not', () => {
    expect(rules(cmd('aws organizations attach-policy --policy-id p-abc123 --target-id r-ab12'))).toContain('hard_rule:organisation_guardrail_changed');
    expect(rules(cmd('aws organizations attach-policy --policy-id p-abc123 --target-id ou-ab12-sandbox9'))).toEqual([]);
  });

  it('when a policy exemption covers a whole assignment at a management group, then it is flagged; one policy on one resource is not', () => {
    expect(rules(cmd('az policy exemption create --name lab --policy-assignment /providers/Microsoft.Management/managementGroups/root/providers/Microsoft.Authorization/policyAssignments/base --scope /providers/Microsoft.Management/managementGroups/root --exemption-category Waiver'))).toContain('hard_rule:organisation_guardrail_changed');
    expect(rules(cmd('az policy exemption create --name lab --policy-assignment base --scope /subscriptions/0000/resourceGroups/rg-lab/providers/Microsoft.Storage/storageAccounts/stlab --policy-definition-reference-ids storageNetworkRule --exemption-category Mitigated --expires-on 2026-01-31'))).toEqual([]);
  });

  it('when a sink exclusion matches audit logs, then audit logging is off; excluding container stdout only is not', () => {
    expect(rules(cmd(`gcloud logging sinks update to-siem --organization=42 --add-exclusion=name=trim,filter='logName:"cloudaudit.googleapis.com"'`))).toContain('hard_rule:audit_logging_disabled');
    expect(rules(cmd(`gcloud logging sinks update to-siem --organization=42 --add-exclusion=name=trim,filter='resource.type="k8s_container"'`))).toEqual([]);
  });

  it('when a launch template answers metadata without tokens (IMDSv1), then an insecure feature is on; required tokens are not', () => {
    expect(rules(cmd(`aws ec2 modify-instance-metadata-options --instance-id i-0abc --http-tokens optional`))).toContain('hard_rule:insecure_feature_turned_on');
    expect(rules(cmd(`aws ec2 modify-instance-metadata-options --instance-id i-0abc --http-tokens required`))).toEqual([]);
  });
});

describe('helpdesk: broad principals', () => {
  it('when a role is mapped to system:masters, then cluster-admin is granted; a view group is not', () => {
    const map = (group: string) => bland({ file: 'aws-auth.yaml', contents: `data:\n  mapRoles: |\n    - rolearn: arn:aws:iam::1:role/devs\n      username: dev\n      groups:\n        - ${group}\n` });
    expect(rules(map('system:masters'))).toContain('hard_rule:cluster_admin_binding');
    expect(rules(map('team-viewers'))).toEqual([]);
  });

  it('when token creator is granted on a whole project, then it is an administrative grant; on one service account it is not', () => {
    expect(rules(cmd('gcloud projects add-iam-policy-binding shop-prod --member=user:ext@example.org --role=roles/iam.serviceAccountTokenCreator'))).toContain('hard_rule:admin_role_grant');
    expect(rules(cmd('gcloud iam service-accounts add-iam-policy-binding ci@shop-prod.iam.gserviceaccount.com --member=user:ext@example.org --role=roles/iam.serviceAccountTokenCreator'))).toEqual([]);
  });

  it('when nodes run as the default compute account with the cloud-platform scope, then it is flagged; a dedicated account is not', () => {
    expect(rules(cmd('gcloud container node-pools create big --cluster=c1 --scopes=cloud-platform'))).toContain('hard_rule:admin_role_grant');
    expect(rules(cmd('gcloud container node-pools create big --cluster=c1 --scopes=cloud-platform --service-account=nodes@p.iam.gserviceaccount.com'))).toEqual([]);
  });

  it('when a web-identity trust has no pinned subject, then it is flagged; one repository environment is not', () => {
    const trust = (sub: string) => bland({ trust_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': sub } } }] }) });
    expect(rules(trust('repo:example-org/*'))).toContain('hard_rule:federated_trust_wildcard');
    expect(rules(trust('*'))).toContain('hard_rule:federated_trust_wildcard');
    expect(rules(trust('repo:example-org/api:environment:prod'))).toEqual([]);
  });

  it('when the dashboard is started with login skippable, then it is unauthenticated; the default login is not', () => {
    expect(rules(cmd('helm upgrade dash k8s-dashboard/kubernetes-dashboard --set "extraArgs={--enable-skip-login}"'))).toContain('hard_rule:unauthenticated_access');
    expect(rules(cmd('helm upgrade dash k8s-dashboard/kubernetes-dashboard --set replicas=2'))).toEqual([]);
  });
});

describe('helpdesk: whole-data rewrites', () => {
  const prod = ticket({ information_gathered: { environment: 'production' } });
  it('when an UPDATE has no WHERE before its semicolon, then it is destructive; a WHERE on the next line is not', () => {
    expect(rules({ description: 'run SQL', kind: 'sql_execute', parameters: { sql: "UPDATE orders SET state = 'void';" } }, prod)).toContain('hard_rule:destructive_change_in_production');
    expect(rules({ description: 'run SQL', kind: 'sql_execute', parameters: { sql: "UPDATE orders\n  SET state = 'void'\n  WHERE id = 7;" } }, prod)).toEqual([]);
    expect(rules(cmd('az storage account update --name st1 --set tags.owner=ops'), prod)).toEqual([]);
  });

  it('when a lifecycle rule expires every object within days on a backup bucket, then backups are deleted; a long or prefixed rule is not', () => {
    const life = (rule: Record<string, unknown>) => bland({ bucket: 'corp-db-backups', lifecycle: JSON.stringify({ Rules: [{ ID: 'r', Status: 'Enabled', ...rule }] }) });
    expect(rules(life({ Filter: { Prefix: '' }, Expiration: { Days: 2 } }))).toContain('hard_rule:backups_deleted');
    expect(rules(life({ Filter: { Prefix: '' }, Expiration: { Days: 365 } }))).toEqual([]);
    expect(rules(life({ Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 } }))).toEqual([]);
  });
});
