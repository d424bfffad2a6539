/**
 * The helpdesk lexicon: case-insensitive patterns over ticket and action text. Every quantifier is
 * bounded (`[^.]{0,40}`), so a hostile description cannot make a pattern backtrack for long.
 * Patterns are tested on lower-cased text.
 */

export const PUBLIC_PRINCIPAL = [
  // "Principal": "*", Principal to "*", {"AWS": "*"}, and the same inside a JSON-encoded string.
  /principal[^*\n]{0,16}\*/,
  /\ball(authenticated)?users\b/,
  /public-read(-write)?\b/,
  /(disable|turn off|switch off|remove|bypass)[^.]{0,20}block public access/,
  /"?block_?public_?(acls|policy)"?\s*:\s*false/,
  /(make|set|change)[^.]{0,25}\b(bucket|container|blob|object)s?\b[^.]{0,25}\bpublic\b/,
  /(anonymous|public) (read|access level)/,
  /"public_?access"\s*:\s*"(container|blob)"/,
];

export const WILDCARD_ADMIN = [
  /"action"\s*:\s*\[?\s*"\*"/,
  /\baction\W{0,6}\*/,
  /administratoraccess/,
  /\biam:\*|\*:\*/,
  /roles\/(owner|editor)\b|\b(project |subscription )?owner role\b/,
  /\bglobal admin(istrator)?\b|\bdomain admins\b|\bsuper ?admin\b/,
  /full (admin(istrative)? )?(access|permissions|control) (to|on|over) (everything|all|the whole|the entire)/,
];

/** A grant being taken away is the fix, not the risk. */
export const REVOKING = /^\s*(remove|revoke|detach|take away|strip|delete)\b/;

export const WORLD_OPEN = /0\.0\.0\.0\/0|::\/0|\b(from|to) (anywhere|any ip|any address|all ips|all addresses|the (whole |entire |public )?internet|everyone)\b|\bany ip\b|\ball ips\b|\bpublic internet\b/;
export const INGRESS_CONTEXT = /\b(security group|nsg|firewall|inbound|ingress|port|authorized networks?|allow ?list|whitelist)\b/;
export const ALL_PORTS = /\ball (ports|traffic|tcp)\b|0-65535|"ip_?protocol"\s*:\s*"-1"/;
export const PORT_IN_PARAMS = /"[a-z_]*port[a-z_]*"\s*:\s*"?(\d{1,5})/g;
export const PORT_IN_TEXT = /\bports? (\d{1,5})\b|\b(\d{1,5})\/tcp\b/g;

/** Remote administration and database ports: CIS benchmarks single these out for 0.0.0.0/0. */
export const ADMIN_PORTS: Readonly<Record<number, string>> = {
  20: 'FTP data', 21: 'FTP', 22: 'SSH', 23: 'Telnet', 135: 'RPC', 139: 'NetBIOS', 445: 'SMB', 1433: 'SQL Server',
  1521: 'Oracle DB', 2375: 'Docker API', 2379: 'etcd', 3306: 'MySQL', 3389: 'RDP', 5432: 'PostgreSQL', 5900: 'VNC',
  5984: 'CouchDB', 5985: 'WinRM', 5986: 'WinRM', 6379: 'Redis', 9200: 'Elasticsearch', 11211: 'Memcached', 27017: 'MongoDB',
};
export const ADMIN_SERVICES: ReadonlyArray<[RegExp, number]> = [
  [/\bssh\b/, 22], [/\brdp\b|remote desktop/, 3389], [/\bmysql\b|\bmariadb\b/, 3306], [/\bpostgres(ql)?\b/, 5432],
  [/\bsql server\b|\bmssql\b/, 1433], [/\bmongo(db)?\b/, 27017], [/\bredis\b/, 6379], [/\belasticsearch\b/, 9200],
  [/\bwinrm\b/, 5985], [/\btelnet\b/, 23], [/\bvnc\b/, 5900], [/\bsmb\b/, 445],
];

export const PUBLIC_DATABASE = [
  /publicly[ _-]?accessible"?\s*[:=]?\s*"?(true|yes|on)\b/,
  /--publicly-accessible\b/,
  /(make|set|expose|open)[^.]{0,25}\b(database|db|rds|sql|postgres|mysql|mongo(db)?|cluster|instance|warehouse)\b[^.]{0,25}\b(public(ly accessible)?|to the internet)\b/,
  /public network access[^.]{0,15}(enabled|on|true)|enable public network access/,
  /authori[sz]ed networks?[^.]{0,20}0\.0\.0\.0\/0|allow all ips/,
];

const MFA = '(mfa|2fa|two[- ]factor|multi[- ]factor|second factor|okta verify requirement|conditional access)';
export const MFA_DISABLED = [
  new RegExp(`(disable|turn off|switch off|deactivate|bypass|exempt|exclude|skip|suspend|stop requiring|no longer require|don't require|do not require)[^.]{0,30}${MFA}`),
  new RegExp(`(remove|drop|relax) (the )?${MFA} (requirement|enforcement|policy)`),
  new RegExp(`${MFA}[^.]{0,15}\\b(disabled|off|optional|not required)\\b`),
  /"[a-z_]*(mfa|two_?factor)[a-z_]*"\s*:\s*(false|"off"|"disabled"|"optional")/,
];

export const AUDIT_DISABLED = [
  /(stop|disable|turn off|switch off|delete|remove|pause|deactivate)[^.]{0,30}(cloudtrail|audit|trail\b|diagnostic setting|activity log|flow log|access log|logging\b)/,
  /"(is_?logging|logging|enable_?logging|audit_?log(ging)?|cloudtrail)"\s*:\s*false/,
  /stop-logging|delete-trail/,
];

export const SECURITY_CONTROL_DISABLED = [
  /(disable|turn off|switch off|deactivate|uninstall|bypass|pause|stop)[^.]{0,30}(antivirus|anti-virus|defender|endpoint protection|\bedr\b|crowdstrike|sentinelone|firewall|gatekeeper|smartscreen|\buac\b|user account control|ssl verification|certificate (validation|verification|checks)|tls verification|secure boot|system integrity protection|\bdlp\b|real-time protection)/,
  /spctl --master-disable|verify\s*=\s*false|strict-ssl\s*(=|false)|sslverify\s*false|"verify_?ssl"\s*:\s*false|--trusted-host|executionpolicy (unrestricted|bypass)|skip ssl verification/,
];

export const CREDENTIAL_EXPOSURE = [
  /\b(send|share|paste|post|email|tell|give|read out|dm|type)\b( me| us)?( with me| with us| to me| to us)? (your|their|the user's|his|her) (current |old |new |existing |aws |admin |account |network |email )?(password|passcode|mfa code|one-time (pass)?code|otp|verification code|secret (access )?key|access key|private key|recovery codes?|api (key|token)|session cookie)/,
  /(password|passcode|secret (access )?key|access key|private key|recovery codes?|api (key|token)|credentials)[^.]{0,30}\b(in|into)\b (the |this )?(chat|ticket|thread|reply|slack|teams chat)\b/,
  /(hard-?code|embed|put|store|paste)[^.]{0,25}(access key|secret|password|credentials)[^.]{0,30}(script|code|config|repo|plain ?text)/,
  /(password|credentials)[^.]{0,20}(in|as) plain ?text/,
];

const DESTROY = '(delete|drop|terminate|destroy|wipe|purge|truncate|decommission|deprovision|erase|reimage|re-image|factory reset|format)';
const TARGET = '(database|db|table|bucket|instance|cluster|volume|disk|drive|snapshot|backup|mailbox|onedrive|repository|repo|vm|virtual machine|server|resource group|stack|namespace|data|files|folder|share|site|tenant|project|index|schema|records|laptop|objects)';
export const DESTRUCTIVE = [
  new RegExp(`\\b${DESTROY}\\b[^.]{0,40}\\b${TARGET}s?\\b`),
  /\bdrop (database|table|schema)\b|\btruncate table\b|rm -rf|aws s3 rb\b|--force-delete|delete-db-instance|"(force_?delete|delete_?objects|delete_?volumes|delete_?automated_?backups)"\s*:\s*true/,
];
/** Caches and temporary files are meant to be thrown away: deleting them is routine. */
export const DISPOSABLE = /cache|cookie|\btemp\b|\btmp\b|temporary files/;
export const BACKUP_MENTIONED = /\b(backup|back up|backed up|snapshot|restore point|point-in-time|versioning (is )?(on|enabled)|exported first)\b/;
export const BACKUP_NEGATED = /\b(without|no|skip(ping)?|don't|do not|never|not)\b[^.]{0,15}\b(backup|back up|snapshot)|skip_?final_?snapshot"?\s*:\s*true|--skip-final-snapshot|"backup_?retention[a-z_]*"\s*:\s*0\b/;

export const LICENSE_CIRCUMVENTION = [
  /\b(crack(ed)?|keygen|key generator|pirated|torrent(ed)?)\b/,
  /bypass (the )?(activation|licen[cs]e|licensing)|activation (bypass|crack)/,
  /unlicensed (copy|version|install|build)/,
  /\b(share|reuse|copy)\b[^.]{0,30}\b(licen[cs]e key|serial( number)?|product key|licen[cs]e|seat|login|account)\b[^.]{0,10}\b(with|across|between)\b/,
  /(personal|home|student) (licen[cs]e|edition|subscription|account) (for|at|on) work/,
  /(reset|extend) the trial|new email to (get|restart|reset) (a |the )?trial/,
];

export const EXTERNAL_SHARING = [
  /(forward|redirect|auto-?forward|sync|copy|export|upload|share|send|email)[^.]{0,60}(gmail|yahoo|hotmail|outlook\.com|icloud|personal (e-?mail|address|account|mailbox|drive|dropbox|laptop|device|email)|external (address|domain|recipient|email|partner)|anyone with the link|public link|dropbox|usb (drive|stick))/,
  /anyone with the link|anonymous (sharing )?link|"sharing_?(scope|link)?"\s*:\s*"(anyone|public|external)"|"forwarding_?smtp_?address"|"forward_?to"\s*:\s*"[^"@]{1,40}@(gmail|yahoo|hotmail|outlook|icloud)/,
];

export const SERVICE_DISRUPTION_STRONG = /\b(restart|reboot|bounce|fail ?over|shut ?down|rotate|renew|upgrade|patch|migrate|cut ?over|redeploy|roll ?out|apply|push|change|modify|update|replace|scale|force)\b[^.]{0,40}\b(production|prod|cluster|sign-?on policy|authentication policy|conditional access|federation|sync rules?|full sync|transport rule|mail flow|domain controller|node pool|load balancer|dns|certificates?|exchange server|primary database)\b/;
export const SERVICE_DISRUPTION_WEAK = /\b(restart|reboot|bounce|fail ?over|shut ?down|stop|rotate|upgrade|patch|migrate|redeploy|apply|change|modify|update|replace)\b[^.]{0,40}\b(database|db|server|service|api|gateway|network|ingress|schema|connector|kubernetes|k8s|replica)\b/;
export const CLIENT_SIDE = /\b(your|their|the user's) (laptop|computer|mac|pc|phone|browser|device|machine)\b|\bon the laptop\b|\bvpn client\b|\bclient (certificate|app)\b/;

export const ADMIN_PRIVILEGES = /run (it |the installer |this |the script |the command |the setup )?as (an )?admin(istrator)?|\bsudo\b|local admin|administrator (rights|privileges|password)|elevated (prompt|powershell|privileges|command prompt)|\bregedit\b|registry (editor|key)|\bhklm\b|edit the registry|gpedit|group policy editor|admin rights/;

export const ACCOUNT_CHANGE = /(reset|unlock|change|update|set)[^.]{0,25}(password|mfa|authenticator|okta verify|factor|phone number|recovery (email|phone)|account)|(re-?enrol|re-?register|remove|replace)[^.]{0,25}(mfa|factor|authenticator|device registration|phone)/;
export const SELF_SERVICE = /self-?service|\bsspr\b|the user resets|through the (reset )?portal/;
export const IDENTITY_VERIFIED_TEXT = /identity (verified|confirmed|checked)|verified (their|the user's|the caller's|his|her) identity|passed (identity )?verification/;

export const PRODUCTION = /\bprod\b|\bproduction\b|\blive (site|system|database|environment|traffic|service)\b|customer-facing|\bprd-|-prod\b|\bprod-/;
export const BULK_SCOPE = /\ball users\b|\bevery(one| user| employee| account)\b|\bentire (org|organi[sz]ation|company|tenant|department|team|account)\b|\borg(ani[sz]ation)?-?wide\b|\btenant-?wide\b|\bcompany-?wide\b|\ball (employees|staff|accounts|developers|contractors|engineers|buckets|projects|subscriptions|regions)\b|\bwhole (company|org|organi[sz]ation|department|tenant)\b|\bdomain users\b|\ball-(staff|developers|users)\b|\bfor the whole\b/;

export const STANDARD_PROCEDURE = /\bstandard\b|self-?service|\bdocumented\b|knowledge base|\bkb\d+|\bkb article\b|\brunbook\b|approved change|change request|\bchg\d+|\bcab\b|maintenance window|software asset manager|service catalog|company portal|software center|self service app|per the (runbook|procedure|policy)|infrastructure as code|pull request/;
export const ESCALATION = /\bescalat|\bhand (it |the ticket |this )?(over|off)\b|\btransfer (it |the ticket |this )?to\b|\broute (it |the ticket |this )?to the\b|\bassign (it |the ticket |this )?to the\b|\bopen a case with\b|\bpass (it|this) to\b/;
export const QUESTION = /^\s*(ask|confirm with|check with|find out|clarify|request (the|more)|which|what|could you|can you tell)\b/;

export const SSO_SIGNALS = /\bsso\b|single sign-?on|\bsaml\b|\bokta\b|azure ad\b|\bentra\b|federat|\bidp\b|identity provider|\boidc\b|\badfs\b|sync (failure|error|failing)|not assigned to (this|the) application|aadsts\d*/;
export const PASSWORD_FIX = /(reset|change|update|re-?enter)[^.]{0,25}password|password (reset|change)/;
export const LEGACY = /oracle forms|\bfrm-\d+|\bora-\d+|mainframe|as\/400|\bas400\b|green screen|\bcobol\b|legacy|windows xp|\bjava applet|terminal emulator|\b3270\b/;
export const RETRY_ADVICE = /try again|\bretry\b|clear (the |your )?(java |browser )?cache|restart (the |your )?(application|app|form|computer|client|browser)|reinstall (the )?(jre|java|client|oracle client)|have you tried/;
export const LICENSED = /licen[cs]e|subscription|\bseats?\b|trial (ended|expired)|unlicensed|activation|credits exhausted|entitlement/;
export const LICENSE_ADDRESSED = /licen[cs]e|subscription|\bseats?\b|entitlement|asset manager|renewal|credits/;
export const FRUSTRATION = /!!|\?\?|ridiculous|useless|frustrat|annoy|third time|fourth time|already tried|waste of time|another bot|(speak|talk) to (a )?(human|person|someone real)|real person|unacceptable|fed up|not helpful|still (not|doesn't|does not|broken|isn't|failing)|nothing works|sick of|seriously\?/g;
export const SHOUTING = /\b[A-Z]{4,}\b/g;

export const OS_PATTERNS: ReadonlyArray<[string, RegExp, RegExp]> = [
  // [os, how a user names it, what instructions for it look like]
  ['windows', /\bwindows\b|\bwin ?1[01]\b|\bsurface\b/, /control panel|\bregedit\b|registry|\.exe\b|\.msi\b|powershell|cmd\.exe|command prompt|device manager|task manager|services\.msc|credential manager|ipconfig|\bhkcu\b|\bhklm\b|start menu/],
  ['macos', /\bmac(book|os)?\b|\bos x\b|\bimac\b/, /system (preferences|settings)|\bfinder\b|keychain|\.dmg\b|\.pkg\b|homebrew|brew install|launchpad|activity monitor|spctl|~\/library|menu bar/],
  ['linux', /\blinux\b|\bubuntu\b|\bfedora\b|\bdebian\b|\brhel\b/, /apt(-get)? install|\byum\b|\bdnf\b|systemctl|\/etc\/|nmcli/],
];

export const CLOUD_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['AWS', /\baws\b|amazon|\bs3\b|\bec2\b|\brds\b|cloudtrail|arn:aws|iam (policy|role|user)|dynamodb|\beks\b|(?<!network )security group/],
  ['Azure', /\bazure\b(?! ad\b)|\bnsg\b|network security group|blob (storage|container)|\baks\b|key vault|resource group|app service|storage account/],
  ['GCP', /\bgcp\b|google cloud|\bgcs\b|gcloud|bigquery|\bgke\b|compute engine|cloud sql|roles\//],
];

export const CLOUD_CONTEXT = /\baws\b|\bazure\b|\bgcp\b|google cloud|\bs3\b|\bec2\b|\brds\b|\biam\b|cloudtrail|bucket|security group|\bnsg\b|kubernetes|\bk8s\b|snowflake|cloud sql|storage account/;

export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

export function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
