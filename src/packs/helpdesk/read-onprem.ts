import { tokenize } from '../reading/text.js';
import { safeguardsNamed } from './safeguard-names.js';
import { checks, closes, opens, opensToWorld, type ReadContext } from './read-context.js';
import { readRoleGrant } from './read-grants.js';
import { readMailCommands } from './read-mail-admin.js';
import { glued, ipv4, isWorldSource, lastSegment, splitOn, unquote, type TextView } from './text-helpers.js';
import { asArray, field, flagValue, isRecord, leadingFlag, normKey, scalarText, strings } from './values.js';

/**
 * On-premises and endpoint platforms read by their shapes: configuration lines (sshd_config, sudoers,
 * pg_hba.conf, postgresql.conf / ALTER SYSTEM, sp_configure, BIND, ASA), Windows and Exchange
 * PowerShell cmdlets with their parameters, registry and Group Policy settings written as objects, and
 * device-management payloads (Defender exclusions, Jamf scripts). Each records the hazard it opens with
 * the line or setting as its source. Every pass is linear in the words of the text.
 */

interface Words {
  /** Arguments (glued runs) in order, lower case, quotes stripped. */
  all: string[];
  /** The same arguments grouped by line. */
  lines: string[][];
  /** The program name of each argument ("/usr/sbin/spctl" → "spctl"). */
  programs: Set<string>;
  source: string;
}

function wordsOf(v: TextView, source: string): Words {
  const runs = glued(v);
  const lineOf: number[] = new Array(v.raw.length);
  for (let i = 0, line = 0; i < v.raw.length; i++) {
    if (v.raw[i].kind === 'break' && v.raw[i].text === '\n') line++;
    lineOf[i] = line;
  }
  const lines: string[][] = [];
  const all: string[] = [];
  let current = -1;
  for (const r of runs) {
    const w = r.raw.toLowerCase();
    all.push(w);
    if (lineOf[r.first] !== current) {
      current = lineOf[r.first];
      lines.push([]);
    }
    lines[lines.length - 1].push(w);
  }
  const programs = new Set(all.filter((w) => w.length <= 200).map((w) => lastSegment(w.split('\\').at(-1) ?? w)));
  return { all, lines, programs, source };
}

/** The value written after a flag ("-SecureSecondaries TransferAnyServer"), or after "name=" in one argument. */
function after(w: Words, ...names: string[]): string | undefined {
  for (let i = 0; i < w.all.length; i++) {
    const a = w.all[i];
    const eq = a.indexOf('=');
    // A flag ("-P", "--password") or a "name=value" argument; a bare word of the same letters is an operand.
    if (!(a.startsWith('-') || eq > 0)) continue;
    const name = normKey(eq > 0 ? a.slice(0, eq) : a);
    if (!names.includes(name)) continue;
    if (eq > 0) return unquote(a.slice(eq + 1));
    return w.all[i + 1] !== undefined ? unquote(w.all[i + 1]) : '';
  }
  return undefined;
}

/** The words after a flag up to the next flag ("-Name "WS - Windows LAPS"" → "ws - windows laps"). */
function phraseAfter(w: Words, ...names: string[]): string | undefined {
  const at = w.all.findIndex((a) => a.startsWith('-') && names.includes(normKey(a)));
  if (at < 0) return undefined;
  const out: string[] = [];
  for (let j = at + 1; j < w.all.length && out.length < 12 && !(w.all[j].startsWith('-') && w.all[j].length > 1 && !(w.all[j][1] >= '0' && w.all[j][1] <= '9')); j++) out.push(w.all[j]);
  return out.join(' ');
}

const has = (w: Words, ...names: string[]) => names.some((n) => w.programs.has(n) || w.all.includes(n));
const offWord = (s: string | undefined) => s !== undefined && flagValue(unquote(s.endsWith(';') ? s.slice(0, -1) : s)) === false;
const onWord = (s: string | undefined) => s !== undefined && flagValue(unquote(s.endsWith(';') ? s.slice(0, -1) : s)) === true;

/** "name = value", "name=value", "name value", "name to value" on one line: the value written for `name`. */
function settingOnLine(line: readonly string[], name: string): string | undefined {
  for (let i = 0; i < line.length; i++) {
    const a = line[i];
    const eq = a.indexOf('=');
    if (eq > 0 && normKey(a.slice(0, eq)) === name) return a.slice(eq + 1) || line[i + 1];
    if (normKey(a) !== name) continue;
    const next = line[i + 1];
    if (next === '=' || next === 'to' || next === ':') return line[i + 2];
    if (next?.startsWith('=')) return next.slice(1) || line[i + 2];
    return next;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Configuration lines.

/**
 * sshd_config: PermitRootLogin yes (CIS Linux benchmarks 5.1.x "PermitRootLogin is disabled"; DISA
 * STIG, no direct root logon over SSH) and PermitEmptyPasswords yes. The keyword is read as a token
 * followed by its value word, so the value a `sed` substitution writes is read too.
 */
function sshd(ctx: ReadContext, v: TextView, source: string): void {
  const t = v.raw;
  for (let i = 0; i + 1 < t.length; i++) {
    if (t[i].kind !== 'word' || (t[i].text !== 'permitrootlogin' && t[i].text !== 'permitemptypasswords')) continue;
    const next = t[i + 1];
    // The value is the next word on the same line, with only blanks before it ("PermitRootLogin.*" is a pattern, not a value).
    if (next.kind !== 'word' || v.text.slice(t[i].end, next.start).trim() !== '' || v.text.slice(t[i].end, next.start).includes('\n')) continue;
    if (next.text === 'yes') opens(ctx, 'ssh_root_login', `${source}: ${t[i].text === 'permitrootlogin' ? 'PermitRootLogin' : 'PermitEmptyPasswords'} yes`);
    else if (next.text === 'no' && t[i].text === 'permitrootlogin') closes(ctx, 'ssh_root_login');
  }
}

/**
 * Programs that open a root shell when sudo runs them (editors, pagers, interpreters, shells and tools with
 * a command escape): GTFOBins "Sudo" entries; sudoers(5) recommends sudoedit for editing files as root.
 */
const SUDO_TAGS = new Set(['nopasswd', 'passwd', 'noexec', 'exec', 'setenv', 'nosetenv', 'log_input', 'nolog_input', 'log_output', 'nolog_output', 'mail', 'nomail', 'follow', 'nofollow']);
const SHELL_ESCAPES = new Set(['vi', 'vim', 'nvim', 'vimdiff', 'view', 'rvim', 'ex', 'ed', 'nano', 'pico', 'emacs', 'less', 'more', 'man', 'most', 'find', 'awk', 'gawk', 'mawk', 'nawk', 'perl', 'python', 'python2', 'python3', 'ruby', 'lua', 'php', 'node', 'bash', 'sh', 'zsh', 'dash', 'ksh', 'csh', 'tcsh', 'fish', 'su', 'env', 'tar', 'zip', 'git', 'ftp', 'nmap', 'docker', 'tclsh', 'expect', 'script', 'socat', 'busybox', 'journalctl', 'systemctl', 'crontab', 'rsync', 'scp', 'ssh', 'tee', 'cp', 'mv', 'chmod', 'chown', 'dd', 'sed', 'xargs', 'time', 'nice', 'watch', 'strace', 'gdb', 'make']);

/**
 * A sudoers rule ("%group host = (runas) NOPASSWD: /usr/bin/vim /etc/x/*"): a command with a shell escape,
 * or ALL without a password, gives a root shell (sudoers(5); GTFOBins; CIS Linux benchmarks 5.3 "users must
 * provide password for privilege escalation"). Cmnd_Alias definitions and sudoedit are read as what they are.
 */
function sudoers(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    const eq = line.findIndex((a) => a === '=' || (a.includes('=') && !a.startsWith('-')));
    if (eq < 0 || line[0] === 'cmnd_alias' || line[0] === 'defaults' || line[0].startsWith('#')) continue;
    const sudoShape = line[0].startsWith('%') || line.some((a) => a.startsWith('(') && a.endsWith(')')) || line.some((a) => a.includes('=(') || a.startsWith('nopasswd') || a.startsWith('passwd:') || a === 'passwd');
    if (!sudoShape) continue;
    const nopasswd = line.some((a) => a.startsWith('nopasswd'));
    const rest = line.slice(eq + 1).concat(line[eq].includes('=') && line[eq] !== '=' ? [line[eq].slice(line[eq].indexOf('=') + 1)] : []);
    // Commands are separated by commas; the first word of each is the program.
    let starts = true;
    for (const a of rest) {
      // The Run-As list and the tags ("NOPASSWD:", written with its colon or, as an argument, without) come before the commands.
      if (a.startsWith('(') || a.endsWith(':') || a === '' || SUDO_TAGS.has(a)) continue;
      const word = a.endsWith(',') ? a.slice(0, -1) : a;
      if (starts) {
        const program = lastSegment(word);
        if (program === 'sudoedit') {
          starts = !a.endsWith(',');
          continue;
        }
        if (SHELL_ESCAPES.has(program)) opens(ctx, 'sudo_root_shell', `${w.source}: sudo runs ${word} as root (a shell escape)${nopasswd ? ' with NOPASSWD' : ''}`);
        else if (program === 'all' && nopasswd) opens(ctx, 'sudo_root_shell', `${w.source}: NOPASSWD: ALL`);
      }
      starts = a.endsWith(',');
    }
  }
}

const HBA_TYPES = new Set(['host', 'hostssl', 'hostnossl', 'hostgssenc', 'hostnogssenc']);

/** A loopback address or the host itself: trust there reaches only local users. */
function loopback(address: string): boolean {
  const a = address.toLowerCase();
  return a.startsWith('127.') || a === '::1/128' || a === '::1' || a === 'localhost' || a === 'samehost';
}

/**
 * pg_hba.conf: "host database user address method": trust for a network address lets anyone who can reach
 * the port log in as any role, superuser included, without a password (PostgreSQL documentation, Trust Authentication).
 */
function pgHba(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    const start = line.findIndex((a) => HBA_TYPES.has(a));
    if (start < 0 || line.length < start + 5) continue;
    const address = line[start + 3];
    // "address mask method" or "address/prefix method" or a host name.
    const method = ipv4(address) && ipv4(line[start + 4] ?? '') ? line[start + 5] : line[start + 4];
    if (method === undefined) continue;
    if (method === 'trust' && !loopback(address)) opens(ctx, 'unauthenticated_access', `${w.source}: pg_hba ${line.slice(start, start + 5).join(' ')} (no password for ${address})`);
  }
}

