import { checks, opens, opensToWorld, type ReadContext } from './read-context.js';
import { ipv4, isWorldSource, splitOn } from './text-helpers.js';
import { asArray, field, isRecord, normKey, scalarText } from './values.js';

/**
 * Ingress rules in the shapes the clouds write them: AWS security-group permissions
 * ({IpProtocol, FromPort, ToPort, IpRanges:[{CidrIp}], Ipv6Ranges:[{CidrIpv6}]}), Terraform
 * (`cidr_blocks`, `from_port`), Azure NSG rules ({sourceAddressPrefix, destinationPortRange,
 * access, direction}), GCP firewall rules ({sourceRanges, allowed:[{IPProtocol, ports}]}) and the
 * simple {port, cidr} form. "All ports" is protocol -1 / all / *, or a range of 1024 ports or more
 * (CIS counts protocol ALL as exposing every administration port).
 */

const SOURCE_KEYS = ['allowedsourceaddressprefix', 'allowedsourceaddressprefixes', 'cidr', 'cidrip', 'cidripv4', 'cidripv6', 'cidrblocks', 'ipv6cidrblocks', 'sourceaddressprefix', 'sourceaddressprefixes', 'sourceranges', 'sourceip', 'sourceips', 'source', 'remoteipprefix', 'ipprefix', 'allowedips', 'sourcecidr', 'sourcecidrs', 'src', 'srcaddr', 'srcip', 'sourceaddress', 'sourceaddresses'];
const RANGE_KEYS = ['ipranges', 'ipv6ranges', 'iprange', 'ipv6range'];
// A port forward names the port it opens on the outside (external_port, wan_port); a firewall appliance names a service ("tcp/8530").
const LISTED_PORT_KEYS = ['port', 'ports', 'destinationport', 'destinationportrange', 'destinationportranges', 'portrange', 'localport', 'dstport', 'dport', 'destport', 'externalport', 'publicport', 'wanport', 'service', 'services'];
const PORT_KEYS = [...LISTED_PORT_KEYS, 'toport', 'fromport'];
const PROTOCOL_KEYS = ['ipprotocol', 'protocol'];
const WIDE_RANGE = 1024;

export interface PortSet {
  ports: number[];
  all: boolean;
}

/** "22", 22, "20-23", "0-65535", "*", "tcp:22", ["22","3389"] → ports (admin ports inside a range included). */
export function readPorts(ctx: ReadContext, v: unknown, into: PortSet): void {
  for (const item of asArray(v)) {
    const text = scalarText(item);
    if (text === undefined) continue;
    for (const part of splitOn(text, ', ')) {
      const colon = part.lastIndexOf(':');
      let p = colon >= 0 ? part.slice(colon + 1) : part;
      // "8080/tcp", "tcp/8530": the port with its protocol.
      const slash = p.indexOf('/');
      if (slash >= 0) p = /^\d/.test(p) ? p.slice(0, slash) : p.slice(slash + 1);
      if (p === '*' || p.toLowerCase() === 'all' || p.toLowerCase() === 'any') {
        into.all = true;
        continue;
      }
      const [a, b] = splitOn(p, '-').map(Number);
      if (!Number.isInteger(a)) continue;
      addRange(ctx, a, Number.isInteger(b) ? b : a, into);
    }
  }
}

export function addRange(ctx: ReadContext, from: number, to: number, into: PortSet): void {
  if (from < 0 || to > 65535 || to < from) return;
  if (to - from + 1 >= WIDE_RANGE) {
    into.all = true;
    return;
  }
  into.ports.push(from);
  for (const p of ctx.adminPorts) if (p > from && p <= to) into.ports.push(p);
}

function sourcesOf(obj: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = normKey(k);
    if (SOURCE_KEYS.includes(key)) for (const s of asArray(v)) if (typeof s === 'string') out.push(...splitOn(s, ', '));
    if (RANGE_KEYS.includes(key)) {
      for (const r of asArray(v)) {
        if (typeof r === 'string') out.push(r);
        else if (isRecord(r)) for (const s of Object.values(r)) if (typeof s === 'string' && (s.includes('/') || ipv4(s))) out.push(s);
      }
    }
  }
  const start = scalarText(field(obj, 'startipaddress', 'startip')?.value);
  const end = scalarText(field(obj, 'endipaddress', 'endip')?.value);
  if (start !== undefined && end !== undefined) out.push(start === '0.0.0.0' && end === '255.255.255.255' ? '0.0.0.0/0' : `${start}-${end}`);
  return out;
}

/** " on 443, 8443", " on every port" or nothing, for a reading's detail. */
export function portsShown(set: PortSet): string {
  if (set.all) return ' on every port';
  return set.ports.length > 0 ? ` on ${set.ports.slice(0, 6).join(', ')}` : '';
}

