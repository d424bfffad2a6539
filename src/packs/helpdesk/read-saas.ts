import { closes, opens, type ReadContext } from './read-context.js';
import { readNamedLocation } from './read-identity-access.js';
import { asArray, field, isRecord, leadingFlag, normKey, scalarText, strings } from './values.js';

/**
 * SaaS administration, source-control, DNS, data-store and endpoint settings, read by their key names
 * and values the way the public baselines name them (CISA SCuBA for Google Workspace and Microsoft 365,
 * CIS Microsoft 365 / Google Workspace / GitHub, Okta security guidance, OWASP): sharing opened to
 * anyone or to every outside domain, automatic forwarding allowed, user consent to apps, legacy
 * authentication back on, one-factor admin sign-on, CI tokens widened, a listener bound to every
 * interface, name servers re-delegated, a CNAME to a target nobody holds, TLS verification off,
 * removable storage opened, audit ingestion off and log retention cut. A value that keeps the
 * safeguard (an allowlisted domain, 2FA, read-only tokens, authentication on) closes the hazard.
 */

/** Settings that switch TLS certificate verification off when false (Node, npm, git, Python, Go and HTTP client options). */
const TLS_VERIFY_KEYS = new Set(['nodetlsrejectunauthorized', 'rejectunauthorized', 'strictssl', 'sslverify', 'verifyssl', 'tlsverify', 'verifytls', 'pythonhttpsverify', 'sslverification', 'tlsverification', 'verifycertificate', 'verifycertificates', 'checkcertificate', 'validatecertificate', 'validatecertificates', 'validatecerts', 'certificatevalidation', 'sslcertverification', 'verifyservercertificate']);
/** Settings that switch it off when true. */
const TLS_SKIP_KEYS = new Set(['insecureskiptlsverify', 'gitsslnoverify', 'sslnoverify', 'skiptlsverify', 'tlsinsecure', 'tlsskipverify', 'skipcertificatevalidation', 'skipcertificatecheck', 'skipsslverify', 'skipsslverification', 'disablesslverification', 'disabletlsverification', 'trustallcertificates', 'acceptanycertificate', 'insecuressl']);
/** Listener addresses (MongoDB net.bindIp, Elasticsearch network.host, PostgreSQL listen_addresses, Redis bind). */
const BIND_KEYS = new Set(['bindip', 'bindaddress', 'bindaddresses', 'networkhost', 'listenaddresses', 'listenaddress', 'bind']);
/** Log retention in days (CloudWatch Logs, Log Analytics, Sentinel). */
const LOG_RETENTION_KEYS = new Set(['retentionindays', 'retentiontime', 'logretentiondays', 'logretentionindays', 'retentionperioddays', 'retentionperiodindays', 'retentiondurationindays', 'dataretentiondays', 'logretention']);

const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '[::]', '*', '0.0.0.0/0', '::/0']);

/** Update URLs of the Chrome Web Store and Microsoft Edge Add-ons. */
const STORE_UPDATE_URLS = ['https://clients2.google.com/service/update2/crx', 'https://edge.microsoft.com/extensionwebstorebase/v1/crx'];

/** The tool call configures a wireless network (an SSID, WLAN or its addressing mode). */
function wireless(ctx: ReadContext): boolean {
  const s = JSON.stringify(ctx.b.request.action?.parameters ?? {}).slice(0, 50_000).toLowerCase();
  return s.includes('ssid') || s.includes('wlan') || s.includes('wireless') || s.includes('ipassignmentmode');
}

/**
 * A guest SSID bridged into a LAN (Meraki ipAssignmentMode "Bridge mode" or a VLAN tag, LAN isolation off) puts visitors
 * on the internal network; NAT mode, or LAN access denied, keeps them on the internet only (NIST SP 800-153; Meraki
 * wireless guest best practices).
 */