/**
 * PostgreSQL fsync and full_page_writes off (ALTER SYSTEM SET or postgresql.conf): after an operating-system crash or
 * power loss the cluster can be corrupted beyond recovery (PostgreSQL documentation, Write Ahead Log settings).
 */
function durability(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    // MySQL skip-grant-tables: every client connects without a password and with every privilege (MySQL Reference Manual, --skip-grant-tables).
    const skip = line.find((a) => normKey(a.split('=', 1)[0]) === 'skipgranttables');
    if (skip !== undefined && !offWord(skip.includes('=') ? skip.slice(skip.indexOf('=') + 1) : settingOnLine(line, 'skipgranttables') ?? 'on')) opens(ctx, 'unauthenticated_access', `${w.source}: MySQL skip-grant-tables`);
    for (const name of ['fsync', 'fullpagewrites']) {
      const value = settingOnLine(line, name);
      if (offWord(value)) opens(ctx, 'durability_off', `${w.source}: ${name === 'fsync' ? 'fsync' : 'full_page_writes'} = off`);
    }
  }
}

/**
 * SQL Server: sp_configure 'xp_cmdshell', 1 lets T-SQL run operating-system commands as the service account (DISA MS
 * SQL Server STIG, xp_cmdshell disabled unless approved); membership of the sysadmin fixed server role is full control.
 */
function sqlServer(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    // sp_configure 'xp_cmdshell', 1 or sp_configure @configname = 'xp_cmdshell', @configvalue = 1.
    const at = line.indexOf('sp_configure');
    const option = at < 0 ? -1 : line.findIndex((a, i) => i > at && normKey(a).endsWith('xpcmdshell'));
    if (option > 0) {
      const next = line.slice(option + 1, option + 4).map((a) => (a.includes('=') ? a.slice(a.lastIndexOf('=') + 1) : a)).find((a) => a !== '' && a !== '=' && !a.startsWith('@'));
      if (onWord(next)) opens(ctx, 'sql_os_shell', `${w.source}: sp_configure 'xp_cmdshell', ${next}`);
    }
    for (let i = 0; i + 4 < line.length; i++) {
      if (line[i] === 'alter' && line[i + 1] === 'server' && line[i + 2] === 'role' && line[i + 4] === 'add') serverRole(ctx, line[i + 3], `${w.source}: ALTER SERVER ROLE ${line[i + 3]} ADD MEMBER`);
    }
    const add = line.indexOf('sp_addsrvrolemember');
    if (add >= 0 && line[add + 2] !== undefined) serverRole(ctx, line[add + 2], `${w.source}: sp_addsrvrolemember ${line[add + 2]}`);
  }
}

/**
 * SQL Server fixed server roles that administer the instance: sysadmin, and securityadmin, which can grant itself any
 * permission (Microsoft SQL Server docs, Server-level roles: treat securityadmin as equivalent to sysadmin).
 */
function serverRole(ctx: ReadContext, role: string, source: string): void {
  const r = normKey(unquote(role));
  if (r === 'sysadmin' || r === 'securityadmin') opens(ctx, 'admin_role', source, r);
  else readRoleGrant(ctx, role, undefined, source);
}

// ---------------------------------------------------------------------------------------------
// Windows, Active Directory and Exchange.

/** The right that lets an account replicate password data from a domain controller (DS-Replication-Get-Changes-All). */
const GET_CHANGES_ALL = '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2';

/**
 * Directory replication rights granted (dsacls /G "…:CA;Replicating Directory Changes All", Add-ADPermission or
 * Add-DomainObjectAcl -Rights DCSync): with them the account pulls every password hash, krbtgt included (MITRE ATT&CK T1003.006).
 */
function dcsync(ctx: ReadContext, v: TextView, w: Words): void {
  const revoking = w.all.includes('/r') || has(w, 'remove-adpermission', 'remove-domainobjectacl', 'remove-acl');
  const t = v.raw;
  let found = w.all.some((a) => a.includes(GET_CHANGES_ALL)) || normKey(after(w, 'rights') ?? '') === 'dcsync';
  for (let i = 0; !found && i + 3 < t.length; i++) {
    found = t[i].text === 'replicating' && t[i + 1].text === 'directory' && t[i + 2].text === 'changes' && t[i + 3].text === 'all';
  }
  if (!found) return;
  if (revoking) closes(ctx, 'directory_replication');
  else opens(ctx, 'directory_replication', `${w.source}: Replicating Directory Changes All granted`);
}

/**
 * Shadow copies, the backup catalog or recovery deleted (vssadmin delete shadows, wmic shadowcopy delete, wbadmin delete
 * catalog / systemstatebackup / backup, bcdedit recoveryenabled no): MITRE ATT&CK T1490 Inhibit System Recovery.
 */
function recovery(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    const programs = line.map((a) => lastSegment(a.split('\\').at(-1) ?? a));
    const say = (what: string) => {
      opens(ctx, 'backups_deleted', `${w.source}: ${what}`);
      ctx.b.set('change.backup_confirmed', false, w.source);
    };
    if ((programs.includes('vssadmin') || programs.includes('vssadmin.exe')) && line.includes('delete') && line.includes('shadows')) say('vssadmin delete shadows');
    else if (programs.some((p) => p === 'wmic' || p === 'wmic.exe') && line.includes('shadowcopy') && line.includes('delete')) say('wmic shadowcopy delete');
    else if ((programs.includes('vssadmin') || programs.includes('vssadmin.exe')) && line.includes('resize') && line.includes('shadowstorage')) say('vssadmin resize shadowstorage');
    else if (programs.some((p) => p === 'wbadmin' || p === 'wbadmin.exe') && line.includes('delete') && line.some((a) => a === 'catalog' || a === 'systemstatebackup' || a === 'backup')) say(`wbadmin delete ${line.find((a) => a === 'catalog' || a === 'systemstatebackup' || a === 'backup')}`);
    else if (programs.some((p) => p === 'bcdedit' || p === 'bcdedit.exe') && line.includes('recoveryenabled') && offWord(line[line.indexOf('recoveryenabled') + 1])) say('bcdedit recoveryenabled no');
    else if (line.some((a) => a === 'remove-wbbackupset' || a === 'remove-wbcatalog')) say(line.find((a) => a.startsWith('remove-wb')) ?? 'Windows Server Backup removed');
    else if (line.includes('get-ciminstance') || line.includes('get-wmiobject')) {
      if (line.some((a) => a.includes('win32_shadowcopy')) && line.some((a) => a === 'remove-ciminstance' || a === 'remove-wmiobject' || a.endsWith('.delete()'))) say('Win32_ShadowCopy deleted');
    }
  }
}

