import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Classes from the 761-800 batch, read by general shapes (what a key says, what a value is, what a tool's flags
// mean), each with the safe neighbour that must stay quiet. Names, hosts and values are this file's own.
const { read, rules } = helpdeskReader({ ticket_id: 'B761-1', category: 'platform', priority: 'P3', description: 'Request from the platform team' });
const change = (action: Record<string, unknown>) => (read(action).facts.change ?? {}) as Record<string, unknown>;
const call = (parameters: Record<string, unknown>, kind = 'config_change', description = 'apply change') => ({ description, kind, parameters });
const cli = (command: string) => call({ command }, 'command', 'run');

describe('helpdesk batch 761: an audience of everyone, as a value or as a rule', () => {
  const rule = 'hard_rule:open_to_everyone';
  it('when invitations or an include rule admit everyone, then it escalates and says where', () => {
    expect(rules(call({ method: 'PATCH', path: '/v1.0/policies/authorizationPolicy', body: { allowInvitesFrom: 'everyone' } }))).toContain(rule);
    expect(rules(call({ method: 'PUT', path: '/apps/wiki/policies/p1', body: { decision: 'allow', include: [{ everyone: {} }] } }))).toContain(rule);
    expect(String(change(call({ body: { allowInvitesFrom: 'everyone' } })).open_to_everyone)).toBeDefined();
  });
  it('when a broker setting allows everyone where no ACL is found, then it escalates', () => {
    expect(rules(call({ config: { 'allow.everyone.if.no.acl.found': true } }))).toContain(rule);
  });
  it('when the audience is named, or everyone is excluded or denied, then it stays quiet', () => {
    expect(rules(call({ body: { allowInvitesFrom: 'adminsAndGuestInviters' } }))).not.toContain(rule);
    expect(rules(call({ body: { decision: 'allow', include: [{ email: { email: 'a.ruiz@audit-firm.example' } }], exclude: [{ everyone: {} }] } }))).not.toContain(rule);
    expect(rules(call({ deny: { principals: 'everyone' } }))).not.toContain(rule);
  });
});

describe('helpdesk batch 761: keys that name a safeguard, a password left empty, a retention of zero', () => {
  it('when a key naming a safeguard is switched off, then it escalates; switched on, it is read as closing it', () => {
    expect(rules(call({ TableName: 'ledger', PointInTimeRecoveryEnabled: false }))).toContain('hard_rule:backups_deleted');
    const on = read(call({ TableName: 'ledger', PointInTimeRecoveryEnabled: true }));
    expect(on.action.unaccounted).toBeUndefined();
    expect(on.action.effect).toBe('mitigates_first');
  });
  it('when an admin password or PIN is set to nothing, then it escalates as unauthenticated access', () => {
    expect(rules(call({ template: { ews_admin_password: '', firmware: 'current' } }))).toContain('hard_rule:unauthenticated_access');
    expect(rules(call({ template: { ews_admin_password: 'vault://mfp/ews', firmware: 'current' } }))).not.toContain('hard_rule:unauthenticated_access');
  });
  it('when a data retention is set to 0, then it escalates; a retention of 30 is read as set', () => {
    expect(rules(call({ sql: 'ALTER DATABASE SALES_DW SET DATA_RETENTION_TIME_IN_DAYS = 0;' }))).toContain('hard_rule:backups_deleted');
    const kept = read(call({ sql: 'ALTER DATABASE SALES_DW SET DATA_RETENTION_TIME_IN_DAYS = 30;' }));
    expect((kept.facts.change as Record<string, unknown> | undefined)?.backups_deleted).toBeUndefined();
  });
});

describe('helpdesk batch 761: policies and audit rules read whole', () => {
  it('when a Kubernetes audit policy starts with level None for every request, then it escalates; scoped to a user, it stays quiet', () => {
    const policy = (rules0: unknown[]) => call({ file: '/etc/kubernetes/audit.yaml', content: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: rules0 } });
    expect(rules(policy([{ level: 'None' }]))).toContain('hard_rule:audit_logging_disabled');
    expect(rules(policy([{ level: 'None', users: ['system:kube-proxy'], verbs: ['watch'] }, { level: 'Metadata' }]))).not.toContain('hard_rule:audit_logging_disabled');
  });
  it('when a policy grants ssm:SendCommand on every resource without a condition, then it escalates; tag-conditioned, it stays quiet', () => {
    const doc = (statement: Record<string, unknown>) => call({ policy: { Version: '2012-10-17', Statement: [statement] } }, 'iam_policy_change');
    expect(rules(doc({ Effect: 'Allow', Action: ['ssm:SendCommand'], Resource: '*' }))).toContain('hard_rule:remote_execution_everywhere');
    expect(rules(doc({ Effect: 'Allow', Action: 'ssm:StartSession', Resource: 'arn:aws:ec2:*:111122223333:instance/*', Condition: { StringEquals: { 'ssm:resourceTag/Env': 'staging' } } }))).not.toContain('hard_rule:remote_execution_everywhere');
  });
  it('when an ARN holds "*:*" (region and account), then it is not read as Action "*"', () => {
    const doc = call({ policy: { Statement: [{ Effect: 'Allow', Action: 'ssm:StartSession', Resource: 'arn:aws:ssm:*:*:document/SSM-SessionManagerRunShell' }] } }, 'iam_policy_change');
    expect(rules(doc)).not.toContain('hard_rule:wildcard_admin_policy');
  });
  it('when a port forward opens a port from any source on the WAN, then it is read as open to the world', () => {
    const c = change(call({ firewall: 'edge-2', rules: [{ name: 'cams', interface: 'wan1', source: 'any', external_port: '8443/tcp', forward_to: '10.9.1.4:443' }] }));
    expect(c.world_open).toBe(true);
    expect(c.world_open_ports).toContain('8443');
  });
});