function readSsid(ctx: ReadContext, obj: Record<string, unknown>, path: string): void {
  const mode = normKey(scalarText(field(obj, 'ipassignmentmode')?.value) ?? '');
  if (!mode) return;
  const name = `${scalarText(field(obj, 'name', 'ssid', 'ssidname')?.value) ?? ''} ${path}`.toLowerCase();
  const s = JSON.stringify(ctx.b.request.state ?? {}).slice(0, 50_000).toLowerCase();
  const guest = name.includes('guest') || name.includes('visitor') || (s.includes('guest') && !name.includes('corp'));
  const isolated = leadingFlag(field(obj, 'lanisolationenabled')?.value) === true || leadingFlag(field(obj, 'allowlanaccess')?.value) === false;
  if (guest && mode.includes('bridge') && !isolated) {
    ctx.b.add('change.safeguard_setting_off', 'guest network isolation (guest SSID bridged onto a LAN)', `${path}.ipAssignmentMode = ${mode}`);
    ctx.opens.add('safeguard_setting_off');
    if (normKey(scalarText(field(obj, 'authmode')?.value) ?? '') === 'open') opens(ctx, 'unauthenticated_access', `${path}: open SSID bridged onto a LAN`);
  }
}

/**
 * Salesforce Experience Cloud guest access: the site guest user is anyone on the internet, so a guest sharing rule, or
 * read on an object in the guest profile, publishes its records (Salesforce, Secure guest user record access).
 */
function readGuestAccess(ctx: ReadContext, obj: Record<string, unknown>, path: string): void {
  const rule = field(obj, 'guestsharingrule', 'guestsharingrules', 'guestrule');
  if (rule) {
    const level = normKey(JSON.stringify(rule.value ?? '').slice(0, 2000));
    if (level.includes('read') || level.includes('edit')) opens(ctx, 'public_acl', `${path}.${rule.key}: records shared with the site guest user (anyone on the internet)`);
  }
  const profile = scalarText(field(obj, 'profile', 'profilename')?.value)?.toLowerCase() ?? '';
  const perms = field(obj, 'objectpermissions')?.value;
  if (profile.includes('guest') && perms !== undefined && /allowread"?\s*:\s*true|allowedit"?\s*:\s*true/i.test(JSON.stringify(perms).slice(0, 4000))) {
    opens(ctx, 'public_acl', `${path}.objectPermissions: read on ${scalarText(isRecord(perms) ? field(perms, 'object')?.value : undefined) ?? 'an object'} for the guest profile`);
  }
}

function mentionsAnyone(word: string | undefined): boolean {
  return word !== undefined && (word.includes('anyone') || word.includes('public') || word.includes('anonymous'));
}