/** macOS: Gatekeeper switched off (spctl --master-disable / --global-disable) or quarantine flags stripped (MITRE ATT&CK T1553.001). */
function gatekeeper(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    const programs = line.map((a) => lastSegment(a));
    if (programs.includes('spctl') && line.some((a) => a === '--master-disable' || a === '--global-disable')) opens(ctx, 'endpoint_control_off', `${w.source}: Gatekeeper disabled (spctl)`);
    // csrutil disable / csrutil enable --without fs|kext|debug / csrutil authenticated-root disable: System Integrity Protection off, whole or in part
    // (Apple Developer, Disabling and Enabling System Integrity Protection; CIS Apple macOS Benchmark, SIP enabled).
    const csr = programs.indexOf('csrutil');
    if (csr >= 0) {
      const rest = line.slice(csr + 1).map((a) => a.replace(/[,;'"]+$/g, '').replace(/^['"]+/, ''));
      if (rest.includes('disable') || (rest.includes('enable') && rest.includes('--without'))) opens(ctx, 'endpoint_control_off', `${w.source}: System Integrity Protection disabled (csrutil)`);
    }
    if (programs.includes('xattr') && line.some((a) => a.startsWith('-') && (a.includes('d') || a.includes('c'))) && line.some((a) => a.includes('com.apple.quarantine') || a === '-c' || a === '-cr' || a === '-rc')) opens(ctx, 'endpoint_control_off', `${w.source}: quarantine attribute stripped (Gatekeeper bypass)`);
  }
}

/**
 * A private key exported without a password (certutil -exportPFX -p "", Export-PfxCertificate with neither -Password
 * nor -ProtectTo): whoever obtains the file holds the key (NIST SP 800-57 Part 1, private keys protected against disclosure).
 */
function keyExport(ctx: ReadContext, w: Words): void {
  if (has(w, 'certutil', 'certutil.exe') && w.all.includes('-exportpfx')) {
    const p = after(w, 'p');
    if (p === undefined || p === '' || p === '""' || p === "''") opens(ctx, 'private_key_unprotected', `${w.source}: certutil -exportPFX without a password`);
  }
  // openssl pkcs12 -export -passout pass: (empty) or -nodes / -noenc: the key is written unencrypted.
  if (w.programs.has('openssl') && w.all.includes('pkcs12') && (w.all.includes('-nodes') || w.all.includes('-noenc') || after(w, 'passout') === 'pass' || after(w, 'passout') === 'pass:')) opens(ctx, 'private_key_unprotected', `${w.source}: openssl pkcs12 without a password`);
  if (w.all.includes('export-pfxcertificate') && after(w, 'password') === undefined && after(w, 'protectto') === undefined) opens(ctx, 'private_key_unprotected', `${w.source}: Export-PfxCertificate without a password`);
}

/** DNS zone transfers allowed to any server (DISA DNS SRG: transfers only to the specified secondaries). */
function zoneTransfer(ctx: ReadContext, v: TextView, w: Words): void {
  const secondaries = normKey(after(w, 'securesecondaries') ?? '');
  if (secondaries === 'transferanyserver') opens(ctx, 'zone_transfer_any', `${w.source}: -SecureSecondaries TransferAnyServer`);
  else if (secondaries === 'transfertosecureservers' || secondaries === 'transfertozonenameserver' || secondaries === 'notransfer') closes(ctx, 'zone_transfer_any');
  if (has(w, 'dnscmd', 'dnscmd.exe') && w.all.includes('/zoneresetsecondaries') && w.all.includes('/nonsecure')) opens(ctx, 'zone_transfer_any', `${w.source}: dnscmd /ZoneResetSecondaries /NonSecure`);
  // BIND: allow-transfer { any; };
  const t = v.raw;
  for (let i = 0; i + 4 < t.length; i++) {
    if (t[i].text === 'allow' && t[i + 1].text === '-' && t[i + 2].text === 'transfer' && t[i + 3].text === '{' && t[i + 4].text === 'any') opens(ctx, 'zone_transfer_any', `${w.source}: allow-transfer { any; }`);
  }
}

/** A remote range that covers every IPv4 address ("0.0.0.0-255.255.255.255", "0.0.0.0/0"). */
function everyAddress(range: string): boolean {
  return splitOn(range, ', ').some((r) => isWorldSource(r) || r === '0.0.0.0-255.255.255.255' || r === '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
}

/**
 * Exchange receive connector that relays for anyone: anonymous senders from every address given
 * ms-Exch-SMTP-Accept-Any-Recipient, or ExternalAuthoritative for every address (Microsoft Exchange Server docs, Allow
 * anonymous relay: a dedicated connector limited to the devices' IP addresses). Postfix mynetworks 0.0.0.0/0 is the same.
 */
function relay(ctx: ReadContext, w: Words): void {
  const ranges = after(w, 'remoteipranges');
  const world = ranges !== undefined && everyAddress(ranges);
  const anonymousRelay = w.all.some((a) => a.includes('ms-exch-smtp-accept-any-recipient')) && w.all.some((a) => a.includes('anonymous'));
  const external = normKey(after(w, 'authmechanism') ?? '').includes('externalauthoritative');
  if (world && (anonymousRelay || external)) opens(ctx, 'open_relay', `${w.source}: relay for any sender from ${ranges}`);
  for (const line of w.lines) {
    const networks = settingOnLine(line, 'mynetworks');
    if (networks !== undefined && everyAddress(networks)) opens(ctx, 'open_relay', `${w.source}: mynetworks ${networks}`);
  }
}

/** Cisco ASA: a VPN tunnel group authenticated by the device's LOCAL database, so by password alone (CISA/FBI AA24-109A). */
function vpnLocalAuth(ctx: ReadContext, w: Words): void {
  if (!w.all.includes('tunnel-group')) return;
  for (const line of w.lines) {
    const at = line.indexOf('authentication-server-group');
    if (at >= 0 && line[at + 1] === 'local' && line[0] !== 'no') opens(ctx, 'mfa_off', `${w.source}: tunnel group authenticated by LOCAL passwords only (no MFA server)`);
  }
}

/** A literal password turned into a credential in a script (ConvertTo-SecureString 'x' -AsPlainText): the secret is in the script. */
function plaintextPassword(ctx: ReadContext, w: Words): void {
  const at = w.all.indexOf('convertto-securestring');
  if (at < 0 || !w.all.includes('-asplaintext')) return;
  let value = w.all[at + 1];
  if (value !== undefined && normKey(value) === 'string') value = w.all[at + 2];
  if (value !== undefined && !value.startsWith('$') && !value.startsWith('(') && !value.startsWith('-')) opens(ctx, 'credential_exposure', `${w.source}: a literal password in the script (ConvertTo-SecureString -AsPlainText)`);
}

/**
 * Defender exclusions given on the command line (Add-MpPreference / Set-MpPreference -ExclusionPath, -ExclusionExtension,
 * -ExclusionProcess): read by `broadExclusions`.
 */
function defenderCmdlet(ctx: ReadContext, w: Words): void {
  if (!has(w, 'add-mppreference', 'set-mppreference')) return;
  for (const [flagName, kind] of [['exclusionpath', 'path'], ['exclusionextension', 'extension'], ['exclusionprocess', 'process']] as const) {
    const value = phraseAfter(w, flagName);
    if (value) broadExclusions(ctx, kind, splitOn(value, ',').map((s) => unquote(s.trim())), `${w.source}: -${flagName}`);
  }
}

/** Inbox or transport rule actions that make a message disappear from the mailbox owner's view. */
const HIDING_FLAGS = ['deletemessage', 'softdeletemessage', 'harddeletemessage'];
const HIDING_FOLDERS = ['deleted items', 'rss', 'rss feeds', 'rss subscriptions', 'conversation history', 'archive', 'junk email', 'junk'];
const CONDITION_FLAGS = ['subjectcontainswords', 'subjectorbodycontainswords', 'bodycontainswords', 'fromaddresscontainswords', 'headercontainswords', 'subjectmatchespatterns', 'subjectorbodymatchespatterns'];

/**
 * An inbox or transport rule that deletes (or moves out of sight) messages whose words are security notifications: sign-in
 * alerts, password and payment-detail confirmations (MITRE ATT&CK T1564.008 Email Hiding Rules).
 */
function hidingRule(ctx: ReadContext, w: Words): void {
  if (!has(w, 'new-inboxrule', 'set-inboxrule', 'new-transportrule', 'set-transportrule')) return;
  // A switch given without a value ("-DeleteMessage -StopProcessingRules") is on.
  const deletes = HIDING_FLAGS.some((f) => {
    const value = after(w, f);
    return value !== undefined && (onWord(value) || value === '' || value.startsWith('-'));
  });
  let folder = (phraseAfter(w, 'movetofolder') ?? '').toLowerCase();
  while (folder.startsWith('"') || folder.startsWith("'")) folder = folder.slice(1);
  while (folder.endsWith('"') || folder.endsWith("'")) folder = folder.slice(0, -1);
  const hides = deletes || HIDING_FOLDERS.some((f) => folder.endsWith(f) || folder.includes(`\\${f}`) || folder.includes(`:${f}`));
  if (!hides) return;
  const condition = CONDITION_FLAGS.map((f) => phraseAfter(w, f) ?? '').join(' , ');
  const matches = ctx.catalogue.vocabulary.match(tokenize(condition), []);
  const notice = matches.find((m) => m.concept === 'mail.security_notice');
  if (notice) opens(ctx, 'mail_alert_hidden', `${w.source}: a rule ${deletes ? 'deletes' : `moves to ${folder}`} messages about security or payment notices`);
}

/** A GPO unlinked, or an object removed, whose name is a safeguard's (Remove-GPLink -Name "Windows LAPS"). */
function unlinkedSafeguard(ctx: ReadContext, w: Words): void {
  const removing = w.all.includes('remove-gplink') || (w.all.includes('set-gplink') && offWord(after(w, 'linkenabled')));
  if (!removing) return;
  const name = phraseAfter(w, 'name', 'guid') ?? '';
  const matches = ctx.catalogue.vocabulary.match(tokenize(name), []);
  if (matches.some((m) => m.concept === 'guard.laps')) opens(ctx, 'laps_off', `${w.source}: Windows LAPS policy unlinked`);
}

const REGISTRY_CMDLETS = new Set(['set-itemproperty', 'new-itemproperty', 'set-gpregistryvalue', 'set-gpprefregistryvalue']);

/** Registry writes on the command line (reg add KEY /v NAME /d DATA; Set-ItemProperty / New-ItemProperty -Name -Value). */
function registryCommands(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    const v = line.indexOf('/v');
    const d = line.indexOf('/d');
    if (line.includes('reg') && line.includes('add') && v >= 0 && d >= 0) readOnPremSetting(ctx, line[v + 1] ?? '', unquote(line[d + 1] ?? ''), `${w.source}: reg add /v ${line[v + 1]}`);
  }
  // Set-ItemProperty / New-ItemProperty -Name N -Value V, and Group Policy's Set-GPRegistryValue / Set-GPPrefRegistryValue
  // -ValueName N -Value V, read line by line: a script writes several values.
  for (const line of w.lines) {
    if (!line.some((a) => REGISTRY_CMDLETS.has(lastSegment(a)))) continue;
    const lw: Words = { all: line, lines: [line], programs: new Set(line.map((a) => lastSegment(a))), source: w.source };
    // Set-GPRegistryValue's -Name is the GPO; the value's name is -ValueName.
    const name = after(lw, 'valuename') ?? after(lw, 'name');
    const value = after(lw, 'value');
    if (name && value !== undefined) readOnPremSetting(ctx, name, value.startsWith('$') ? value.slice(1) : value, `${w.source}: ${name} = ${value}`);
  }
  // Set-ADDefaultDomainPasswordPolicy -ReversibleEncryptionEnabled $true; Set-ADUser -AllowReversiblePasswordEncryption $true.
  for (const f of ['reversibleencryptionenabled', 'allowreversiblepasswordencryption']) {
    const value = after(w, f);
    if (value !== undefined) readOnPremSetting(ctx, f, value.startsWith('$') ? value.slice(1) : value, `${w.source}: -${f} ${value}`);
  }
}

/**
 * Windows security settings by their registry or cmdlet names, with the value that weakens them and what it opens.
 * Sources: Microsoft security baselines and CIS Windows benchmarks (SMBv1 off, SMB signing required, LDAP server
 * signing required, WDigest off, NLA for Remote Desktop, UAC on, firewall on, Defender antivirus on).
 */
const BASELINE: Readonly<Record<string, { weak: 'on' | 'off' | 'below2' | readonly number[]; opens: string; what: string }>> = {
  // Levels where one number is the weakest setting (Microsoft 365 Apps security baseline and CIS Microsoft Office Benchmarks:
  // VBAWarnings 1 enables every macro, blockcontentexecutionfrominternet 0 lets macros from the internet run; CIS Windows
  // Benchmark 1.2.1 and 2.3.17.2: an account lockout threshold of 0 never locks, ConsentPromptBehaviorAdmin 0 elevates
  // without asking; Microsoft Learn, Account lockout threshold: 0 means the account is never locked out).
  vbawarnings: { weak: [1], opens: 'baseline_weakened', what: 'all macros enabled (VBAWarnings 1)' },
  blockcontentexecutionfrominternet: { weak: [0], opens: 'baseline_weakened', what: 'macros from the internet allowed to run' },
  lockoutbadcount: { weak: [0], opens: 'baseline_weakened', what: 'account lockout threshold 0 (never locks)' },
  lockoutthreshold: { weak: [0], opens: 'baseline_weakened', what: 'account lockout threshold 0 (never locks)' },
  accountlockoutthreshold: { weak: [0], opens: 'baseline_weakened', what: 'account lockout threshold 0 (never locks)' },
  consentpromptbehavioradmin: { weak: [0], opens: 'baseline_weakened', what: 'UAC elevates administrators without a prompt' },
  enablesmb1protocol: { weak: 'on', opens: 'baseline_weakened', what: 'SMBv1 enabled' },
  smb1: { weak: 'on', opens: 'baseline_weakened', what: 'SMBv1 enabled' },
  requiresecuritysignature: { weak: 'off', opens: 'baseline_weakened', what: 'SMB signing not required' },
  ldapserverintegrity: { weak: 'below2', opens: 'baseline_weakened', what: 'LDAP server signing not required' },
  ldapclientintegrity: { weak: 'off', opens: 'baseline_weakened', what: 'LDAP client signing off' },
  // LDAP channel binding (ADV190023): 0 never binds the LDAPS session to its TLS channel, so relayed binds are accepted.
  ldapenforcechannelbinding: { weak: [0], opens: 'baseline_weakened', what: 'LDAP channel binding never required' },
  uselogoncredential: { weak: 'on', opens: 'baseline_weakened', what: 'WDigest keeps plain-text credentials in memory' },
  // PowerShell script block and module logging (CIS Microsoft Windows Benchmarks 18.10.87.1-2; CISA/NSA, Keeping PowerShell: Security Measures to Use and Embrace).
  enablescriptblocklogging: { weak: 'off', opens: 'audit_logging_off', what: 'PowerShell script block logging off' },
  enablemodulelogging: { weak: 'off', opens: 'audit_logging_off', what: 'PowerShell module logging off' },
  enablelua: { weak: 'off', opens: 'endpoint_control_off', what: 'User Account Control off' },
  enablefirewall: { weak: 'off', opens: 'endpoint_control_off', what: 'Windows Firewall off' },
  disableantispyware: { weak: 'on', opens: 'endpoint_control_off', what: 'Defender antivirus off' },
  disableantivirus: { weak: 'on', opens: 'endpoint_control_off', what: 'Defender antivirus off' },
  disablerealtimemonitoring: { weak: 'on', opens: 'endpoint_control_off', what: 'real-time protection off' },
  // Remote Desktop (RDP-Tcp WinStation): NLA off (UserAuthentication 0) and the RDP security layer without TLS (SecurityLayer 0).
  userauthentication: { weak: 'off', opens: 'baseline_weakened', what: 'Network Level Authentication off for Remote Desktop' },
  securitylayer: { weak: 'off', opens: 'baseline_weakened', what: 'Remote Desktop on the RDP security layer (no TLS)' },
  // Point and Print (KB5005652, PrintNightmare CVE-2021-34527): standard users may install printer drivers, with no warning or elevation.
  restrictdriverinstallationtoadministrators: { weak: 'off', opens: 'baseline_weakened', what: 'Point and Print driver installation open to non-administrators' },
  nowarningnoelevationoninstall: { weak: 'on', opens: 'baseline_weakened', what: 'Point and Print installs drivers with no warning or elevation' },
};

/**
 * Security Options as Group Policy names them ("Domain controller: LDAP server signing requirements": "Require signature"),
 * read as the registry value each one writes (Microsoft Learn, Security Options reference for each policy), so a GPO
 * written by display name is read by the same baseline as one written by registry value.
 */
const GPO_SECURITY_OPTIONS: Readonly<Record<string, { key: string; values: Readonly<Record<string, number>> }>> = {
  domaincontrollerldapserversigningrequirements: { key: 'ldapserverintegrity', values: { none: 1, requiresignature: 2, requiresigning: 2 } },
  domaincontrollerldapserverchannelbindingtokenrequirements: { key: 'ldapenforcechannelbinding', values: { never: 0, whensupported: 1, always: 2 } },
  networksecurityldapclientsigningrequirements: { key: 'ldapclientintegrity', values: { none: 0, negotiatesigning: 1, requiresigning: 2, requiresignature: 2 } },
  microsoftnetworkserverdigitallysigncommunicationsalways: { key: 'requiresecuritysignature', values: { enabled: 1, disabled: 0 } },
  microsoftnetworkclientdigitallysigncommunicationsalways: { key: 'requiresecuritysignature', values: { enabled: 1, disabled: 0 } },
};

function baselineSetting(ctx: ReadContext, key: string, raw: unknown, say: string): boolean {
  const option = GPO_SECURITY_OPTIONS[key];
  const k = option?.key ?? key;
  const value = option ? option.values[normKey(scalarText(raw) ?? '')] : raw;
  const rule = BASELINE[k];
  if (!rule) return false;
  const text = scalarText(value);
  const on = leadingFlag(value);
  const level = text !== undefined && text.trim() !== '' ? Number(text) : Number.NaN;
  const weak = Array.isArray(rule.weak) ? rule.weak.includes(level) : rule.weak === 'on' ? on === true : rule.weak === 'off' ? on === false : !Number.isNaN(level) && level < 2;
  if (!weak) {
    // The protective value read (signing required, SMBv1 off): the baseline is kept or put back.
    const known = Array.isArray(rule.weak) ? !Number.isNaN(level) : rule.weak === 'below2' ? !Number.isNaN(level) : on !== undefined;
    if (known) closes(ctx, rule.opens);
    return true;
  }
  if (rule.opens === 'baseline_weakened') {
    ctx.b.add('change.baseline_weakened', rule.what, say);
    ctx.opens.add('baseline_weakened');
  } else opens(ctx, rule.opens, `${say} (${rule.what})`);
  return true;
}

/** Cmdlet parameters that are baseline settings (Set-SmbServerConfiguration -EnableSMB1Protocol $true, Set-MpPreference -DisableRealtimeMonitoring $true). */
function baselineParameters(ctx: ReadContext, w: Words): void {
  for (let i = 0; i < w.all.length; i++) {
    const a = w.all[i];
    if (!a.startsWith('-')) continue;
    const eq = a.indexOf(':');
    const k = normKey(eq > 0 ? a.slice(0, eq) : a);
    if (BASELINE[k]) baselineSetting(ctx, k, eq > 0 ? a.slice(eq + 1) : (w.all[i + 1] ?? ''), `${w.source}: ${a}`);
    // A switch parameter named for a safeguard set false (Set-ADObject -ProtectedFromAccidentalDeletion:$false): the safeguard goes off.
    else {
      const value = (eq > 0 ? a.slice(eq + 1) : (w.all[i + 1] ?? '')).replace(/^\$/, '');
      if (value === 'false' || value === '0') {
        for (const hazard of safeguardsNamed(ctx, eq > 0 ? a.slice(1, eq) : a.slice(1))) {
          // Clearing accidental-deletion protection right before a non-recursive Remove-AD… is how an empty container is
          // deleted: without -Recursive the cmdlet refuses an OU that still holds objects. With -Recursive it takes them all.
          if (hazard === 'deletion_protection_off' && w.all.some((x) => x.startsWith('remove-ad')) && !w.all.some((x) => x === '-recursive' || x.startsWith('-recursive:'))) {
            checks(ctx, 'bounded_delete', `${w.source}: protection cleared for a non-recursive Remove-AD… (only an empty container can go)`);
            continue;
          }
          opens(ctx, hazard, `${w.source}: ${eq > 0 ? a : `${a} ${w.all[i + 1]}`}`);
        }
      }
    }
  }
  if (has(w, 'set-netfirewallprofile') && offWord((after(w, 'enabled') ?? '').replace('$', ''))) opens(ctx, 'endpoint_control_off', `${w.source}: Windows Firewall profile disabled`);
  if (has(w, 'enable-windowsoptionalfeature', 'install-windowsfeature', 'add-windowsfeature') && w.all.some((x) => normKey(x).startsWith('smb1protocol') || normKey(x) === 'fssmb1')) {
    ctx.b.add('change.baseline_weakened', 'SMBv1 enabled', w.source);
    ctx.opens.add('baseline_weakened');
  }
}

/** Local Administrators given to everyone (Add-LocalGroupMember -Group Administrators -Member "Domain Users"). */
function localAdminsCmdlet(ctx: ReadContext, w: Words): void {
  if (!w.all.includes('add-localgroupmember')) return;
  const group = phraseAfter(w, 'group', 'name', 'sid') ?? '';
  const members = phraseAfter(w, 'member', 'members') ?? '';
  localAdmins(ctx, group, splitOn(members, ','), w.source);
}

/** Reads the on-premises shapes in a command line, script or configuration text. */
export function readOnPremText(ctx: ReadContext, v: TextView, source: string): void {
  if (v.raw.length === 0) return;
  const w = wordsOf(v, source);
  sshd(ctx, v, source);
  sudoers(ctx, w);
  pgHba(ctx, w);
  durability(ctx, w);
  sqlServer(ctx, w);
  dcsync(ctx, v, w);
  recovery(ctx, w);
  gatekeeper(ctx, w);
  keyExport(ctx, w);
  zoneTransfer(ctx, v, w);
  relay(ctx, w);
  vpnLocalAuth(ctx, w);
  plaintextPassword(ctx, w);
  defenderCmdlet(ctx, w);
  hidingRule(ctx, w);
  unlinkedSafeguard(ctx, w);
  registryCommands(ctx, w);
  baselineParameters(ctx, w);
  localAdminsCmdlet(ctx, w);
  directoryDelegation(ctx, w);
  diskEncryptionOff(ctx, w);
  hypervisorShell(ctx, w);
  readMailCommands(ctx, w.lines, w.source);
}

/** Rights over accounts that dsacls grants ("/G group:CA;Reset Password;user", "WP;pwdLastSet", "WP;lockoutTime"). */
const ACCOUNT_RIGHTS = ['reset password', 'change password', 'pwdlastset', 'lockouttime', 'useraccountcontrol', 'member', 'all extended rights'];

/**
 * Delegation of rights over accounts (dsacls /G, the Delegation of Control wizard's ACEs): it changes who may reset
 * passwords, it resets none itself, so the right's name ("Reset Password") is not read as a reset. Granted at the
 * domain root it covers service, server-admin and every other account (Microsoft, Implementing Least-Privilege
 * Administrative Models: delegate on the OUs of ordinary users); read-direction.ts reads that line as a privileged ACE.
 */
function directoryDelegation(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    if (!line.some((a) => lastSegment(a) === 'dsacls' || lastSegment(a) === 'dsacls.exe')) continue;
    const g = line.indexOf('/g');
    if (g < 0 || line.includes('/r')) continue;
    const ace = line.slice(g + 1).join(' ').replace(/[;:]/g, ' ');
    const right = ACCOUNT_RIGHTS.find((r) => ace.includes(r));
    const target = line.find((a) => a.includes('dc=')) ?? '';
    if (!right) {
      boundedDelegation(ctx, line.slice(g + 1), target, w.source);
      continue;
    }
    ctx.b.add('change.delegated_rights', `${right} on ${target.slice(0, 120)}`, w.source);
    ctx.opens.add('delegated_rights');
  }
}

/** dsacls permission letters that only create, delete, list or read child objects: no write, no owner, no extended right. */
const CHILD_OBJECT_RIGHTS = /^(cc|dc|lc|rc|rp|lo|sd)+$/;

/**
 * A dsacls grant of child-object rights (CC, DC, LC, RP: create, delete, list, read) on one object class to a named
 * group, below the domain root (an OU, an AD-integrated DNS zone): the Delegation of Control pattern Microsoft gives for
 * desk tiers, which writes no attribute, takes no ownership and carries no extended right (Microsoft Learn, dsacls; AD DS
 * delegation best practices). It bounds the change; a write, a full-control letter or a broad group does not.
 */
function boundedDelegation(ctx: ReadContext, aces: readonly string[], target: string, source: string): void {
  if (!/(^|,)(ou|cn)=/.test(target)) return;
  const read: string[] = [];
  for (const ace of aces) {
    if (ace.startsWith('/')) break;
    const colon = ace.lastIndexOf(':');
    if (colon <= 0) return;
    const principal = normKey(ace.slice(0, colon).split('\\').at(-1) ?? '');
    const [perms, objectClass] = ace.slice(colon + 1).split(';');
    if (!principal || BROAD_PRINCIPALS.has(principal) || principal === 'anonymouslogon' || !CHILD_OBJECT_RIGHTS.test(perms ?? '') || !objectClass) return;
    read.push(`${ace.slice(0, colon)}: ${perms.toUpperCase()} on ${objectClass} objects`);
  }
  if (read.length > 0) checks(ctx, 'grant_scoped', `${source}: ${read.slice(0, 2).join('; ')} under ${target.slice(0, 80)}`);
}

/**
 * Full-disk encryption switched off: macOS `fdesetup disable`, Windows `manage-bde -off`, `Disable-BitLocker`
 * (CIS Apple macOS Benchmark 2.5.1.1 FileVault enabled; CIS Windows 18.10.9 BitLocker).
 */
function diskEncryptionOff(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    const programs = line.map((a) => lastSegment(a.split('\\').at(-1) ?? a));
    const fde = programs.indexOf('fdesetup');
    const bde = programs.findIndex((p) => p === 'manage-bde' || p === 'manage-bde.exe');
    if ((fde >= 0 && line[fde + 1] === 'disable') || (bde >= 0 && line.slice(bde + 1).includes('-off')) || programs.includes('disable-bitlocker')) {
      opens(ctx, 'encryption_off', `${w.source}: ${line.slice(0, 4).join(' ')} (disk encryption off)`);
    }
  }
}

