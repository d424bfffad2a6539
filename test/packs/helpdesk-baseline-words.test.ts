import { describe, expect, it } from 'vitest';
import { helpdeskReader } from '../support/helpdesk-reading.js';

// Security-baseline settings said in plain words by an agent ("switch X off", "let Y back on"), and the
// CI runner of a public repository. Each weakening has a hardening neighbour that must stay quiet. The
// sentences are this file's own; the classes are those of the Microsoft and CIS baselines, NIST SP 800-52
// and GitHub's self-hosted runner guidance.
const { ticket, rules } = helpdeskReader({ ticket_id: 'CHG-4411', category: 'infrastructure', priority: 'P3', description: 'Change raised by the server team for the legacy estate' });
const said = (description: string) => ({ description, kind: 'config_change', parameters: {} });
const weakens = (description: string) => {
  const codes = rules(said(description));
  return codes.includes('hard_rule:insecure_feature_turned_on') || codes.includes('hard_rule:safeguard_setting_turned_off');
};

describe('helpdesk: baseline settings named in words', () => {
  it('when an old protocol is let back on, then the change is held; when it is switched off or blocked, it is not', () => {
    expect(weakens('The copier only speaks SMB1, so please re-enable SMB1 on FS02 for it')).toBe(true);
    expect(weakens('Retire SMB1 on FS02: disable it now that the copier is replaced')).toBe(false);
    expect(weakens('Permit NTLMv1 from the lab subnet so the old test rig can log in')).toBe(true);
    expect(weakens('Block NTLMv1 on every member server per the audit finding')).toBe(false);
    expect(weakens('Fall back to TLS 1.1 on the partner API so their client connects')).toBe(true);
    expect(weakens('Switch on telnet on the lab switch for the cabling contractor')).toBe(true);
    expect(weakens('Turn telnet off on the lab switch and leave SSH as the only way in')).toBe(false);
  });

  it('when a protection is switched off or made optional, then the change is held; switching it on is not', () => {
    expect(weakens('Switch off LDAP signing on the two DCs, the NAS join keeps failing')).toBe(true);
    expect(weakens('Turn on LDAP channel binding on the two DCs after the audit events were clean')).toBe(false);
    expect(weakens('Make SMB signing optional on the archive servers to speed up copies')).toBe(true);
    expect(weakens('Require SMB signing on the archive servers')).toBe(false);
    expect(weakens('Remove the account lockout threshold for the kiosk users')).toBe(true);
    expect(weakens('Stop checking certificate revocation on the outbound proxy, the CRL host is slow')).toBe(true);
  });

  it('when the sentence says not to, or only mentions the setting, then nothing is read', () => {
    expect(weakens('Do not enable SMB1 for the copier; use its SMB3 firmware instead')).toBe(false);
    expect(weakens('Collect which servers still have SMB1 traffic in the audit log')).toBe(false);
    expect(rules(said('Please confirm whether LDAP signing is already required on the DCs'))).toEqual([]);
  });
});

describe('helpdesk: a public repository on a self-hosted runner', () => {
  const workflow = (runsOn: string, on: string[]) => ({
    description: 'commit workflow change',
    kind: 'config_change',
    parameters: { file: '.github/workflows/build.yml', diff: `-    runs-on: ubuntu-24.04\n+    runs-on: ${runsOn}`, on },
  });
  const publicRepo = ticket({ information_gathered: { repository: 'acme/cli-tools (public, open to outside contributors)' } });
  const privateRepo = ticket({ information_gathered: { repository: 'acme/billing-core (private)' } });

  it('when a public repository moves its pull-request builds onto a self-hosted runner, then the change is held', () => {
    expect(rules(workflow('[self-hosted, linux, build-07]', ['pull_request', 'push']), publicRepo)).toContain('hard_rule:public_repo_on_self_hosted_runner');
  });

  it('when the repository is private, or the public one stays on hosted runners, then nothing is held', () => {
    expect(rules(workflow('[self-hosted, linux, build-07]', ['pull_request', 'push']), privateRepo)).not.toContain('hard_rule:public_repo_on_self_hosted_runner');
    expect(rules(workflow('ubuntu-24.04-arm', ['pull_request', 'push']), publicRepo)).not.toContain('hard_rule:public_repo_on_self_hosted_runner');
  });
});
