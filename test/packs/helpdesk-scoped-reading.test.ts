import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';
import { gates } from '../../src/evaluation/gates.js';

// A reader that inspects a change's shape and finds it bounded records what it read (`change.checked`): a scoped
// change is read, not merely free of a danger the pack knows. Each shape has a scoped case, a dangerous neighbour
// that opens its hazard instead, and the unread change has no checked reading. The values are this file's own.
type Json = Record<string, unknown>;
const { domain, read, rules, bland, cmd } = helpdeskReader({ ticket_id: 'SCP-31', category: 'cloud_platform', priority: 'P3', description: 'Change requested by the data team, approved by the service owner' });

const checked = (action: Json): string[] => (factAt(read(action).facts, 'change.checked') as string[] | undefined) ?? [];
const unfamiliar = (action: Json): boolean => read(action).action.unaccounted !== undefined;

describe('helpdesk: network rules read as scoped', () => {
  it('when an ingress rule admits one private range on one port, then it is checked as scoped; from anywhere it opens to the world', () => {
    const rule = (cidr: string) => bland({ GroupId: 'sg-0c4d5e6f7a8b9c0d1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 6379, ToPort: 6379, IpRanges: [{ CidrIp: cidr }] }] });
    expect(checked(rule('172.22.40.0/24'))).toContain('network_rule_scoped');
    expect(rules(rule('172.22.40.0/24'))).toEqual([]);
    expect(checked(rule('0.0.0.0/0'))).not.toContain('network_rule_scoped');
    expect(factAt(read(rule('0.0.0.0/0')).facts, 'change.world_open')).toBe(true);
  });

  it('when a CLI ingress rule names a /32 or a source security group, then it is scoped; 0.0.0.0/0 is not', () => {
    expect(checked(cmd('aws ec2 authorize-security-group-ingress --group-id sg-0a9b8c7d --protocol tcp --port 5601 --cidr 198.51.100.23/32'))).toContain('network_rule_scoped');
    expect(checked(cmd('aws ec2 authorize-security-group-ingress --group-id sg-0a9b8c7d --protocol tcp --port 5601 --source-group sg-0f1e2d3c'))).toContain('network_rule_scoped');
    expect(checked(cmd('aws ec2 authorize-security-group-ingress --group-id sg-0a9b8c7d --protocol tcp --port 5601 --cidr 0.0.0.0/0'))).not.toContain('network_rule_scoped');
  });
});

describe('helpdesk: grants read as scoped', () => {
  it('when a non-administrative role is assigned at one resource group, then it is checked; Owner at a subscription opens admin_role', () => {
    const assign = (role: string, scope: string) => bland({ roleDefinitionName: role, principalId: 'j.moreau@fabrikam.example', scope }, 'permission_change');
    expect(checked(assign('Storage Blob Data Reader', '/subscriptions/0000aaaa/resourceGroups/rg-lakehouse-dev'))).toContain('grant_scoped');
    expect(checked(assign('Owner', '/subscriptions/0000aaaa'))).not.toContain('grant_scoped');
    expect(factAt(read(assign('Owner', '/subscriptions/0000aaaa')).facts, 'change.admin_role')).toBe('Owner');
  });

  it('when a role is given only by its id, then it is not read as scoped: the id could name any role', () => {
    const byId = bland({ roleDefinitionId: '9b7a1c2e-44d0-4f61-8a3b-2c5d6e7f8a9b', principalId: 'j.moreau@fabrikam.example', directoryScopeId: '/' }, 'permission_change');
    expect(checked(byId)).not.toContain('grant_scoped');
  });

  it('when a namespaced RoleBinding binds the view role to one group, then it is checked; cluster-admin is not', () => {
    const binding = (role: string) => bland({ manifest: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'ledger-readers', namespace: 'ledger-qa' }, roleRef: { kind: 'ClusterRole', name: role, apiGroup: 'rbac.authorization.k8s.io' }, subjects: [{ kind: 'Group', name: 'ledger-qa-team' }] } }, 'permission_change');
    expect(checked(binding('view'))).toContain('grant_scoped');
    expect(checked(binding('cluster-admin'))).not.toContain('grant_scoped');
  });

  it('when a SQL grant gives SELECT on one schema, then it is checked; ALL ON *.* opens wildcard_admin', () => {
    expect(checked(bland({ sql: "GRANT SELECT ON billing_ro.* TO 'metrics_ro'@'10.8.%';" }))).toContain('grant_scoped');
    expect(checked(bland({ sql: "GRANT ALL PRIVILEGES ON *.* TO 'metrics_ro'@'%';" }))).not.toContain('grant_scoped');
  });

  it('when a user is added to a group that is not administrative, then it is checked; Domain Admins is not', () => {
    expect(checked(cmd('Add-ADGroupMember -Identity GG-Plotter-Users -Members k.ishida'))).toContain('grant_scoped');
    expect(checked(cmd('Add-ADGroupMember -Identity "Domain Admins" -Members k.ishida'))).not.toContain('grant_scoped');
  });

  it('when a grant names its principals and none is a broad group or an administrative right, then it is checked; Everyone is not', () => {
    const share = (member: string) => bland({ tool_call: 'add_group_member', arguments: { groupName: 'Survey-Editors', userPrincipalName: member } }, 'permission_change');
    expect(checked(share('l.okonkwo@fabrikam.example'))).toContain('grant_scoped');
    expect(checked(share('Everyone'))).not.toContain('grant_scoped');
  });

  it('when a deploy key is read-only, then it is checked as scoped; with write access it is flagged instead', () => {
    const key = (readOnly: boolean) => bland({ method: 'POST', path: '/repos/fabrikam/handbook/keys', body: { title: 'mirror-03', key: 'ssh-ed25519 AAAAmirror03', read_only: readOnly } }, 'access_change');
    expect(checked(key(true))).toContain('grant_scoped');
    expect(checked(key(false))).not.toContain('grant_scoped');
    expect(rules(key(false))).toContain('hard_rule:write_deploy_key');
  });
});