/**
 * ESXi hosts opened to a shell (VMware vSphere Security Configuration Guide, CIS VMware ESXi Benchmark 2.x/5.x): lockdown
 * mode exited, the SSH or ESXi Shell service started or set to start with the host, the shell's idle timeout removed.
 */
function hypervisorShell(ctx: ReadContext, w: Words): void {
  for (const line of w.lines) {
    const joined = ` ${line.join(' ')} `;
    if (joined.includes('exitlockdownmode') || (line.includes('set-vmhostlockdown') && line.includes('-disable'))) {
      ctx.b.add('change.safeguard_setting_off', 'ESXi lockdown mode', w.source);
      ctx.opens.add('safeguard_setting_off');
    }
    const shell = joined.includes('tsm-ssh') || joined.includes(" 'tsm' ") || joined.includes(' tsm ');
    const starts = line.includes('start-vmhostservice') || (line.includes('set-vmhostservice') && normKey(after({ ...w, all: line }, 'policy') ?? '') === 'on');
    if (shell && starts) {
      ctx.b.add('change.insecure_feature_on', 'SSH / ESXi Shell on hypervisor hosts', w.source);
      ctx.opens.add('insecure_feature_on');
    }
    if ((joined.includes('esxishellinteractivetimeout') || joined.includes('esxishelltimeout')) && after({ ...w, all: line }, 'value') === '0') {
      ctx.b.add('change.safeguard_setting_off', 'ESXi shell timeout', w.source);
      ctx.opens.add('safeguard_setting_off');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Settings written as objects (Intune / Graph, Group Policy, registry, backup consoles, firewalls).

/**
 * Exclusion entries that Microsoft lists as mistakes ("Common mistakes to avoid when defining exclusions"): folders where
 * downloads and temporary files land or whole profiles and drives, script and executable extensions, and the script hosts
 * and interpreters malware runs through. Exclusions narrower than that (one vendor folder, one signed binary) are not read as broad.
 */
const BROAD_PATH_PARTS = new Set(['temp', 'tmp', 'downloads', '%temp%', '%tmp%', '%userprofile%', '%appdata%', '%localappdata%', 'appdata', '*', '%systemroot%', '%windir%', 'windows', 'system32', 'programdata', '%programdata%', 'public']);
const BROAD_EXTENSIONS = new Set(['ps1', 'psm1', 'psd1', 'js', 'jse', 'vbs', 'vbe', 'wsf', 'bat', 'cmd', 'exe', 'dll', 'hta', 'scr', 'msi', 'jar', 'lnk', 'com', 'pif', 'docm', 'xlsm', 'zip', 'iso', '*']);
const BROAD_PROCESSES = new Set(['powershell.exe', 'pwsh.exe', 'powershell_ise.exe', 'cmd.exe', 'wscript.exe', 'cscript.exe', 'mshta.exe', 'rundll32.exe', 'regsvr32.exe', 'msiexec.exe', 'schtasks.exe', 'python.exe', 'java.exe', 'javaw.exe', 'bitsadmin.exe', 'certutil.exe', 'wmic.exe', 'explorer.exe', 'svchost.exe', '*']);

function broadPath(p: string): boolean {
  const s = p.toLowerCase().trim();
  if (s === '') return false;
  // A drive root or the whole user-profile tree ("C:\", "C:\Users", "C:\Users\*").
  const parts = splitOn(s, '\\/').filter(Boolean);
  if (parts.length === 1 && parts[0].endsWith(':')) return true;
  if (parts.length <= 3 && parts[1] === 'users' && (parts.length === 2 || parts[2] === '*')) return true;
  const last = parts.at(-1) ?? '';
  return BROAD_PATH_PARTS.has(last) || parts.some((x) => x === 'temp' || x === 'downloads' || x === '%temp%');
}

export function broadExclusions(ctx: ReadContext, kind: 'path' | 'extension' | 'process', values: readonly string[], source: string): void {
  const broad = values.filter((x) => {
    const s = x.toLowerCase().trim();
    if (kind === 'path') return broadPath(s);
    if (kind === 'extension') return BROAD_EXTENSIONS.has(s.startsWith('*.') ? s.slice(2) : s.startsWith('.') ? s.slice(1) : s);
    return BROAD_PROCESSES.has(lastSegment(s.split('\\').at(-1) ?? s));
  });
  for (const b of broad) ctx.b.add('change.av_exclusions_broad', b, source);
  if (broad.length > 0) ctx.opens.add('av_exclusions_broad');
}

/** Keys of antivirus exclusion lists (Intune windows10GeneralConfiguration, Defender policy CSP, MDE / Jamf-style payloads). */
const DEFENDER_CSP_NAMES = new Set(['exclusionpath', 'exclusionextension', 'exclusionprocess', 'excludedpaths', 'excludedextensions', 'excludedprocesses']);

function exclusionKind(k: string, source: string): 'path' | 'extension' | 'process' | undefined {
  if (!(k.includes('exclu') || k.includes('exempt'))) return undefined;
  // Defender's own names (Set-MpPreference, Policy CSP ExcludedPaths) count under a Defender or antivirus setting only.
  const s = normKey(source);
  const antivirus = k.includes('defender') || k.includes('antivirus') || k.includes('malware') || (DEFENDER_CSP_NAMES.has(k) && (s.includes('defender') || s.includes('antivirus') || s.includes('malware') || s.includes('mppreference')));
  if (!antivirus) return undefined;
  if (k.includes('extension')) return 'extension';
  if (k.includes('process')) return 'process';
  if (k.includes('path') || k.includes('folder') || k.includes('file') || k.includes('location')) return 'path';
  return undefined;
}

/** Leading word of a setting's value ("disabled (was 14 days)" → false). */
/**
 * A setting read by its name: registry values, Group Policy security options, Intune and backup-console settings.
 * Returns whether the name was one this reader knows.
 */
export function readOnPremSetting(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const k = normKey(key);
  const text = scalarText(value);
  const say = `${source} = ${text ?? JSON.stringify(value)}`;
  const kind = exclusionKind(k, source);
  if (kind) {
    broadExclusions(ctx, kind, asArray(value).flatMap((x) => (typeof x === 'string' ? splitOn(x, ',;') : isRecord(x) ? strings(Object.values(x)) : [])), say);
    return true;
  }
  // Network security: LAN Manager authentication level (CIS Windows 2.3.11.7: 5, send NTLMv2 only, refuse LM and NTLM).
  if (k === 'lmcompatibilitylevel' || k.endsWith('lanmanagerauthenticationlevel')) {
    const n = Number(text);
    if (text !== undefined && text !== '' && Number.isInteger(n)) ctx.b.set('change.lm_compatibility_level', n, say);
    return true;
  }
  // Store passwords using reversible encryption (CIS Windows 1.1.7 Disabled; DISA STIG CAT I); secedit ClearTextPassword.
  if (k.endsWith('storepasswordsusingreversibleencryption') || k === 'cleartextpassword' || k === 'reversibleencryptionenabled' || k === 'allowreversiblepasswordencryption') {
    if (leadingFlag(value) === true) opens(ctx, 'reversible_passwords', say);
    else if (leadingFlag(value) === false) closes(ctx, 'reversible_passwords');
    return true;
  }
  // Backup immutability (Veeam hardened repository "Make recent backups immutable", immutability periods): off lets anyone with the console delete backups.
  if (k.includes('immutab')) {
    const on = leadingFlag(value);
    if (on === false || (text !== undefined && Number(text) === 0)) opens(ctx, 'deletion_protection_off', `${say} (backup immutability off)`);
    else if (on === true) closes(ctx, 'deletion_protection_off');
    return true;
  }
  if (baselineSetting(ctx, k, value, say)) return true;
  if (k === 'securesecondaries' || k === 'zonetransfers' || k === 'allowzonetransfers' || k === 'allowtransfer') {
    const v = normKey(text ?? '');
    if (v === 'transferanyserver' || v === 'any' || v === 'toanyserver' || v === 'anyserver') opens(ctx, 'zone_transfer_any', say);
    return true;
  }
  return false;
}

/** Principals that are everyone in the domain or on the machine. */
const BROAD_PRINCIPALS = new Set(['domainusers', 'authenticatedusers', 'everyone', 'users', 'interactive', 'domaincomputers', 'allusers']);

/** Local Administrators given to a principal that is everyone (GPO Local Users and Groups, Restricted Groups, Add-LocalGroupMember). */
function localAdmins(ctx: ReadContext, group: string, members: readonly string[], source: string): void {
  const g = normKey(lastSegment(group.split('\\').at(-1) ?? group));
  if (!g.startsWith('administrators') && g !== 's-1-5-32-544'.replaceAll('-', '')) return;
  const broad = members.filter((m) => BROAD_PRINCIPALS.has(normKey(m.split('\\').at(-1) ?? m)));
  if (broad.length === 0) return;
  opens(ctx, 'admin_role', `${source}: local Administrators granted to ${broad.join(', ')}`, `local Administrators for ${broad.join(', ')}`);
  opens(ctx, 'bulk_scope', `${source}: ${broad.join(', ')} (everyone in the domain)`);
}

/**
 * A mail rule written as an object (Microsoft Graph messageRule: {conditions: {subjectContains…}, actions: {delete,
 * permanentDelete, moveToFolder}}) that deletes or hides messages whose words are security or payment notices (T1564.008).
 */
function messageRule(ctx: ReadContext, obj: Record<string, unknown>, path: string): boolean {
  const conditions = field(obj, 'conditions')?.value;
  const actions = field(obj, 'actions')?.value;
  if (!isRecord(conditions) || !isRecord(actions)) return false;
  const deletes = flagValue(field(actions, 'delete', 'permanentdelete', 'softdelete')?.value) === true;
  const folder = normKey(scalarText(field(actions, 'movetofolder')?.value) ?? '');
  const hides = deletes || folder === 'deleteditems' || folder === 'archive' || folder === 'junkemail' || folder === 'rssfeeds' || folder === 'conversationhistory';
  if (!hides) return true;
  const words = ['subjectcontains', 'bodycontains', 'bodyorsubjectcontains', 'sendercontains', 'headercontains'].flatMap((k) => strings(field(conditions, k)?.value)).join(' , ');
  if (ctx.catalogue.vocabulary.match(tokenize(words), []).some((m) => m.concept === 'mail.security_notice')) opens(ctx, 'mail_alert_hidden', `${path}: a mail rule hides messages about security or payment notices`);
  return true;
}

const NAT_TARGET_KEYS = ['redirecttargetport', 'localport', 'internalport', 'forwardport', 'translatedport', 'targetport', 'natport', 'destinationtranslatedport', 'mappedport'];
const NAT_SOURCE_KEYS = ['source', 'sourceip', 'sourceaddress', 'src', 'srcaddr', 'from', 'remotehost', 'sourcenet'];

/**
 * Objects read by their shape: a registry write ({key, value|name, data}), a GPO local-group item ({group, add_members}),
 * and a NAT port forward from any source to an internal port (the forwarded service is what the internet reaches).
 * Returns whether it was one.
 */
export function readOnPremObject(ctx: ReadContext, obj: Record<string, unknown>, path: string): boolean {
  let read = false;
  // A registry value as {key, name, type, data} or {key, name, type, value} (Group Policy Preferences, Intune OMA-URI, DSC).
  const named = field(obj, 'valuename', 'name');
  const data = field(obj, 'data', 'valuedata') ?? (named ? field(obj, 'value') : undefined);
  const name = scalarText((field(obj, 'data', 'valuedata') ? field(obj, 'valuename', 'value', 'name') : named)?.value);
  if (data && name && field(obj, 'key', 'path', 'hive', 'type') !== undefined) read = readOnPremSetting(ctx, name, data.value, `${path}: ${name}`) || read;
  const group = scalarText(field(obj, 'group', 'groupname', 'localgroup')?.value);
  const members = field(obj, 'addmembers', 'members', 'membersadd', 'add', 'member');
  if (group && members) {
    localAdmins(ctx, group, strings(members.value).concat(typeof members.value === 'string' ? [members.value] : []), path);
    read = true;
  }
  if (messageRule(ctx, obj, path)) read = true;
  const target = field(obj, ...NAT_TARGET_KEYS);
  const port = Number(scalarText(target?.value));
  if (target && Number.isInteger(port) && port > 0 && port <= 65535) {
    const src = strings(field(obj, ...NAT_SOURCE_KEYS)?.value).concat(scalarText(field(obj, ...NAT_SOURCE_KEYS)?.value) ?? []);
    const iface = normKey(scalarText(field(obj, 'interface', 'inboundinterface', 'zone', 'fromzone')?.value) ?? '');
    if (src.some(isWorldSource) || (src.length === 0 && (iface.startsWith('wan') || iface === 'outside' || iface === 'untrust'))) {
      opensToWorld(ctx, [port], `${path}: port forward from ${src[0] ?? iface} to internal port ${port}`);
      read = true;
    }
  }
  return read;
}

/** Keys whose text is a file's content or one of its lines ({file: /etc/ssh/sshd_config, content: "…"}). */
export const FILE_TEXT_KEYS = new Set(['content', 'contents', 'line', 'lines', 'append', 'insert', 'text', 'config', 'configuration', 'body']);
export const FILE_NAME_KEYS = ['file', 'path', 'filename', 'filepath', 'target', 'dest', 'destination'];

/** Lower-case strings and keys of a value tree, one per line, bounded. */
function shapeText(value: unknown, out: string[] = [], depth = 0): string[] {
  if (out.length > 400 || depth > 8) return out;
  if (typeof value === 'string') out.push(value.slice(0, 20_000).toLowerCase());
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value.slice(0, 200)) shapeText(v, out, depth + 1);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value).slice(0, 100)) {
    out.push(`${k.toLowerCase()}:`);
    shapeText(v, out, depth + 1);
  }
  return out;
}