/** Reads one setting by its key; returns whether the key was one this reader knows. */
export function readSaasSetting(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const k = normKey(key);
  if (k.length === 0) return false;
  const text = scalarText(value);
  const word = text === undefined ? undefined : normKey(text);
  const on = leadingFlag(value);
  const say = `${source} = ${text ?? JSON.stringify(value)?.slice(0, 120)}`;

  // An SPF record that ends in +all (or a bare "all") authorises every server on the internet to send as the domain (RFC 7208 5.1).
  if (text !== undefined && text.length < 600 && /^\s*"?v=spf1\b/i.test(text) && !/^(old|previous|current|before|existing)/.test(k)) {
    if (/(^|\s)\+?all\s*"?\s*$/i.test(text)) {
      ctx.b.add('change.safeguard_setting_off', 'SPF sender authorisation (+all lets every server send as the domain)', say);
      ctx.opens.add('safeguard_setting_off');
    }
    return true;
  }
  // Intune "Mark devices with no compliance policy assigned as": Compliant (secureByDefault false) lets every unassessed device pass.
  if (k === 'securebydefault') {
    if (on === false) {
      ctx.b.add('change.safeguard_setting_off', 'devices with no compliance policy counted as compliant (secureByDefault false)', say);
      ctx.opens.add('safeguard_setting_off');
    }
    return true;
  }
  // Windows Update for Business rings paused: security fixes withheld (CISA BOD 22-01 remediation deadlines).
  if (k === 'qualityupdatespaused' || k === 'featureupdatespaused' || k === 'pausequalityupdates' || k === 'pausefeatureupdates' || k === 'pauseupdates' || k === 'updatespaused') {
    if (on === true) {
      ctx.b.add('change.safeguard_setting_off', 'security updates paused', say);
      ctx.opens.add('safeguard_setting_off');
    }
    return true;
  }
  // Chrome / Edge ExtensionInstallForcelist: "id;update_url"; an update URL other than the browser's own store serves unreviewed code (MITRE T1176).
  if (k === 'extensioninstallforcelist' || k === 'forceinstalledextensions' || k === 'extensioninstallforcelistentries') {
    const offStore = (Array.isArray(value) ? value : [value]).flatMap((x) => (typeof x === 'string' ? x.split(/[\n,]/) : [])).filter((e) => {
      const url = e.split(';')[1]?.trim().toLowerCase();
      return url !== undefined && url.length > 0 && !STORE_UPDATE_URLS.some((u) => url.startsWith(u));
    });
    if (offStore.length > 0) opens(ctx, 'unvetted_extension_forced', `${source} = ${offStore[0].slice(0, 120)} (force-installed from outside the browser's store)`);
    return true;
  }
  // Microsoft Graph application permissions over every mailbox, file or directory object, by app role id.
  if (k === 'approleid' && text !== undefined) {
    const id = text.trim().slice(0, 36).toLowerCase();
    if ((ctx.catalogue.concepts.get('graph.tenant_wide_app_role') ?? []).some((r) => r.toLowerCase() === id)) opens(ctx, 'tenant_wide_consent', `${say} (an application permission over every user of the tenant)`);
    return true;
  }
  // A Wi-Fi SSID with open association (a guest network behind a splash page) is not a service taking unauthenticated
  // requests; what it reaches is read by its addressing mode (readSsid).
  if (k === 'authmode' && word === 'open' && wireless(ctx)) return true;
  // Drive / SharePoint external sharing: to any outside domain, or anyone-links (SCuBA GWS.DRIVEDOCS.1, CIS Microsoft 365 7.2.x).
  if (k === 'externalsharingmode' || k === 'sharingoutsidedomain' || k === 'sharingcapability' || k === 'externalsharing') {
    if (word === 'allowed' || word === 'on' || word === 'true' || word === 'anyone' || word === 'externaluserandguestsharing') opens(ctx, 'external_sharing', `${say} (files shareable with any outside domain)`);
    else if (word !== undefined && (word.includes('allowlist') || word.includes('whitelist') || word === 'disallowed' || word === 'disabled' || word === 'off' || word === 'false')) closes(ctx, 'external_sharing');
    return true;
  }
  // Calendar external sharing (Google Workspace Admin Help, Calendar sharing options; SCuBA GWS.CALENDAR.1.1: primary
  // calendars share only free/busy outside the domain): a value that shows every detail or lets outsiders change events.
  if (k.startsWith('externalsharing') && k.includes('calendar') && text !== undefined) {
    const t = text.toLowerCase();
    if (/outsiders can (change|edit|manage|modify)|share all information|all event details|see all event details/.test(t)) opens(ctx, 'external_sharing', `${say} (every event's details shown to outsiders${/can (change|edit|manage|modify)/.test(t) ? ', and outsiders may change them' : ''})`);
    else if (/free\s*\/\s*busy|no sharing|only free/.test(t)) closes(ctx, 'external_sharing');
    return true;
  }
  if (k === 'defaultfileaccess' || k === 'generalaccess' || k === 'generalaccessdefault' || k === 'defaultlinkaccess' || k === 'defaultsharinglinktype' || k === 'defaultlinktype' || k === 'linksharing' || k === 'sharinglinktype') {
    if (mentionsAnyone(word)) opens(ctx, 'external_sharing', `${say} (new files open to anyone with the link)`);
    return true;
  }
  if (k === 'allowpublishingfiles' || k === 'publishtoweb' || k === 'allowpublishtoweb') {
    if (on === true) opens(ctx, 'external_sharing', `${say} (files published to the web)`);
    return true;
  }
  // Google Groups, registries: anyone may read (Groups Settings API ANYONE_CAN_VIEW, Checkov CKV_AZURE_138 anonymous pull).
  if (k === 'whocanviewgroup' || k === 'whocanviewmembership' || k === 'whocanjoin' || k === 'whocandiscovergroup') {
    if (mentionsAnyone(word)) opens(ctx, 'public_acl', `${say} (anyone on the internet)`);
    return true;
  }
  if (k === 'anonymouspullenabled' || k === 'anonymouspull' || k === 'allowanonymouspull') {
    if (on === true) opens(ctx, 'public_acl', `${say} (anonymous pull of every repository)`);
    else if (on === false) closes(ctx, 'public_acl');
    return true;
  }
  // A permission to forward automatically ("allowUsersToAutomaticallyForwardIncomingEmail", AutoForwardEnabled, AutoForwardingMode On).
  if (k.includes('forward') && (k.startsWith('allow') || k.includes('auto')) && !(text ?? '').includes('@') && !isRecord(value) && !Array.isArray(value)) {
    if (on === true) opens(ctx, 'external_forwarding', `${say} (automatic forwarding to outside addresses allowed)`);
    else if (on === false) closes(ctx, 'external_forwarding');
    return on !== undefined;
  }
  // Users consenting to applications themselves (SCuBA MS.AAD.5.2, CIS Microsoft 365 5.1.5.1).
  if (k === 'permissiongrantpoliciesassigned') {
    const self = strings(value).filter((p) => normKey(p).includes('managepermissiongrantsforself'));
    if (self.length > 0) opens(ctx, 'user_consent_open', `${source} = ${self.join(', ')} (users may consent to applications themselves)`);
    else if (Array.isArray(value)) closes(ctx, 'user_consent_open');
    return true;
  }
  if (k === 'allowuserconsentforriskyapps' || k === 'userscanconsenttoapps' || k === 'allowuserconsent' || k === 'usersconsenttoapps') {
    if (on === true) opens(ctx, 'user_consent_open', `${say} (users may consent to applications themselves)`);
    else if (on === false) closes(ctx, 'user_consent_open');
    return true;
  }
  // Legacy (basic) authentication back on: SMTP AUTH, basic auth protocols, less secure apps (CIS Microsoft 365, SCuBA MS.AAD.1.1, GWS).
  if (k === 'smtpclientauthenticationdisabled') {
    if (on === false) opens(ctx, 'legacy_auth_on', `${say} (SMTP AUTH basic authentication on)`);
    else if (on === true) closes(ctx, 'legacy_auth_on');
    return true;
  }
  if (k.startsWith('allowbasicauth') || k === 'allowlesssecureapps' || k === 'lesssecureapps' || k === 'lesssecureappsaccess' || k === 'legacyauthenticationenabled' || k === 'allowlegacyauthentication' || k === 'basicauthenabled' || k === 'basicauthentication') {
    if (on === true) opens(ctx, 'legacy_auth_on', `${say} (legacy authentication allowed)`);
    else if (on === false) closes(ctx, 'legacy_auth_on');
    return true;
  }
  if (k === 'oauth2clientprofileenabled' || k === 'modernauthenticationenabled' || k === 'blocklegacyauthentication') {
    if (on === false) opens(ctx, 'legacy_auth_on', `${say} (modern authentication off)`);
    else if (on === true) closes(ctx, 'legacy_auth_on');
    return true;
  }
  // Okta sign-on rule: one factor (password only) where two were required.
  if (k === 'factormode') {
    if (word === '1fa') opens(ctx, 'mfa_off', `${say} (one factor)`);
    else if (word === '2fa') closes(ctx, 'mfa_off');
    return true;
  }
  // GitHub Actions: write tokens by default, workflows approving pull requests (GitHub REST, OpenSSF Scorecard Token-Permissions).
  if (k === 'defaultworkflowpermissions' || k === 'defaultworkflowpermission') {
    if (word === 'write') opens(ctx, 'ci_token_widened', `${say} (every workflow token can write)`);
    else if (word === 'read') closes(ctx, 'ci_token_widened');
    return true;
  }
  if (k === 'canapprovepullrequestreviews') {
    if (on === true) opens(ctx, 'ci_token_widened', `${say} (workflows may approve pull requests)`);
    else if (on === false) closes(ctx, 'ci_token_widened');
    return true;
  }
  if (k === 'permissions' && (word === 'writeall' || word === 'write')) {
    opens(ctx, 'ci_token_widened', `${say} (the workflow token can write everything)`);
    return true;
  }
  // Registrar delegation: the domain's name servers replaced (CISA ED 19-01).
  if (k === 'nameservers' || k === 'nameserverlist') {
    const hosts = asArray(value).flatMap((h) => (typeof h === 'string' ? [h] : isRecord(h) ? strings(field(h, 'hostname', 'host', 'name')?.value) : []));
    if (hosts.length > 0) opens(ctx, 'delegation_changed', `${source} = ${hosts.slice(0, 4).join(', ')} (the domain delegated to these name servers)`);
    return hosts.length > 0;
  }
  // TLS certificate verification switched off (OWASP TLS Cheat Sheet, CWE-295).
  if (TLS_VERIFY_KEYS.has(k) || TLS_SKIP_KEYS.has(k)) {
    const off = TLS_VERIFY_KEYS.has(k) ? on === false : on === true;
    if (off) opens(ctx, 'tls_verification_off', `${say} (certificates not verified)`);
    else if (on !== undefined) closes(ctx, 'tls_verification_off');
    return true;
  }
  // Removable storage opened (Defender device control, CIS Windows removable storage access).
  if (k.includes('removable') || k.includes('usbstorage')) {
    const deny = k.includes('deny') || k.includes('block') || k.includes('disable') || k.includes('prevent');
    if (deny ? on === false : on === true) opens(ctx, 'removable_storage_open', `${say} (removable storage writable)`);
    else if (on !== undefined) closes(ctx, 'removable_storage_open');
    return true;
  }
  // Audit ingestion switched by a flag ("UnifiedAuditLogIngestionEnabled $false", "auditingEnabled: false").
  if ((k.includes('auditlog') || k.includes('auditing') || k.startsWith('audit')) && (k.endsWith('enabled') || k.endsWith('disabled'))) {
    // A bypass or exemption switched on ("AuditBypassEnabled $true") is auditing switched off.
    const inverted = k.endsWith('disabled') !== (k.includes('bypass') || k.includes('exempt'));
    const off = inverted ? on === true : on === false;
    if (off) opens(ctx, 'audit_logging_off', `${say} (audit logging off)`);
    else if (on !== undefined) closes(ctx, 'audit_logging_off');
    return true;
  }
  if (LOG_RETENTION_KEYS.has(k)) {
    const days = Number(text);
    // 0 means "never expire" in CloudWatch Logs.
    if (text !== undefined && text.trim() !== '' && Number.isFinite(days) && days > 0) {
      const current = (ctx.b.facts.change as Record<string, unknown> | undefined)?.log_retention_days;
      if (typeof current !== 'number' || days < current) ctx.b.set('change.log_retention_days', days, say, true);
    }
    return true;
  }
  // A listener on every interface, and authentication the same change turns on.
  if (BIND_KEYS.has(k)) {
    const addresses = (text ?? strings(value).join(',')).split(',').map((a) => a.trim());
    if (addresses.some((a) => EVERY_INTERFACE.has(a))) ctx.saas.boundAll = say;
    return true;
  }
  if (k === 'bindipall') {
    if (on === true) ctx.saas.boundAll = say;
    return true;
  }
  if (k === 'authorization' && (word === 'enabled' || word === 'disabled')) {
    if (word === 'enabled') ctx.saas.authOn = true;
    return true;
  }
  if ((k === 'requirepass' || k === 'auth' || k === 'authenabled' || k === 'authenticationenabled' || k === 'securityenabled' || k === 'xpacksecurityenabled' || k === 'existingsecret') && (on === true || (k === 'requirepass' || k === 'existingsecret' ? !!text : false))) {
    ctx.saas.authOn = true;
    return k === 'auth';
  }
  return false;
}