/** Reads an ingress rule object; returns whether it was one. */
export function readNetworkRule(ctx: ReadContext, obj: Record<string, unknown>, source: string): boolean {
  const sources = sourcesOf(obj);
  const allowedList = asArray(field(obj, 'allowed', 'allow')?.value).filter(isRecord);
  // A just-in-time port request names its port as {number: 3389, allowedSourceAddressPrefix} (Defender for Cloud JIT).
  const hasPorts = PORT_KEYS.some((k) => field(obj, k) !== undefined) || allowedList.length > 0 || (sources.length > 0 && typeof field(obj, 'number')?.value === 'number');
  const startEnd = field(obj, 'startipaddress', 'startip') !== undefined && field(obj, 'endipaddress', 'endip') !== undefined;
  // A database firewall rule is a range of addresses with no port: the whole range means the database is public.
  if (startEnd && !hasPorts) {
    if (sources.some(isWorldSource)) opens(ctx, 'public_database', `${source}: firewall rule covering every address`);
    else checks(ctx, 'network_rule_scoped', `${source}: from ${sources.join(', ')}`);
    return true;
  }
  if (sources.length === 0 || (!hasPorts && field(obj, ...PROTOCOL_KEYS) === undefined)) return false;
  const direction = normKey(scalarText(field(obj, 'direction', 'type')?.value) ?? '');
  const access = normKey(scalarText(field(obj, 'access', 'action')?.value) ?? '');
  if (direction === 'egress' || direction === 'outbound' || access === 'deny') {
    checks(ctx, 'network_rule_scoped', `${source}: ${access === 'deny' ? 'a deny rule' : 'an outbound rule'}`);
    return true;
  }

  const set: PortSet = { ports: [], all: false };
  const from = Number(scalarText(field(obj, 'fromport')?.value));
  const to = Number(scalarText(field(obj, 'toport')?.value));
  if (Number.isInteger(from) && Number.isInteger(to) && from >= 0) addRange(ctx, from, to, set);
  else if (Number.isInteger(from) && from > 0) addRange(ctx, from, from, set);
  for (const k of LISTED_PORT_KEYS) {
    const f = field(obj, k);
    if (f) readPorts(ctx, f.value, set);
  }
  const protocols = [scalarText(field(obj, ...PROTOCOL_KEYS)?.value)];
  for (const a of allowedList) {
    protocols.push(scalarText(field(a, ...PROTOCOL_KEYS)?.value));
    const ports = field(a, 'ports');
    if (ports) readPorts(ctx, ports.value, set);
    else set.all = true;
  }
  if (protocols.some((p) => p === '-1' || p === '*' || p?.toLowerCase() === 'all')) set.all = set.all || set.ports.length === 0;
  for (const p of set.ports) ctx.b.add('change.ports', String(p), source);
  const world = sources.filter(isWorldSource);
  if (world.length === 0) {
    checks(ctx, 'network_rule_scoped', `${source}: from ${sources.slice(0, 4).join(', ')}${portsShown(set)}`);
    return true;
  }
  const where = `${source}: from ${world.join(', ')}`;
  if (set.all) opensToWorld(ctx, 'all', where);
  else if (set.ports.length > 0) opensToWorld(ctx, set.ports, where);
  else opens(ctx, 'world_open', where);
  return true;
}

/** An IPv4 address, CIDR or address-and-mask on a line, and whether the line names any source at all. */
const ADDRESS = /\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\b/g;
const ALLOW_WORD = /(^|\s)(permit|accept|allow|permitted-ip)(\s|$)/;
const ANY_SOURCE = /(^|\s)(any|any4|any6|all|0\.0\.0\.0(\/0)?|::\/0)(\s|$)/;

/**
 * Allow lines of network devices and host firewalls that name the source they admit: an IOS or ASA access list entry
 * ("permit host 10.20.5.77", "permit 10.0.0.0 0.0.0.255"), a PAN-OS permitted-ip, an nftables rule matching one source
 * address ("ip saddr 10.40.1.15 … accept"), an NFS export to a subnet with root squashed (exports(5)), a FortiGate policy
 * whose source address is a named object rather than "all". Each admits named addresses only (CIS Cisco IOS Benchmark
 * 1.2.x, access-class on VTY lines; NSA Network Infrastructure Security Guide, restrict management to named hosts).
 * A line that admits any source is not bounded; other readers read what it opens.
 */
export function readAllowLines(ctx: ReadContext, parameters: unknown): void {
  const lines: string[] = [];
  const collect = (v: unknown, depth: number): void => {
    if (depth > 6 || lines.length > 400) return;
    if (typeof v === 'string') for (const l of v.slice(0, 20_000).split(/\r?\n/)) lines.push(l.trim().toLowerCase());
    else if (Array.isArray(v)) for (const x of v.slice(0, 200)) collect(x, depth + 1);
    else if (isRecord(v)) for (const x of Object.values(v).slice(0, 100)) collect(x, depth + 1);
  };
  collect(parameters, 0);
  for (const l of lines) {
    if (l.length === 0 || l.length > 300 || l.startsWith('#') || l.startsWith('no ') || l.startsWith('-')) continue;
    const exported = /^\/\S+\s+([^\s(]+)\(([^)]*)\)/.exec(l);
    if (exported) {
      if (!isWorldSource(exported[1]) && exported[1] !== '*' && !exported[2].includes('no_root_squash')) checks(ctx, 'network_rule_scoped', `action.parameters: export to ${exported[1]} (${exported[2].slice(0, 60)})`);
      continue;
    }
    const fortiSource = /^set srcaddr\s+"?([^"\s]+)"?/.exec(l);
    if (fortiSource && fortiSource[1] !== 'all') {
      checks(ctx, 'network_rule_scoped', `action.parameters: policy source ${fortiSource[1]}`);
      continue;
    }
    if (!ALLOW_WORD.test(l) || ANY_SOURCE.test(l) || /\bdeny\b/.test(l)) continue;
    const addresses = l.match(ADDRESS) ?? [];
    if (addresses.length > 0 && !addresses.some(isWorldSource)) checks(ctx, 'network_rule_scoped', `action.parameters: ${l.slice(0, 100)}`);
  }
}