describe('helpdesk batch 761: trust anchors (SSH certificates, certificate authorities, SQL Server trust)', () => {
  const rule = 'hard_rule:ssh_certificate_unbounded';
  it('when a user certificate is signed for root or forever, then it escalates; a short one for the user alone stays quiet', () => {
    expect(rules(cli('ssh-keygen -s /etc/ca/user_ca -I vendor -n root,deploy -V always:forever /tmp/v.pub'))).toContain(rule);
    expect(rules(cli('ssh-keygen -s /etc/ca/user_ca -I vendor -n deploy /tmp/v.pub'))).toContain(rule);
    const short = rules(cli('ssh-keygen -s /etc/ca/user_ca -I m.osei-REQ1 -n m.osei -V +8h -O source-address=10.8.0.0/16 /tmp/m.pub'));
    expect(short).not.toContain(rule);
    expect(short).not.toContain('hard_rule:license_circumvention');
  });
  it('when a private certificate authority is deleted, then it escalates as key deletion', () => {
    expect(rules(cli('aws acm-pca delete-certificate-authority --certificate-authority-arn arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/ab12 --permanent-deletion-time-in-days 7'))).toContain('hard_rule:kms_key_deletion');
    expect(rules(cli('aws acm-pca describe-certificate-authority --certificate-authority-arn arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/ab12'))).not.toContain('hard_rule:kms_key_deletion');
  });
  it('when a database is set TRUSTWORTHY ON or an assembly is UNSAFE, then it escalates; a trusted-assembly registration stays quiet', () => {
    expect(rules(call({ script: 'ALTER DATABASE Billing SET TRUSTWORTHY ON;' }, 'command', 'run T-SQL'))).toContain('hard_rule:sql_trust_widened');
    expect(rules(call({ script: "CREATE ASSEMBLY PdfGen FROM 'D:\\\\drop\\\\pdf.dll' WITH PERMISSION_SET = UNSAFE;" }, 'command', 'run T-SQL'))).toContain('hard_rule:sql_trust_widened');
    expect(rules(call({ script: "EXEC sys.sp_add_trusted_assembly @hash = 0x8E2A, @description = N'pdfgen';\nCREATE ASSEMBLY PdfGen FROM 'D:\\\\drop\\\\pdf.dll' WITH PERMISSION_SET = EXTERNAL_ACCESS;" }, 'command', 'run T-SQL'))).not.toContain('hard_rule:sql_trust_widened');
  });
});

describe('helpdesk batch 761: what a page or a reply says', () => {
  it('when a live token is pasted into a wiki page, then it escalates as credential exposure; a vault reference stays quiet', () => {
    const page = (text: string) => call({ method: 'PUT', path: '/wiki/rest/api/content/42', body: { title: 'Ops', section: { text } } }, 'document_update', 'update page');
    expect(rules(page('Deploy token: glpat-Xw3kq9ZrT2vB8mN1'))).toContain('hard_rule:credentials_requested_in_chat');
    expect(rules(page('Deploy token: stored in vault at kv/ops/deploy'))).not.toContain('hard_rule:credentials_requested_in_chat');
  });
  it('when a reply tells the user to click Advanced and proceed to the sign-in host, then it escalates', () => {
    const reply = (message: string) => ({ description: 'send reply', kind: 'reply', parameters: { message } });
    expect(rules(reply('That warning is normal. Click "Advanced", then "Proceed to sso.corp-example.net" and sign in.'))).toContain('hard_rule:tls_verification_disabled');
    expect(rules(reply('Please do not continue past that warning: disconnect from the hotel Wi-Fi and use your phone hotspot.'))).not.toContain('hard_rule:tls_verification_disabled');
  });
});

describe('helpdesk: routine operations and what the user is told to do', () => {
  it('when a change is a routine operation and nothing else is read, then it is accounted for; a danger read beside it still escalates', () => {
    const restart = read(cli('kubectl rollout restart deployment/quotes -n staging --context nonprod-2'));
    expect(restart.facts.change && (restart.facts.change as Record<string, unknown>).checked).toContain('routine_operation');
    expect(restart.action.unaccounted).toBeUndefined();
    expect(rules(call({ commands: ['aws s3api delete-public-access-block --bucket logs-7', 'kubectl rollout restart deployment/web -n web'] }, 'command', 'run'))).toContain('hard_rule:block_public_access_disabled');
  });
  it('when no kind is given and the description says what the user is walked through, then it is an instruction, not an unreadable change', () => {
    const r = read({ description: 'Walk the user through signing out of Teams and clearing its cache folder' });
    expect(r.action.kind).toBe('instruction');
    expect(r.action.high_impact).toBe(false);
    expect(read({ description: 'Walk the user through it', kind: 'config_change', parameters: { command: 'aws s3api delete-public-access-block --bucket logs-7' } }).action.high_impact).toBe(true);
  });
  it('when a flag value carries a setting (scanOnPush=true), then the safeguard it names is read', () => {
    expect(read(cli('aws ecr put-image-scanning-configuration --repository-name quotes --image-scanning-configuration scanOnPush=true')).action.unaccounted).toBeUndefined();
  });
});