/** REST resources that are configuration, not data (GitHub, GitLab, Okta, Graph path names). */
const CONFIGURATION_RESOURCES = new Set(['runners', 'hooks', 'webhooks', 'invitations', 'labels', 'subscriptions', 'registrations', 'autolinks', 'pages', 'runner-groups', 'schedules', 'pipeline_schedules', 'badges']);

/** A REST call's resource: an application's new secret, a new identity provider, name servers replaced. */
export function readSaasRest(ctx: ReadContext, method: string, seg: readonly string[], source: string): void {
  const last = seg.at(-1);
  // DELETE of a configuration object (a CI runner, a webhook, an invitation): it takes a setting away and destroys no data.
  const resource = [...seg].reverse().find((x) => !/^[0-9]+$/.test(x) && !(x.length >= 8 && /[0-9]/.test(x)));
  if (method === 'delete' && resource !== undefined && CONFIGURATION_RESOURCES.has(resource)) closes(ctx, 'destructive');
  if ((last === 'addpassword' || last === 'addkey') && (seg.includes('serviceprincipals') || seg.includes('applications'))) opens(ctx, 'credential_reset', `${source}: a new secret for an application identity (${last})`);
  if (method === 'post' && (seg.includes('idps') || last === 'identityproviders' || last === 'federationconfiguration' || last === 'federationconfigurations')) opens(ctx, 'idp_trust_added', `${source}: identity provider trusted for sign-in`);
  if ((method === 'put' || method === 'patch' || method === 'post') && seg.includes('nameservers')) opens(ctx, 'delegation_changed', `${source}: name servers replaced`);
  // Google Vault: a hold deleted or accounts released from it (matters.holds.delete, holds.removeHeldAccounts).
  if (seg.includes('matters') && seg.includes('holds') && (method === 'delete' || (last ?? '').includes('removeheldaccounts'))) {
    ctx.b.add('change.safeguard_setting_off', 'legal hold (Vault hold released)', source);
    ctx.opens.add('safeguard_setting_off');
  }
}