const BROAD = '(everyone|authenticated users|domain users|domain computers|users|anonymous logon|interactive)';
const BROAD_RIGHTS = [
  // icacls D:\Share /grant "Everyone:(OI)(CI)F"
  new RegExp(`\\bicacls\\b[^\\n]{0,400}/grant(?::r)?\\s+"?(?:[\\w .-]{1,40}\\\\)?${BROAD}"?:(?:\\((?:oi|ci|io|np|i)\\)){0,5}\\(?(f|m|w)\\b`),
  // Grant-SmbShareAccess -AccountName Everyone -AccessRight Full; New-SmbShare -FullAccess Everyone
  new RegExp(`\\bgrant-smbshareaccess\\b[^\\n]{0,300}-accountname\\s+["']?(?:[\\w .-]{1,40}\\\\)?${BROAD}["']?[^\\n]{0,200}-accessright\\s+["']?(full|change)\\b`),
  new RegExp(`\\b(?:new|set)-smbshare\\b[^\\n]{0,300}-(fullaccess|changeaccess)\\s+["']?(?:[\\w .-]{1,40}\\\\)?${BROAD}\\b`),
  // net share Data=D:\Data /grant:everyone,full
  new RegExp(`\\bnet\\s+share\\b[^\\n]{0,300}/grant:["']?(?:[\\w .-]{1,40}\\\\)?${BROAD}["']?,(full|change)\\b`),
  // FileSystemAccessRule("Everyone","FullControl",…)
  new RegExp(`filesystemaccessrule\\(\\s*["'](?:[\\w .-]{1,40}\\\\)?${BROAD}["']\\s*,\\s*["'](fullcontrol|modify|write)\\b`),
];