describe('helpdesk: policies and roles read as scoped', () => {
  it('when a policy document allows named actions on named resources, then it is checked; Action "*" on "*" is not', () => {
    const policy = (action: string, resource: string) => bland({ RoleName: 'invoice-export', PolicyName: 'export-prefix', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [action], Resource: resource }] } }, 'permission_change');
    expect(checked(policy('s3:GetObject', 'arn:aws:s3:::fabrikam-invoices/exports/*'))).toContain('policy_scoped');
    expect(checked(policy('*', '*'))).not.toContain('policy_scoped');
    expect(checked(policy('iam:PutRolePolicy', '*'))).not.toContain('policy_scoped');
  });

  it('when a Role reads one named secret, then it is checked; verbs "*" on resources "*" is not', () => {
    const role = (verbs: string[], resources: string[]) => bland({ manifest: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'tls-fetch', namespace: 'edge' }, rules: [{ apiGroups: [''], resources, verbs, resourceNames: ['edge-tls'] }] } });
    expect(checked(role(['get'], ['secrets']))).toContain('role_scoped');
    expect(checked(role(['*'], ['*']))).not.toContain('role_scoped');
  });
});

describe('helpdesk: commands read as reads, and writes bounded by a WHERE', () => {
  it('when every command only reads, then the change is checked as a read; a write among them is not', () => {
    expect(checked(cmd('aws ec2 describe-security-groups --group-ids sg-0a9b8c7d'))).toContain('command_read');
    expect(checked(cmd('kubectl -n ledger-qa get pods -o wide'))).toContain('command_read');
    expect(checked(cmd('Get-Mailbox -Identity k.ishida@fabrikam.example | Select-Object DisplayName,ArchiveStatus'))).toContain('command_read');
    expect(checked(bland({ sql: "SELECT plant, count(*) FROM work_orders WHERE state = 'late' GROUP BY plant;" }))).toContain('command_read');
    expect(checked(bland({ commands: ['kubectl -n ledger-qa get pods', 'kubectl -n ledger-qa scale deployment/ledger --replicas=0'] }, 'script'))).not.toContain('command_read');
    expect(checked(cmd('Get-Certificate -Template WebTLS -DnsName portal.fabrikam.example'))).not.toContain('command_read');
    expect(checked(cmd('aws ec2 describe-instances > /tmp/inventory.json'))).not.toContain('command_read');
  });

  it('when an UPDATE carries a WHERE, then its rows are checked as scoped; a DELETE without one is destructive', () => {
    expect(checked(bland({ sql: "BEGIN;\nUPDATE subscriptions SET state = 'closed' WHERE account_id = 88412;\nCOMMIT;" }))).toContain('rows_scoped');
    const unbounded = bland({ sql: 'DELETE FROM subscriptions;' });
    expect(checked(unbounded)).not.toContain('rows_scoped');
    expect(factAt(read(unbounded).facts, 'change.destructive')).toBe(true);
  });
});

describe('helpdesk: a change no reader accounts for', () => {
  it('when a change has no danger, safeguard or bounded shape read, then its reading says unaccounted; the shipped policy escalates it, a judging one leaves it to the rates', () => {
    const unread = bland({ tool_call: 'reticulate_widgets', arguments: { lattice: 'north-7', mode: 'full' } }, 'config_change');
    const r = read(unread);
    expect(checked(unread)).toEqual([]);
    expect(r.action.high_impact).toBe(true);
    expect(r.action.unaccounted).toMatch(/what does this change open or close/);
    expect(domain.policy.unfamiliar.unaccounted).toBe('escalate');
    expect(gates(domain, r).codes).toContain('unfamiliar_situation');
    expect(gates(domain, r).messages.unfamiliar_situation).toMatch(/cannot tell what this action does/);
    const judging = { ...domain, policy: { ...domain.policy, unfamiliar: { ...domain.policy.unfamiliar, unaccounted: 'judge' as const } } };
    expect(gates(judging, r).codes).not.toContain('unfamiliar_situation');
    const strict = domain;
    // A checked change is never unaccounted, whatever the policy.
    const readOnly = read(cmd('aws ec2 describe-security-groups --group-ids sg-0a9b8c7d'));
    expect(readOnly.action.unaccounted).toBeUndefined();
    expect(gates(strict, readOnly).codes).not.toContain('unfamiliar_situation');
  });
});