const CREDENTIAL_COMMANDS = ['new-mgserviceprincipalpassword', 'add-mgserviceprincipalpassword', 'add-mgapplicationpassword', 'new-mgapplicationpassword', 'add-mgapplicationkey', 'new-azadspcredential', 'new-azadappcredential'];
const IDP_COMMANDS = ['new-mgdomainfederationconfiguration', 'new-mgidentityprovider', 'new-mgidentityproviderbase', 'new-mgdirectoryfederationconfiguration', 'create-saml-provider', 'create-open-id-connect-provider'];

/** Command lines: flags read as settings (`-SmtpClientAuthenticationDisabled $false`, `--anonymous-pull-enabled true`, `--retention-in-days 1`), and the operations above. */
export function readSaasCommand(ctx: ReadContext, words: readonly string[], named: readonly [string, string][], source: string): void {
  // Set-CASMailbox scopes SMTP AUTH to one mailbox: the documented exception for a device account, not the organisation's switch.
  const oneMailbox = words.includes('set-casmailbox');
  for (const [name, value] of named) {
    const k = normKey(name);
    if (BIND_KEYS.has(k) || (oneMailbox && k === 'smtpclientauthenticationdisabled')) continue;
    readSaasSetting(ctx, name, value, `${source}: --${name} ${value}`);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // "npm config set strict-ssl false", "git config http.sslVerify false", "NODE_TLS_REJECT_UNAUTHORIZED=0".
    const eq = w.indexOf('=');
    const name = eq > 0 && !w.startsWith('-') ? w.slice(0, eq) : w;
    const k = normKey(name.split('.').at(-1) ?? name);
    if (!(TLS_VERIFY_KEYS.has(k) || TLS_SKIP_KEYS.has(k))) continue;
    const value = eq > 0 && !w.startsWith('-') ? w.slice(eq + 1) : words[i + 1];
    if (value !== undefined) readSaasSetting(ctx, k, value, `${source}: ${name} ${value}`);
  }
  const has = (...names: string[]) => names.some((n) => words.includes(n));
  if (has(...CREDENTIAL_COMMANDS) || (has('az') && has('ad') && has('sp', 'app') && has('credential') && has('reset'))) opens(ctx, 'credential_reset', `${source}: a new secret for an application identity`);
  if (has(...IDP_COMMANDS) || (has('set-msoldomainauthentication') && named.some(([n, v]) => normKey(n) === 'authentication' && normKey(v) === 'federated'))) opens(ctx, 'idp_trust_added', `${source}: identity provider trusted for sign-in`);
  if (has('update-domain-nameservers')) opens(ctx, 'delegation_changed', `${source}: name servers replaced`);
  // `gh repo edit o/r --visibility public`, `az devops project update --visibility public`: an existing repository's code and history made readable by anyone.
  const visibility = named.find(([n]) => normKey(n) === 'visibility')?.[1];
  if (visibility !== undefined && normKey(visibility) === 'public' && ((has('repo') && has('edit')) || (has('project') && has('update')))) opens(ctx, 'public_principal', `${source}: repository made public`);
  // az network dns record-set cname set-record --cname x; gcloud dns record-sets create --type=CNAME --rrdatas=x.
  if (has('cname') && has('set-record', 'create', 'add-record') && !has('delete', 'remove-record')) {
    const target = named.find(([n]) => normKey(n) === 'cname' || normKey(n) === 'rrdatas' || normKey(n) === 'value')?.[1];
    if (target) ctx.saas.cnameTargets.push(target);
  }
}

