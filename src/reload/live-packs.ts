import { setImmediate as turn } from 'node:timers/promises';
import { caseEmbedders } from '../cases/bank-cases.js';
import type { CaseEmbedder } from '../cases/case-embedder.js';
import { bankDigest, bankKey, type LoadedDomain } from '../packs/load-domains.js';
import { EmbeddedWorldModel } from '../world-model/embedded/embedded-world-model.js';
import type { WorldModel } from '../world-model/world-model.js';

/** Everything derived from one load of the packs and policies. Never changed: a reload makes a new one. */
export interface PackGeneration {
  readonly domains: ReadonlyMap<string, LoadedDomain>;
  /** Learned from these domains' banks. */
  readonly embedded: EmbeddedWorldModel;
  /** Similar-case embedders, fitted on these domains' banks. */
  readonly embedders: ReadonlyMap<string, CaseEmbedder>;
  /** The world model each domain's policy asks for. */
  worldModelFor(domain: LoadedDomain): WorldModel;
}

/** What the embedded model learns from a domain: its bank, read with its catalogue, labelled by its outcomes. */
const learnedFrom = (d: LoadedDomain) => `${bankKey(d)}\u0000${JSON.stringify(d.outcomes)}`;

/**
 * A generation for `domains`. What did not change since `previous` is kept rather than learned again:
 * a policy edit costs a load and a few checks, not a model fit. A new bank or catalogue is read in
 * this process (seconds a domain), one domain at a time, so that requests are answered in between.
 */
export async function buildGeneration(
  domains: ReadonlyMap<string, LoadedDomain>,
  route: (domains: ReadonlyMap<string, LoadedDomain>, embedded: EmbeddedWorldModel) => (d: LoadedDomain) => WorldModel,
  previous?: PackGeneration,
): Promise<PackGeneration> {
  const same = (d: LoadedDomain, key: (d: LoadedDomain) => string) => {
    const before = previous?.domains.get(d.name);
    return before !== undefined && key(before) === key(d);
  };
  for (const d of domains.values()) {
    if (same(d, bankKey)) continue;
    bankDigest(d);
    await turn();
  }
  const unchanged = previous !== undefined && previous.domains.size === domains.size && [...domains.values()].every((d) => same(d, learnedFrom));
  const embedded = unchanged ? previous.embedded : new EmbeddedWorldModel(domains.values());
  const embedders = new Map(
    [...domains.values()].map((d) => [d.name, (same(d, bankKey) ? previous?.embedders.get(d.name) : undefined) ?? caseEmbedders([d]).get(d.name)!]),
  );
  return { domains, embedded, embedders, worldModelFor: route(domains, embedded) };
}

/** A read-only map that answers from whatever `current` gives at the moment of each call. */
class LiveMap<K, V> implements ReadonlyMap<K, V> {
  constructor(private readonly current: () => ReadonlyMap<K, V>) {}
  get size() {
    return this.current().size;
  }
  get(key: K) {
    return this.current().get(key);
  }
  has(key: K) {
    return this.current().has(key);
  }
  keys() {
    return this.current().keys();
  }
  values() {
    return this.current().values();
  }
  entries() {
    return this.current().entries();
  }
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown) {
    this.current().forEach((v, k) => fn.call(thisArg, v, k, this));
  }
  [Symbol.iterator]() {
    return this.current()[Symbol.iterator]();
  }
}

/**
 * The generation in force, swapped whole by a reload. Whoever looks a domain up gets it from one
 * generation, and the domain object keeps that generation's world model: an evaluation that began
 * before a swap finishes on the policy and the model it began with; the next one sees the new.
 */
export class LivePacks {
  #current: PackGeneration;
  readonly #owner = new WeakMap<LoadedDomain, PackGeneration>();
  /** The domains in force, for services that look one up per request. */
  readonly domains: ReadonlyMap<string, LoadedDomain> = new LiveMap(() => this.#current.domains);
  /** The case embedders in force. */
  readonly embedders: ReadonlyMap<string, CaseEmbedder> = new LiveMap(() => this.#current.embedders);

  constructor(first: PackGeneration) {
    this.#current = first;
    this.#own(first);
  }

  get current(): PackGeneration {
    return this.#current;
  }

  /** The generation `domain` was loaded in (the one in force for an object it never held). */
  generationOf(domain: LoadedDomain): PackGeneration {
    return this.#owner.get(domain) ?? this.#current;
  }

  /** The world model of `domain`'s own generation. */
  worldModelFor(domain: LoadedDomain): WorldModel {
    return this.generationOf(domain).worldModelFor(domain);
  }

  /** One assignment: nothing sees half of the next generation. */
  swap(next: PackGeneration): void {
    this.#own(next);
    this.#current = next;
  }

  #own(g: PackGeneration) {
    for (const d of g.domains.values()) this.#owner.set(d, g);
  }
}
