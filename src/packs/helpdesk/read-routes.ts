import { opens, type ReadContext } from './read-context.js';
import { isRecord, normKey, scalarText, treeStrings } from './values.js';

/**
 * Routes sent over a VPC peering connection. CIS Amazon Web Services Foundations Benchmark ("Ensure routing tables for
 * VPC peering are least access") and Prowler `vpc_peering_routing_tables_with_least_privilege` want a peering route to
 * name only the peer's CIDRs that must be reached: a default route (0.0.0.0/0, ::/0) or a block as wide as a /8 over the
 * peering sends traffic for every destination into a network the organisation does not control. Read from the CLI
 * (create-route / replace-route with --vpc-peering-connection-id), API and CloudFormation bodies
 * (DestinationCidrBlock with VpcPeeringConnectionId) and Terraform (destination_cidr_block or cidr_block with
 * vpc_peering_connection_id). A route the change deletes opens nothing. Every input is bounded.
 */

const MAX = 20_000;

/** The prefix length of an IPv4 or IPv6 CIDR ("0.0.0.0/0" → 0), undefined when it is none. */
function prefixOf(cidr: string): number | undefined {
  const m = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]{2,39})\/(\d{1,3})$/i.exec(cidr.trim());
  return m ? Number(m[1]) : undefined;
}

const broad = (cidr: string | undefined): boolean => {
  if (!cidr) return false;
  const p = prefixOf(cidr);
  return p !== undefined && p <= 8;
};

function flag(text: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)--${name}(?:=|\\s+)["']?([^\\s"']{1,80})`, 'i').exec(text);
  return m?.[1];
}

export function readPeeringRoutes(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || ctx.removing > 0) return;
  for (const t of treeStrings(parameters).filter((x) => x.length <= MAX)) {
    for (const line of t.split(/\r?\n|;|&&/).slice(0, 200)) {
      if (!/\b(create|replace)-route\b/i.test(line)) continue;
      const pcx = flag(line, 'vpc-peering-connection-id');
      const dest = flag(line, 'destination-cidr-block') ?? flag(line, 'destination-ipv6-cidr-block');
      if (pcx && broad(dest)) return opens(ctx, 'peering_route_broad', `action.parameters: route ${dest} over peering ${pcx}`, `${dest} via ${pcx}`);
    }
  }
  // API, CloudFormation and Terraform objects: a destination and a peering connection side by side.
  const walk = (v: unknown, depth: number): string | undefined => {
    if (depth > 8) return undefined;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 100)) {
        const hit = walk(x, depth + 1);
        if (hit) return hit;
      }
      return undefined;
    }
    if (!isRecord(v)) return undefined;
    const kv = new Map(Object.entries(v).slice(0, 100).map(([k, x]) => [normKey(k), x] as const));
    const pcx = scalarText(kv.get('vpcpeeringconnectionid'));
    const dest = scalarText(kv.get('destinationcidrblock') ?? kv.get('cidrblock') ?? kv.get('destinationipv6cidrblock') ?? kv.get('ipv6cidrblock'));
    if (pcx && broad(dest)) return `${dest} via ${pcx}`;
    for (const x of kv.values()) {
      const hit = walk(x, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = walk(parameters, 0);
  if (hit) opens(ctx, 'peering_route_broad', `action.parameters: route ${hit}`, hit);
}