/** A DNS record object: a CNAME (or alias) created or updated adds its target; a Route 53 DELETE adds nothing. */
export function readSaasObject(ctx: ReadContext, obj: Record<string, unknown>, path: string): void {
  readSsid(ctx, obj, path);
  readGuestAccess(ctx, obj, path);
  readNamedLocation(ctx, obj, path);
  const rrset = field(obj, 'resourcerecordset')?.value;
  const action = normKey(scalarText(field(obj, 'action')?.value) ?? '');
  const record = isRecord(rrset) ? rrset : path.endsWith('ResourceRecordSet') ? undefined : obj;
  if (!record || action === 'delete') return;
  const type = normKey(scalarText(field(record, 'type', 'recordtype', 'rrtype')?.value) ?? '');
  if (type !== 'cname') return;
  const values = [...strings(field(record, 'value', 'target', 'content', 'data', 'cname', 'canonicalname', 'rrdatas', 'records')?.value)];
  for (const rr of asArray(field(record, 'resourcerecords')?.value)) if (isRecord(rr)) values.push(...strings(field(rr, 'value')?.value));
  ctx.saas.cnameTargets.push(...values.slice(0, 10));
}

function infoFlags(ctx: ReadContext): [string, boolean | undefined][] {
  const info = ctx.b.request.state.information_gathered;
  return isRecord(info) ? Object.entries(info).slice(0, 200).map(([k, v]) => [normKey(k), leadingFlag(v)]) : [];
}

