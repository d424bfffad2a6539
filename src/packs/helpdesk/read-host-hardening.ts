import { checks, opens, type ReadContext } from './read-context.js';
import { isRecord } from './values.js';

/**
 * Host hardening that a command or a configuration file undoes, read from every string the tool call writes:
 *  - a security service stopped for good or disabled (Set-Service -StartupType Disabled, sc config start= disabled,
 *    systemctl disable/mask; a bare stop that the same script does not start again): Windows Update, Defender, the
 *    firewall, event logging, auditd, EDR agents (CIS Microsoft Windows Benchmarks: Windows Update and Defender
 *    services; CIS Linux Benchmarks 4.1 auditd enabled, 3.5 a host firewall; NIST SP 800-40 Rev. 4, patch management);
 *  - a file that holds password hashes, private keys or sudo rules made readable or writable by everyone
 *    (chmod, install -m, Ansible file/copy mode=): CIS Linux Benchmarks 7.1.x (/etc/shadow and /etc/gshadow 0640 or
 *    stricter, /etc/sudoers 0440), OpenSSH (private host keys 0600), MITRE ATT&CK T1003.008;
 *  - a daemon listening on every address without TLS on a port that carries no authentication of its own
 *    (Docker's tcp://0.0.0.0:2375): CIS Docker Benchmark 2.6 (TLS authentication for the Docker daemon), Docker docs,
 *    Protect the Docker daemon socket;
 *  - a server's own access secret set empty (--ServerApp.token='', requirepass ""): Jupyter Server docs, Security in
 *    the Jupyter Server (never run with an empty token on a public address); Redis security docs.
 */

const MAX_STRINGS = 400;
const MAX_LEN = 20_000;

/** Services whose stopping removes a protection, by the names the service managers know them by. */
const SECURITY_SERVICES: Readonly<Record<string, string>> = {
  wuauserv: 'Windows Update', usosvc: 'Update Orchestrator', waasmedicsvc: 'Windows Update Medic', bits: 'Background Intelligent Transfer (Windows Update)',
  windefend: 'Microsoft Defender Antivirus', sense: 'Microsoft Defender for Endpoint', wdnissvc: 'Defender network inspection', securityhealthservice: 'Windows Security',
  mpssvc: 'Windows Defender Firewall', bfe: 'Base Filtering Engine (firewall)', wscsvc: 'Security Center', eventlog: 'Windows Event Log', sysmon: 'Sysmon', sysmon64: 'Sysmon',
  csagent: 'CrowdStrike Falcon', csfalconservice: 'CrowdStrike Falcon', 'falcon-sensor': 'CrowdStrike Falcon', sentinelagent: 'SentinelOne', 'sentinelone': 'SentinelOne',
  auditd: 'auditd', firewalld: 'firewalld', ufw: 'ufw', nftables: 'nftables', iptables: 'iptables', apparmor: 'AppArmor', fail2ban: 'fail2ban',
  'clamav-daemon': 'ClamAV', clamd: 'ClamAV', 'wazuh-agent': 'Wazuh agent', osqueryd: 'osquery', 'unattended-upgrades': 'unattended security upgrades',
  'apt-daily-upgrade': 'automatic package upgrades', 'apt-daily-upgrade.timer': 'automatic package upgrades', 'dnf-automatic': 'automatic package upgrades', 'dnf-automatic.timer': 'automatic package upgrades',
};
const ENDPOINT_SERVICES = new Set(['windefend', 'sense', 'wdnissvc', 'mpssvc', 'bfe', 'csagent', 'csfalconservice', 'falcon-sensor', 'sentinelagent', 'sentinelone', 'clamav-daemon', 'clamd', 'firewalld', 'ufw']);