/** Privileged groups of Active Directory (Microsoft, Appendix B: Privileged Accounts and Groups in Active Directory). */
const PRIVILEGED_GROUPS = new Set(['domainadmins', 'enterpriseadmins', 'schemaadmins', 'administrators', 'accountoperators', 'backupoperators', 'serveroperators', 'printoperators', 'dnsadmins', 'grouppolicycreatorowners', 'keyadmins', 'enterprisekeyadmins', 'builtinadministrators']);

const DATA_OVERWRITE: readonly [RegExp, string][] = [
  [/\brestore\s+database\b[^;\n]{0,600}\bwith\b[^;\n]{0,300}\breplace\b/, 'RESTORE DATABASE … WITH REPLACE overwrites the live database'],
  [/\brestore-sqldatabase\b[^\n]{0,400}-replacedatabase\b/, 'Restore-SqlDatabase -ReplaceDatabase overwrites the live database'],
  [/\bdbcc\s+check(?:db|table|alloc)\b[^;\n]{0,300}\brepair_allow_data_loss\b/, 'DBCC REPAIR_ALLOW_DATA_LOSS discards damaged pages and rows'],
  [/\bpg_restore\b[^\n]{0,300}\s(?:--clean|-c)\b/, 'pg_restore --clean drops the existing objects first'],
  [/\bmongorestore\b[^\n]{0,300}\s--drop\b/, 'mongorestore --drop drops the existing collections first'],
];