function stateText(ctx: ReadContext): string {
  return JSON.stringify(ctx.b.request.state ?? {}).slice(0, 100_000).toLowerCase();
}

/** A credential written in the ticket: the information says so, or an access-key id, token or private key appears in its text. */
function ticketHoldsSecret(ctx: ReadContext): boolean {
  if (infoFlags(ctx).some(([k, on]) => on === true && (k.includes('credentialinticket') || k.includes('secretinticket') || k.includes('passwordinticket') || k.includes('keyinticket')))) return true;
  const raw = JSON.stringify(ctx.b.request.state ?? {}).slice(0, 100_000);
  for (let i = raw.indexOf('AKIA'); i >= 0; i = raw.indexOf('AKIA', i + 4)) {
    let n = 0;
    while (n < 20 && /[A-Z0-9]/.test(raw[i + 4 + n] ?? '')) n++;
    if (n >= 12) return true;
  }
  return raw.includes('-----BEGIN') || raw.includes('ghp_') || raw.includes('xoxb-');
}

/** A template that copies the ticket's own text into what the action writes ("{{description}}", "${ticket.description}"). */
function copiesTicketText(parameters: unknown): boolean {
  const s = JSON.stringify(parameters ?? {}).slice(0, 100_000).toLowerCase();
  for (const open of ['{{', '${']) {
    for (let i = s.indexOf(open); i >= 0; i = s.indexOf(open, i + 2)) {
      const close = s.indexOf('}', i);
      if (close < 0 || close - i > 60) continue;
      const inner = s.slice(i + 2, close);
      if (['description', 'conversation', 'body', 'details', 'short_description', 'comments'].some((w) => inner.includes(w))) return true;
    }
  }
  return false;
}

/** What the request as a whole says, after every reader ran. */
export function finishSaas(ctx: ReadContext, parameters: unknown): void {
  const info = infoFlags(ctx);
  if (ctx.saas.boundAll && !ctx.saas.authOn && !info.some(([k, on]) => on === true && k.includes('auth'))) {
    opens(ctx, 'public_database', `${ctx.saas.boundAll} (listens on every interface; the change turns no authentication on)`);
  }
  // The change turns a data service's authentication on (MongoDB security.authorization enabled, Redis requirepass or an
  // auth secret, Elasticsearch xpack.security.enabled): the service is closed to unauthenticated clients (MongoDB
  // Security Checklist, enable access control; CIS Docker/Redis guidance, require a password).
  if (ctx.saas.authOn) closes(ctx, 'unauthenticated_access');
  if (ctx.saas.cnameTargets.length > 0) {
    const text = stateText(ctx);
    const absent = info.some(([k, on]) => on === false && (k.includes('targetexists') || k.includes('targetresolves') || k.includes('targetclaimed') || k.includes('bucketexists') || k.includes('resourceexists'))) || text.includes('nosuchbucket') || text.includes('nxdomain') || text.includes('no such bucket');
    if (absent) opens(ctx, 'dangling_dns', `action.parameters: CNAME to ${ctx.saas.cnameTargets.slice(0, 3).join(', ')}, a target the ticket says does not exist`);
  }
  if (copiesTicketText(parameters) && ticketHoldsSecret(ctx)) opens(ctx, 'credential_exposure', 'action.parameters: the ticket text, which holds a credential, is copied into what the action sends');
}
