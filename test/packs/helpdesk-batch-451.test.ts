import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Classes from the 451-480 batch: each dangerous shape with the safe neighbour that must stay quiet.
// The phrasings, names and values are this file's own.
const { ticket, read, rules } = helpdeskReader({ ticket_id: 'B451-1', category: 'it_ops', priority: 'P3', description: 'Request from the service desk' });
const call = (parameters: Record<string, unknown>, kind = 'tool_call', description = 'apply') => ({ description, kind, parameters });

describe('helpdesk batch 451: change control and privileged paths', () => {
  it('when a change is marked emergency with no ECAB approval or incident, then it escalates; with both on record it does not', () => {
    const rushed = call({ change_type: 'Emergency', ecab_approvals: [], linked_incident: '', ci: 'lb-core-02', change: 'raise the idle timeout' }, 'change_request');
    expect(rules(rushed)).toContain('hard_rule:emergency_change_unauthorised');
    const freeze = call({ freeze_override: true, ci: 'lb-core-02', change: 'raise the idle timeout' }, 'change_request');
    expect(rules(freeze)).toContain('hard_rule:emergency_change_unauthorised');
    const authorised = call({ change_type: 'emergency', ecab_approvals: ['cm@x.example', 'owner@x.example'], linked_incident: 'INC77', change: 'raise the idle timeout' }, 'change_request');
    expect(rules(authorised)).not.toContain('hard_rule:emergency_change_unauthorised');
    expect(rules(call({ change_type: 'standard', change: 'raise the idle timeout' }, 'change_request'))).not.toContain('hard_rule:emergency_change_unauthorised');
  });

  it('when the break-glass account is taken out of the vault for everyday work, then it escalates; during a lockout, or when rotating it back, it does not', () => {
    const checkout = call({ vault_item: 'BG/tenant-admin-2', purpose: 'reset a mailbox quota' }, 'privileged_access', 'Check out the break-glass admin and change the quota');
    expect(rules(checkout)).toContain('hard_rule:break_glass_routine_use');
    const lockout = ticket({ description: 'Every admin is locked out after the federation certificate expired.' });
    expect(rules(checkout, lockout)).not.toContain('hard_rule:break_glass_routine_use');
    const rotate = call({ account: 'bg2@x.example', rotate_password: true }, 'privileged_access', 'Rotate the break-glass password back into the dual-control vault');
    expect(rules(rotate)).not.toContain('hard_rule:break_glass_routine_use');
  });
});

describe('helpdesk batch 451: access lifecycle', () => {
  it('when a mover keeps every old group while the department changes, then it escalates; swapping the groups does not', () => {
    expect(rules(call({ user: 'p.ito', department: 'Legal', add_groups: ['Legal-RW'], remove_groups: [], keep_existing: true }, 'directory_update'))).toContain('hard_rule:access_carried_over_on_move');
    expect(rules(call({ user: 'p.ito', department: 'Legal', add_groups: ['Legal-RW'], remove_groups: ['Payroll-Approvers'], keep_existing: false }, 'directory_update'))).not.toContain('hard_rule:access_carried_over_on_move');
  });

  it('when a returning employee gets every previous membership back, then it escalates; re-enabling with the new role profile does not', () => {
    expect(rules(call({ samAccountName: 'k.obi', enabled: true, restore_groups: 'all-previous' }, 'directory_update'))).toContain('hard_rule:access_carried_over_on_move');
    expect(rules(call({ samAccountName: 'k.obi', enabled: true, groups: ['Helpdesk-L1'] }, 'directory_update'))).not.toContain('hard_rule:access_carried_over_on_move');
  });

  it('when a grant carries an empty approver field and the ticket records none, then it escalates; with an approver named it does not', () => {
    expect(rules(call({ badge: '7781', add_access_levels: ['Server-Room-B'], approver: null }, 'pacs_update'))).toContain('hard_rule:access_without_approval');
    expect(rules(call({ badge: '7781', add_access_levels: ['Server-Room-B'], approver: 'facilities.manager@x.example' }, 'pacs_update'))).not.toContain('hard_rule:access_without_approval');
    // A setting that lets reviewers approve is not an approval record.
    expect(rules(call({ default_permissions: 'read', can_approve_pull_request_reviews: false }, 'config_change'))).not.toContain('hard_rule:access_without_approval');
  });
});

describe('helpdesk batch 451: exposure through channels', () => {
  it('when a shared line is forwarded to an outside number for an unverified caller, then it escalates; for a verified owner it does not', () => {
    const fwd = call({ extension: '2210', call_forward: { forward_all: true, destination: '+44 7700 900123', destination_type: 'external' } }, 'telephony_update');
    expect(rules(fwd, ticket({ information_gathered: { caller_verified: false } }))).toContain('hard_rule:line_forwarded_external');
    expect(rules(fwd, ticket({ information_gathered: { caller_verified: true } }))).not.toContain('hard_rule:line_forwarded_external');
  });

  it('when a bot is published with no sign-in on a public web page, then it is unauthenticated access; with sign-in required it is not', () => {
    const publish = (authentication: string) => call({ authentication, channels: ['website'], embed_on: 'https://www.x.example/help' }, 'bot_publish');
    expect(read(publish('none')).facts.change).toMatchObject({ unauthenticated_access: true });
    expect((read(publish('Microsoft Entra ID')).facts.change as Record<string, unknown>).unauthenticated_access).toBeUndefined();
  });

  it('when a CI step prints the whole environment or echoes a secret, then secrets reach the log; printing a version does not', () => {
    expect(rules(call({ step: 'run: |\n  printenv | sort\n' }, 'ci_job'))).toContain('hard_rule:secrets_written_to_logs');
    expect(rules(call({ step: 'echo "$DEPLOY_TOKEN" | base64' }, 'ci_job'))).toContain('hard_rule:secrets_written_to_logs');
    expect(rules(call({ step: 'node --version\nnpm ci' }, 'ci_job'))).not.toContain('hard_rule:secrets_written_to_logs');
  });

  it('when a still-live leaked key is only hidden and the ticket closed, then it escalates; revoking it first does not', () => {
    const live = ticket({ information_gathered: { key_active: true } });
    expect(rules(call({ api: 'messages.delete', message: 'm-19', revoke_key: false }, 'resolve_ticket', 'Remove the post with the key and close'), live)).toContain('hard_rule:leaked_secret_alert_dismissed');
    expect(rules(call({ steps: ['revoke the exposed key', 'issue a new key into the vault', 'delete the post'] }, 'secret_rotation', 'rotate the key and clean up'), live)).not.toContain('hard_rule:leaked_secret_alert_dismissed');
  });
});

describe('helpdesk batch 451: restores and command flags', () => {
  it('when a restore writes over the original location, then it is destructive; to an alternate location without overwrite it is not', () => {
    expect(read(call({ job: 'FS-Weekly', target: 'in-place', overwrite: 'replace_existing' }, 'backup_restore', 'restore files')).facts.change).toMatchObject({ destructive: true });
    expect((read(call({ job: 'FS-Weekly', target: 'alternate_location', overwrite: 'never' }, 'backup_restore', 'restore files')).facts.change as Record<string, unknown>).destructive).toBeUndefined();
  });

  it('when a command line names a flag after its delete verb, then the flag is not what is deleted', () => {
    expect((read(call({ command: 'gh run delete 88 --repo org/app' }, 'script', 'clean up')).facts.change as Record<string, unknown>).destroys).not.toBe('repo');
    expect(read({ description: 'delete the repo org/app', kind: 'script' }).facts.change).toMatchObject({ destructive: true });
  });
});