const CRADLE_RUN = /\b(iex|invoke-expression)\b|\|\s*(?:sudo\s+)?(?:ba|z|k|da)?sh\b|\bbash\s+<\(|\bpowershell(?:\.exe)?\b[^\n]{0,100}-command\s+-\s*$/;
const CRADLE_FETCH = /\b(iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring|downloadfile|net\.webclient|curl|wget|start-bitstransfer)\b/;
const PLAIN_SOURCE = /\bhttp:\/\/[\w.-]{1,200}|\bhttps?:\/\/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/;

const EKU_AUTH = /1\.3\.6\.1\.5\.5\.7\.3\.2|1\.3\.6\.1\.4\.1\.311\.20\.2\.2|1\.3\.6\.1\.5\.2\.3\.4|2\.5\.29\.37\.0|client auth|smart ?card logon|any purpose/;
const EKU_AGENT = /1\.3\.6\.1\.4\.1\.311\.20\.2\.1|certificate request agent|2\.5\.29\.37\.0|any purpose/;
const SUPPLIES_SUBJECT = /enrollee_supplies_subject|mspki-certificate-name-flag:\s*1\b/;
const BROAD_ENROLL = /\b(domain users|authenticated users|everyone|domain computers)\b/;
const MANAGER_APPROVAL = /pend_all_requests|manager approval|mspki-enrollment-flag:\s*(?:2|3|6|7|10|11)\b/;
const RA_SIGNATURE = /mspki-ra-signature:\s*[1-9]/;
const TEMPLATE_WRITE = /\b(write|writedacl|writeowner|writeproperty|fullcontrol|full control|genericall|genericwrite)\b/;

const DB_FILES = /\*?\.(mdf|ldf|ndf|ibd|myd|myi|dbf|ctl|edb|frm)\b|\\mssql\\data|\\mssql\\log|\/var\/lib\/(mysql|postgresql|pgsql|mongodb)|\bpg_wal\b|\bpgdata\b/;

/**
 * On-premises shapes read from a tool call as a whole (its strings and keys, lower case, bounded):
 *  - full control, modify or write on a file share or folder for a principal that is everyone (icacls /grant
 *    Everyone:F, Grant-SmbShareAccess -AccessRight Full, net share /grant:everyone,full, FileSystemAccessRule):
 *    any account or ransomware on the network can change or delete the data (CIS Controls v8 3.3, Microsoft share
 *    and NTFS permission guidance);
 *  - an account created or put into groups that include a privileged AD group (Domain Admins and the other groups
 *    of Microsoft's Appendix B), e.g. a new starter copied from a long-serving colleague: an administrative grant;
 *  - a restore over the live database or a repair that discards data (RESTORE … WITH REPLACE, DBCC
 *    REPAIR_ALLOW_DATA_LOSS, pg_restore --clean, mongorestore --drop): destructive, and the backup it uses does not
 *    protect what changed since it was taken;
 *  - a download cradle (IEX of Invoke-WebRequest, curl | sh) from plain HTTP or a bare IP address: code nobody checked
 *    runs as it arrives (MITRE ATT&CK T1059.001, T1105);
 *  - a certificate template vulnerable to ESC1-ESC4 (SpecterOps "Certified Pre-Owned"): the enrollee supplies the
 *    subject with an authentication EKU, or an Any Purpose / Certificate Request Agent EKU, enrollable by a broad
 *    group with no manager approval or RA signature; or write rights on the template for a broad group;
 *  - a backup job that excludes database files or turns application-aware processing off (CISA #StopRansomware).
 */
const RESTORE_TARGET_KEYS = ['target', 'restoreto', 'restoretarget', 'destination', 'location', 'restorelocation', 'restoremode', 'targetlocation'];
const IN_PLACE = /^(original|in[\s_-]?place|same|source|production|live)(?:[\s_-]?(location|path|server|host|share|database|vm))?$/;
const OVERWRITES = /^(always|true|yes|1|overwrite|replace|overwrite[\s_-]?(all|existing|always)|replace[\s_-]?existing)$/;

/**
 * A backup restore written as settings (a restore job or test: `{target: original_location, overwrite: always}`) that
 * puts the backup's older copy over the live data: everything changed since the restore point is lost. Restore tests
 * belong in an alternate, isolated location (NIST SP 800-34 Rev. 1 3.5.3 / CP-4 contingency plan testing; CISA
 * #StopRansomware, test backups). `overwrite: never`, an alternate target or an isolated host change nothing live.
 */
function readRestoreInPlace(ctx: ReadContext, parameters: Record<string, unknown>, say: (s: string) => string): void {
  const visit = (obj: Record<string, unknown>, depth: number): boolean => {
    if (depth > 4) return false;
    let target: string | undefined;
    let overwrite: string | undefined;
    for (const [k, v] of Object.entries(obj).slice(0, 100)) {
      const key = normKey(k);
      if (isRecord(v)) {
        if (visit(v, depth + 1)) return true;
        continue;
      }
      const text = scalarText(v)?.trim().toLowerCase().slice(0, 80);
      if (text === undefined) continue;
      if (RESTORE_TARGET_KEYS.includes(key)) target = target ?? text;
      if (key === 'overwrite' || key === 'overwritemode' || key === 'overwriteexisting' || key === 'fileconflict' || key === 'conflictresolution' || key === 'ifexists') overwrite = text;
    }
    if (target === undefined || overwrite === undefined || !IN_PLACE.test(target) || !OVERWRITES.test(overwrite)) return false;
    const where = say(`restore to ${target} with overwrite ${overwrite}`);
    opens(ctx, 'destructive', where);
    ctx.b.set('change.destroys', 'the live data at the original location (replaced by the restore point)', where);
    ctx.b.set('change.backup_confirmed', false, `${where} (the backup does not keep what the restore overwrites)`, true);
    return true;
  };
  visit(parameters, 0);
}

export function readOnPremShapes(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  const lines = shapeText(parameters);
  const text = lines.join('\n');
  const say = (s: string) => `action.parameters: ${s.slice(0, 140)}`;
  for (const r of BROAD_RIGHTS) {
    const m = r.exec(text);
    if (m) {
      const who = m.slice(1).find((g) => g !== undefined && new RegExp(`^${BROAD}$`).test(g)) ?? 'everyone';
      opens(ctx, 'broad_full_control', say(m[0]), `${who}: full control, change or write`);
      opens(ctx, 'bulk_scope', say(m[0]));
      break;
    }
  }
  // Groups an account is created with or put into (copied from a template user, a groups list, -MemberOf).
  const groups: string[] = [];
  const walk = (v: unknown, key: string, depth: number): void => {
    if (depth > 6 || groups.length > 200) return;
    if (typeof v === 'string' && /group|memberof|member_of/.test(key) && !/remov|revok|exclu|delete|drop/.test(key)) groups.push(v);
    else if (Array.isArray(v)) for (const x of v.slice(0, 100)) walk(x, key, depth + 1);
    else if (isRecord(v)) for (const [k, x] of Object.entries(v).slice(0, 100)) walk(x, k.toLowerCase(), depth + 1);
  };
  walk(parameters, '', 0);
  const privileged = groups.filter((g) => PRIVILEGED_GROUPS.has(normKey(g.split('\\').at(-1) ?? g)));
  if (privileged.length > 0) opens(ctx, 'admin_role', say(`groups include ${privileged.join(', ')}`), privileged[0]);
  for (const [r, what] of DATA_OVERWRITE) {
    const m = r.exec(text);
    if (!m) continue;
    opens(ctx, 'destructive', say(m[0]));
    ctx.b.set('change.destroys', what, say(m[0]));
    ctx.b.set('change.backup_confirmed', false, `${say(m[0])} (the backup does not keep what the command overwrites or discards)`, true);
    break;
  }
  readRestoreInPlace(ctx, parameters, say);
  for (const l of lines) {
    if (l.length > 4000 || !CRADLE_RUN.test(l) || !CRADLE_FETCH.test(l)) continue;
    const src = PLAIN_SOURCE.exec(l);
    if (src) {
      opens(ctx, 'remote_script_execution', say(l), src[0]);
      break;
    }
  }
  readCertificateTemplate(ctx, text, say);
  readStoredCredential(ctx, parameters);
  readBlockingMaintenance(ctx, text);
  readEgressAnyAny(ctx, text);
  // A REST DELETE that forces the contents to go with the container (Drive drives.delete allowItemDeletion, force, recursive, purge).
  const method = String(field(parameters, 'method', 'httpmethod', 'verb')?.value ?? '').toLowerCase();
  if (method === 'delete' && /\b(allowitemdeletion|force|recursive|purge|deletecontents|delete_contents):\ntrue\b/.test(text)) {
    opens(ctx, 'destructive', say('DELETE with its contents forced'));
    ctx.b.set('change.destroys', 'the container and every item in it', say('DELETE with its contents forced'));
  }
  // A file the antivirus quarantined as malware restored or released (Sigma "Win Defender Restored Quarantine File").
  const act = `${String(ctx.b.request.action?.kind ?? '')} ${String(ctx.b.request.action?.description ?? '')}`.toLowerCase().slice(0, 4000);
  if (/\b(restore|restoring|release|releasing|recover)\b[^.\n]{0,80}\bquarantin|\bquarantine\.(release|restore)|-restore\b[^\n]{0,40}mpcmdrun|\bmpcmdrun\b[^\n]{0,80}-restore\b/.test(`${act}\n${text}`)) {
    const state = JSON.stringify(ctx.b.request.state ?? {}).toLowerCase().slice(0, 40_000);
    // A verdict the ticket states as absent ("no phish or malware detections", "not malicious") is no verdict.
    const VERDICT = /\b(trojan\w*|malware|virus|ransomware|backdoor|worm|downloader|phish\w*|qakbot|emotet|malicious|exploit)\b/g;
    const verdict = [...state.matchAll(VERDICT)].find((m) => !/\b(no|not|non|without|zero|nor|free of|clean of)\b(?:[\s-]+[a-z]+){0,2}[\s-]+(or|and|nor)?[\s-]*$|\b(no|not|non|without|zero|nor)[\s-]+$/.test(state.slice(Math.max(0, (m.index ?? 0) - 30), m.index)));
    if (verdict) opens(ctx, 'endpoint_control_off', `action: a file quarantined as ${verdict[0]} released to the user`);
  }
  if (/backup|veeam|snapshot|job/.test(`${text} ${String(ctx.b.request.action?.kind ?? '')}`)) {
    const exclusions: string[] = [];
    const walkEx = (v: unknown, key: string, depth: number): void => {
      if (depth > 6 || exclusions.length > 100) return;
      if (typeof v === 'string' && /exclu/.test(key)) exclusions.push(v.toLowerCase());
      else if (Array.isArray(v)) for (const x of v.slice(0, 100)) walkEx(x, key, depth + 1);
      else if (isRecord(v)) for (const [k, x] of Object.entries(v).slice(0, 100)) walkEx(x, /exclu/.test(key) ? key : k.toLowerCase(), depth + 1);
    };
    walkEx(parameters, '', 0);
    const db = exclusions.filter((e) => DB_FILES.test(e));
    const appAwareOff = /application_?aware\w{0,20}:\n(false|0|off|disabled)\b/.test(text);
    if (db.length > 0 || appAwareOff) {
      const name = db.length > 0 ? `backup of database files (excluded: ${db.slice(0, 3).join(', ')})` : 'application-aware backup processing';
      ctx.b.add('change.safeguard_setting_off', name, say(db[0] ?? 'application-aware processing off'));
      ctx.opens.add('safeguard_setting_off');
      ctx.b.set('change.backup_confirmed', false, say('database files left out of the backup'), true);
    }
  }
}

function readCertificateTemplate(ctx: ReadContext, text: string, say: (s: string) => string): void {
  if (/editf_attributesubjectaltname2/.test(text) && !/-editf_attributesubjectaltname2/.test(text)) {
    opens(ctx, 'cert_template_escalation', say('EDITF_ATTRIBUTESUBJECTALTNAME2 on the CA (ESC6: any requester names any subject)'), 'ESC6');
    return;
  }
  if (!/template|mspki-|pkiextendedkeyusage|certificate/.test(text)) return;
  const broad = BROAD_ENROLL.exec(text);
  if (!broad) return;
  const gated = MANAGER_APPROVAL.test(text) || RA_SIGNATURE.test(text);
  const enrol = /\benroll?\b|autoenroll/.test(text);
  if (!gated && enrol && SUPPLIES_SUBJECT.test(text) && EKU_AUTH.test(text)) {
    opens(ctx, 'cert_template_escalation', say(`enrollee supplies the subject, an authentication EKU, ${broad[0]} may enrol, no manager approval (ESC1)`), 'ESC1');
  } else if (!gated && enrol && EKU_AGENT.test(text)) {
    opens(ctx, 'cert_template_escalation', say(`Any Purpose or Certificate Request Agent EKU enrollable by ${broad[0]} (ESC2/ESC3)`), 'ESC2/ESC3');
  } else if (TEMPLATE_WRITE.test(text.slice(broad.index, broad.index + 200))) {
    opens(ctx, 'cert_template_escalation', say(`write rights on the certificate template for ${broad[0]} (ESC4)`), 'ESC4');
  }
}

const PRIVILEGED_NAMES = new Set(['administrator', 'admin', 'root', 'sa', 'domainadmin', 'enterpriseadmin', 'krbtgt']);

/**
 * A credential written into a device's or service's configuration with its account (an MFP scan-to-folder or LDAP
 * bind, an SMTP relay login): it is a stored service credential, not someone's password reset. A built-in or
 * privileged account stored there is an administrative credential any pass-back or config read exposes (printer
 * LDAP/SMB pass-back; Microsoft, securing built-in Administrator accounts, Appendix D); a dedicated account is not a reset.
 */
function readStoredCredential(ctx: ReadContext, value: unknown, depth = 0): void {
  if (depth > 5) return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 50)) readStoredCredential(ctx, v, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  const user = scalarText(field(value, 'username', 'user', 'account', 'login', 'binddn', 'bind_user')?.value);
  const secret = field(value, 'password', 'secret', 'bindpassword');
  const configured = field(value, 'protocol', 'path', 'host', 'server', 'port', 'destination', 'url', 'share', 'smtpserver', 'ldapserver') !== undefined;
  if (user && secret && depth > 0 && configured) {
    const name = normKey(user.split('\\').at(-1)?.split('@')[0] ?? user);
    if (PRIVILEGED_NAMES.has(name) || ctx.privilegedAccounts.has(user.toLowerCase())) opens(ctx, 'admin_role', `action.parameters: ${user} stored in a device or service configuration`, `${user} credential stored on a device`);
    else ctx.b.set('change.credential_reset', false, `action.parameters: a credential for ${user} stored in a device or service configuration (not a reset of someone's password)`, true);
    return;
  }
  for (const v of Object.values(value).slice(0, 100)) if (isRecord(v) || Array.isArray(v)) readStoredCredential(ctx, v, depth + 1);
}