/** Files whose contents are secrets or grant root, by path. */
const SENSITIVE_FILES = ['/etc/shadow', '/etc/gshadow', '/etc/shadow-', '/etc/gshadow-', '/etc/sudoers', '/etc/security/opasswd', '/etc/master.passwd'];
const SENSITIVE_ENDINGS = ['/.ssh/id_rsa', '/.ssh/id_ed25519', '/.ssh/id_ecdsa', '/.ssh/authorized_keys', '_key', '.key', '.pem'];
/** A certificate is public by design (it is sent to every client): a .pem or .crt under a certs directory or named as a certificate or chain, not as a key. */
const isCertificate = (p: string) => {
  const name = p.slice(p.lastIndexOf('/') + 1);
  return (p.endsWith('.pem') || p.endsWith('.crt')) && !/key/.test(name) && (/\/certs?\//.test(p) || /cert|chain|crt/.test(name));
};
const isSensitive = (path: string) => {
  const p = path.replace(/^['"]|['",;]$/g, '').toLowerCase();
  if (isCertificate(p)) return false;
  return SENSITIVE_FILES.includes(p) || p.startsWith('/etc/sudoers.d/') || (p.startsWith('/etc/ssh/ssh_host_') && p.endsWith('_key')) || SENSITIVE_ENDINGS.some((e) => p.endsWith(e) && !p.endsWith('.pub'));
};

/** An octal mode that lets others (the last digit) read or write, or a symbolic one that adds r or w for others or all. */
function worldAccessible(mode: string): boolean {
  const m = mode.replace(/^['"]|['",;]$/g, '');
  if (/^[0-7]{3,4}$/.test(m)) return (Number(m.at(-1)) & 6) !== 0;
  return /^(a|o|ugo|)\+[rwx]*[rw]/.test(m) || /(^|,)o=[rwx]*[rw]/.test(m) || /(^|,)a=[rwx]*[rw]/.test(m);
}

function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (out.length >= MAX_STRINGS || depth > 8) return out;
  if (typeof value === 'string') out.push(value.slice(0, MAX_LEN));
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out, depth + 1);
  else if (isRecord(value)) for (const v of Object.values(value)) stringsOf(v, out, depth + 1);
  return out;
}

/** The statements of a script: lines split further at ';', '&&' and '|'; each a list of lower-case words. */
function statements(text: string): string[][] {
  return text
    .split(/\r?\n|;|&&|\|\|?/)
    .map((s) => s.trim().toLowerCase().split(/\s+/).filter(Boolean))
    .filter((w) => w.length > 0);
}

const unquoted = (w: string) => w.replace(/^['"]+|['",]+$/g, '');

/** What one statement does to a service: 'disable' (for good), 'stop', 'start', or nothing; and to which. */
function serviceVerb(words: readonly string[]): { verb: 'disable' | 'stop' | 'start'; name: string } | undefined {
  const w = words.map(unquoted);
  const at = (i: number) => w[i] ?? '';
  const nameAfter = (i: number) => w.slice(i).find((x) => !x.startsWith('-') && !x.startsWith('/') && x !== 'sudo' && x !== '--now' && x in SECURITY_SERVICES);
  const i = w.findIndex((x) => ['set-service', 'stop-service', 'start-service', 'sc', 'sc.exe', 'systemctl', 'service', 'net'].includes(x));
  if (i < 0) return undefined;
  const cmd = w[i];
  if (cmd === 'set-service') {
    const t = w.findIndex((x) => x.startsWith('-startuptype') || x.startsWith('-starttype'));
    const value = t >= 0 ? (w[t].includes(':') ? w[t].split(':')[1] : at(t + 1)) : '';
    const name = nameAfter(i + 1);
    return name && value === 'disabled' ? { verb: 'disable', name } : undefined;
  }
  if (cmd === 'stop-service' || cmd === 'start-service') {
    const name = nameAfter(i + 1);
    return name ? { verb: cmd === 'stop-service' ? 'stop' : 'start', name } : undefined;
  }
  if (cmd === 'sc' || cmd === 'sc.exe') {
    const name = nameAfter(i + 2);
    if (!name) return undefined;
    if (at(i + 1) === 'config' && w.some((x, j) => (x === 'start=' && at(j + 1) === 'disabled') || x === 'start=disabled')) return { verb: 'disable', name };
    if (at(i + 1) === 'stop') return { verb: 'stop', name };
    if (at(i + 1) === 'start') return { verb: 'start', name };
    return undefined;
  }
  if (cmd === 'systemctl') {
    const verb = w.slice(i + 1).find((x) => !x.startsWith('-')) ?? '';
    const name = nameAfter(i + 2);
    if (!name) return undefined;
    if (verb === 'disable' || verb === 'mask') return { verb: 'disable', name };
    if (verb === 'stop' || verb === 'kill') return { verb: 'stop', name };
    if (verb === 'start' || verb === 'restart' || verb === 'enable') return { verb: 'start', name };
    return undefined;
  }
  if (cmd === 'net') {
    const name = nameAfter(i + 2);
    if (!name) return undefined;
    if (at(i + 1) === 'stop') return { verb: 'stop', name };
    if (at(i + 1) === 'start') return { verb: 'start', name };
    return undefined;
  }
  // service NAME stop|start
  const name = w[i + 1] && w[i + 1] in SECURITY_SERVICES ? w[i + 1] : undefined;
  if (!name) return undefined;
  if (at(i + 2) === 'stop') return { verb: 'stop', name };
  if (at(i + 2) === 'start' || at(i + 2) === 'restart') return { verb: 'start', name };
  return undefined;
}

function readServices(ctx: ReadContext, text: string, source: string): void {
  const lines = statements(text);
  const acts = lines.map(serviceVerb);
  acts.forEach((a, i) => {
    if (!a || a.verb === 'start') return;
    // Stopped and started again further on (the Windows Update cache reset): maintenance, not a protection removed.
    if (a.verb === 'stop' && acts.slice(i + 1).some((b) => b?.verb === 'start' && b.name === a.name)) return;
    const what = `${SECURITY_SERVICES[a.name]} service ${a.verb === 'disable' ? 'disabled' : 'stopped'} (${a.name})`;
    const say = `${source}: ${lines[i].join(' ').slice(0, 120)}`;
    if (ENDPOINT_SERVICES.has(a.name)) opens(ctx, 'endpoint_control_off', `${say} (${what})`);
    else {
      ctx.b.add('change.safeguard_setting_off', what, say);
      ctx.opens.add('safeguard_setting_off');
    }
  });
}

function readFileModes(ctx: ReadContext, text: string, source: string): void {
  for (const w of statements(text)) {
    const words = w.map(unquoted);
    let mode: string | undefined;
    let paths: string[] = [];
    const chmod = words.findIndex((x) => x === 'chmod');
    if (chmod >= 0) {
      const rest = words.slice(chmod + 1).filter((x) => !x.startsWith('-'));
      [mode, ...paths] = rest;
    }
    // Ansible (file/copy/template mode=), install -m MODE: "path=/etc/shadow mode=0644".
    const modeArg = words.find((x) => x.startsWith('mode='));
    if (modeArg) {
      mode = modeArg.slice(5);
      paths = words.filter((x) => x.startsWith('path=') || x.startsWith('dest=')).map((x) => x.slice(x.indexOf('=') + 1));
    }
    const install = words.findIndex((x) => x === 'install');
    if (install >= 0 && words[install + 1] === '-m') {
      mode = words[install + 2];
      // install -m MODE SOURCE DEST: the mode is the destination's; the source is only read.
      const operands = words.slice(install + 3).filter((x) => !x.startsWith('-'));
      paths = operands.length > 1 ? operands.slice(-1) : operands;
    }
    if (!mode || !/^[0-7]{3,4}$|^[ugoa]*[+=-][rwxXst]+/.test(mode.replace(/^['"]|['",;]$/g, ''))) continue;
    const shown = paths.slice(0, 2).join(' ') || 'the files';
    if (worldAccessible(mode)) {
      const hit = paths.find(isSensitive);
      if (hit) {
        opens(ctx, 'sensitive_file_world_accessible', `${source}: ${hit} mode ${mode}`, `${hit} (mode ${mode})`);
        continue;
      }
    }
    // Write for every local user (o+w, 777, 666) on data: any account or process on the host can change it. A sticky
    // shared directory (1777, /tmp) is the documented exception (CIS Linux Benchmarks 6.1.x, world-writable files).
    if (worldWritable(mode) && !paths.some((x) => /^\/(var\/)?tmp(\/|$)/.test(x))) {
      opens(ctx, 'broad_full_control', `${source}: ${shown} mode ${mode}`, `every local user: write (mode ${mode} on ${shown})`);
      continue;
    }
    checks(ctx, 'file_mode_bounded', `${source}: mode ${mode} on ${shown}, no write for other users`);
  }
}

/** An octal mode whose last digit lets others write, unless the sticky bit (1xxx) guards a shared directory; or o+w, a+w, o=…w. */
function worldWritable(mode: string): boolean {
  const m = mode.replace(/^['"]|['",;]$/g, '');
  if (/^[0-7]{3,4}$/.test(m)) return (Number(m.at(-1)) & 2) !== 0 && !(m.length === 4 && (Number(m[0]) & 1) !== 0);
  return /^(a|o|ugo|)\+[rwxXst]*w/.test(m) || /(^|,)[ao]=[rwxXst]*w/.test(m);
}

/** Addresses a daemon listens on (tcp://0.0.0.0:2375, -H tcp://:2375, "hosts": [...]) without TLS on the Docker plain port. */
function readListeners(ctx: ReadContext, text: string, tlsMentioned: boolean, source: string): void {
  const lower = text.toLowerCase();
  const plainDocker = /tcp:\/\/(0\.0\.0\.0|\[::\]|\*)?:2375\b/.test(lower);
  if (plainDocker && !tlsMentioned) opens(ctx, 'unauthenticated_access', `${source}: the Docker daemon listens on tcp port 2375 on every address, without TLS`);
}

/** A server's own access token or password set to an empty value on its command line or in its config. */
const EMPTY_SECRET = /(?:serverapp|notebookapp|jupyterapp)\.(token|password) ?= ?(?:''|""|\s|$)|\brequirepass +(?:''|"")/;

function readEmptySecrets(ctx: ReadContext, text: string, source: string): void {
  const m = EMPTY_SECRET.exec(text.toLowerCase());
  if (m) opens(ctx, 'unauthenticated_access', `${source}: the server's ${m[1] ?? 'password'} is set empty`);
}

const SERVICE_CUES = ['service', 'systemctl', 'sc ', 'sc.exe', 'net stop'];
const MODE_CUES = ['chmod', 'mode=', 'install -m'];

export function readHostHardening(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  const all = stringsOf(parameters);
  const written = JSON.stringify(parameters).toLowerCase();
  const tlsMentioned = /tlsverify|"tls"\s*:\s*true|--tlsverify|tlscert/.test(written);
  for (const s of all) {
    // Each reader needs its program or setting named: a text that names none is not split into statements at all.
    const lower = s.toLowerCase();
    if (SERVICE_CUES.some((c) => lower.includes(c))) readServices(ctx, s, 'action.parameters');
    if (MODE_CUES.some((c) => lower.includes(c))) readFileModes(ctx, s, 'action.parameters');
    if (lower.includes('2375')) readListeners(ctx, s, tlsMentioned, 'action.parameters');
    if (lower.includes('token') || lower.includes('password') || lower.includes('requirepass')) readEmptySecrets(ctx, s, 'action.parameters');
  }
}

/**
 * Secrets written as literals into what a machine or a template keeps and shows to whoever can read it: an AWS
 * access key pair or a private key anywhere in the change, a password or secret assigned in user data, a startup
 * script or environment variables (Checkov CKV_AWS_46, no secrets in EC2 user data; AWS EC2 User Guide, user data
 * is not protected and can be read from the instance; gitleaks rules aws-access-token and private-key). Writing a
 * secret into a secrets store (Secrets Manager, SSM SecureString, Vault, Key Vault, a Kubernetes Secret) is the fix.
 */
const ACCESS_KEY_ID = /\b(?:akia|asia)[0-9a-z]{12,20}\b/;
const SECRET_KEY = /\b(?:aws_)?secret_access_key\s*[=:]\s*['"]?[a-z0-9/+]{30,50}/;
const PRIVATE_KEY = /-----begin (?:rsa |ec |dsa |openssh |encrypted )?private key-----/;
const ASSIGNED_SECRET = /\b(?:password|passwd|db_password|client_secret|api_key|apikey|secret)\s*[=:]\s*['"]?[^\s'"$<{]{8,}/;
const SECRET_STORES = ['secretsmanager', 'put-secret-value', 'create-secret', 'ssm put-parameter', 'securestring', 'vault kv', 'vault write', 'keyvault secret set', 'kubectl create secret', 'gcloud secrets'];
const MACHINE_KEYS = ['userdata', 'startupscript', 'cloudinit', 'customdata', 'env', 'environment', 'environmentvariables', 'metadata', 'tags', 'labels'];

function keyedStrings(value: unknown, key: string, out: [string, string][] = [], depth = 0): [string, string][] {
  if (out.length >= MAX_STRINGS || depth > 8) return out;
  if (typeof value === 'string') out.push([key.toLowerCase().replace(/[^a-z]/g, ''), value.slice(0, MAX_LEN)]);
  else if (Array.isArray(value)) for (const v of value) keyedStrings(v, key, out, depth + 1);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) keyedStrings(v, MACHINE_KEYS.includes(key.toLowerCase().replace(/[^a-z]/g, '')) ? key : k, out, depth + 1);
  return out;
}

/** Names of environment variables that hold a secret (DB_PASSWORD, STRIPE_SECRET_KEY, API_TOKEN). */
const SECRET_NAME = /(^|_)(password|passwd|pwd|secret|secret_key|api_key|apikey|token|private_key|client_secret)($|_)/i;
/** A value that points at a secret store rather than holding the secret ("arn:…:secret:…", "${DB_PASS}", "vault:…"). */
const SECRET_REFERENCE = /^(arn:|\$\{|\$\(|\{\{|vault:|ssm:|secretsmanager:|projects\/[^/]+\/secrets\/|<[^>]+>$)/i;

/**
 * Environment entries written as {name, value} (ECS container definitions, Kubernetes env, app settings) whose name says
 * it is a secret and whose value is the literal secret: anyone who can describe the task or pod reads it (Amazon ECS
 * Developer Guide, pass sensitive data to a container: use `secrets` with Secrets Manager or Parameter Store; CIS
 * Kubernetes Benchmark 5.4.1, secrets as files rather than environment variables; OWASP Secrets Management Cheat Sheet).
 */
function literalSecretEnv(ctx: ReadContext, value: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 200)) {
      if (isRecord(item) && typeof item.name === 'string' && typeof item.value === 'string' && SECRET_NAME.test(item.name) && item.value.length >= 8 && !SECRET_REFERENCE.test(item.value.trim())) {
        opens(ctx, 'credential_exposure', `action.parameters: environment ${item.name} holds a literal secret`);
        return true;
      }
      if (literalSecretEnv(ctx, item, depth + 1)) return true;
    }
    return false;
  }
  if (isRecord(value)) for (const v of Object.values(value).slice(0, 100)) if (literalSecretEnv(ctx, v, depth + 1)) return true;
  return false;
}

export function readSecretLiterals(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  if (literalSecretEnv(ctx, parameters)) return;
  const written = JSON.stringify(parameters).toLowerCase();
  if (SECRET_STORES.some((s) => written.includes(s))) return;
  for (const [key, s] of keyedStrings(parameters, '')) {
    const t = s.toLowerCase();
    const pair = ACCESS_KEY_ID.test(t) && SECRET_KEY.test(t);
    const machine = MACHINE_KEYS.includes(key) && ASSIGNED_SECRET.test(t);
    if (pair || PRIVATE_KEY.test(t) || machine) {
      opens(ctx, 'credential_exposure', `action.parameters${key ? `.${key}` : ''}: ${pair ? 'an AWS access key pair' : machine ? 'a secret assigned' : 'a private key'} written as a literal`);
      return;
    }
  }
}