const BLOCKING: readonly RegExp[] = [
  /\bvacuum\s+\(?\s*full\b/,
  /\breindex\s+(?:\(\w+\)\s+)?(?:table|database|schema|system)\s+(?!concurrently)[\w."]/,
  /\boptimize\s+table\b/,
  /\balter\s+index\b[^;\n]{0,200}\brebuild\b(?![^;\n]{0,200}\bonline\s*=\s*on)/,
  /\block\s+table\b[^;\n]{0,100}\baccess\s+exclusive\b/,
  // PostgreSQL CREATE INDEX without CONCURRENTLY holds a SHARE lock: every INSERT, UPDATE and DELETE waits until the
  // build ends (PostgreSQL docs, CREATE INDEX, Building Indexes Concurrently); SQL Server's without ONLINE = ON likewise.
  /\bcreate\s+(?:unique\s+)?index\s+(?!concurrently\b)(?:if\s+not\s+exists\s+)?[\w."]+\s+on\b(?![^;]{0,300}\bonline\s*=\s*on)/,
];
/** MySQL and MariaDB build indexes online by default (InnoDB online DDL, LOCK=NONE): a plain CREATE INDEX there blocks nothing. */
const ONLINE_DDL_ENGINES = /\b(mysql|mariadb|innodb|aurora mysql)\b/;

/**
 * Maintenance that holds an exclusive lock on a live table until it ends (PostgreSQL VACUUM FULL and REINDEX without
 * CONCURRENTLY, MySQL OPTIMIZE TABLE, SQL Server ALTER INDEX … REBUILD without ONLINE = ON, LOCK TABLE … ACCESS
 * EXCLUSIVE): every read and write waits, for hours on a large table (PostgreSQL docs, Explicit Locking and VACUUM).
 * The policy asks for production and no change window; plain VACUUM and pg_repack are not read.
 */
function readBlockingMaintenance(ctx: ReadContext, text: string): void {
  const act = `${text}\n${String(ctx.b.request.action?.description ?? '').toLowerCase().slice(0, 4000)}`;
  const mysql = ONLINE_DDL_ENGINES.test(JSON.stringify(ctx.b.request.state ?? {}).toLowerCase().slice(0, 20_000));
  for (const r of BLOCKING) {
    if (mysql && r === BLOCKING.at(-1)) continue;
    const m = r.exec(act);
    if (m) {
      opens(ctx, 'blocking_maintenance', `action: ${m[0].slice(0, 80)} (an exclusive lock on the table until it ends)`, m[0].slice(0, 60));
      return;
    }
  }
}

const EGRESS = /\b(outbound|egress|reach|out to|connect out|connections out|initiate connections)\b/;
const ANY_DESTINATION = /\bany (?:internet |external |public )?(?:address|addresses|destination|destinations|ip|ips|host|hosts)\b|\bthe (?:whole |entire |public )?internet\b|\b0\.0\.0\.0\/0\b|\bany\/any\b|\bany-any\b/;
const ANY_PORT = /\b(?:any|all|every) (?:port|ports|protocol|protocols|service|services)\b|\bany\/any\b|\bany-any\b|\ball traffic\b/;
const DENYING = /\b(deny|denies|block|blocks|drop|drops|reject|rejects|remove|removes|delete|deletes)\b/;

/**
 * Outbound traffic allowed from a network to any destination on any port ("let the card-data VLAN reach any internet
 * address on any port"): deny-by-default egress gone (CIS Controls v8 Safeguards 4.4 and 4.5; PCI DSS v4.0
 * Requirement 1.3.2, outbound traffic from the CDE restricted to what is necessary), read sentence by sentence;
 * a deny or removed rule is not read.
 */
function readEgressAnyAny(ctx: ReadContext, text: string): void {
  const act = `${String(ctx.b.request.action?.description ?? '').toLowerCase().slice(0, 4000)}\n${text}`;
  for (const sentence of act.split(/[.;\n]/).slice(0, 400)) {
    if (sentence.length > 600 || !EGRESS.test(sentence) || !ANY_DESTINATION.test(sentence) || !ANY_PORT.test(sentence) || DENYING.test(sentence)) continue;
    ctx.b.add('change.insecure_feature_on', 'outbound to any destination on any port', `action: ${sentence.trim().slice(0, 120)}`);
    ctx.opens.add('insecure_feature_on');
    return;
  }
}
