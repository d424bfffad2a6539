import crypto from 'node:crypto';
import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { compileRule, type CompiledRule } from '../rules/index.js';
import { Lexicon } from './text.js';

/**
 * A domain's hazard knowledge as data (`domains/<d>/catalogue.yaml`), in the shape of Checkov or
 * KICS rule metadata: every hazard has a stable id, a severity, what it matches (a rule-language
 * expression over the normalised facts), a one-line message and the public guidance it encodes.
 * The same file holds the vocabulary the normaliser reads free text with, and the dictionary of
 * facts: what to ask when one is unknown, and the plausible worst value that decides whether its
 * absence matters.
 */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

const FactValueSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);

const FactDefSchema = z
  .object({
    /** What a supervisor should ask to learn it: "What are the gusts at the crane (mph)?" */
    question: z.string().min(1),
    /** A plausible value at the dangerous end; an unknown fact is replaced by it to see whether it could change the decision. */
    worst: FactValueSchema.optional(),
    unit: z.string().optional(),
  })
  .strict();

const HazardSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'hazard ids are snake_case'),
    severity: z.enum(SEVERITIES),
    title: z.string().min(1),
    /** Rule-language expression over `facts.*` and `action.*` (the classified action). */
    when: z.string().min(1).max(4000),
    /** `{facts.x}` placeholders are filled from the reading. */
    message: z.string().min(1),
    citation: z.string().min(1),
    url: z.string().url().optional(),
    recommendation: z.string().optional(),
    /**
     * A hazard of how a stand-down itself is carried out (a crane left out of service unable to
     * weathervane): checked even when the action lowers the risk, when every other rule is not.
     */
    also_when_standing_down: z.boolean().default(false),
  })
  .strict();

const CatalogueFileSchema = z
  .object({
    domain: z.string(),
    sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().url().optional() }).strict()).default([]),
    facts: z.record(z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'fact names are dotted snake_case'), FactDefSchema).default({}),
    /** concept → phrases; a word ending in `*` matches by prefix. */
    vocabulary: z.record(z.string(), z.array(z.string().min(1))).default({}),
    hazards: z.array(HazardSchema).default([]),
  })
  .strict();

export type FactDef = z.infer<typeof FactDefSchema>;

export interface CatalogueHazard extends CompiledRule {
  severity: Severity;
  title: string;
  url?: string;
  /** Checked even for an action that lowers the risk (see the schema). */
  alsoWhenStandingDown?: true;
}

export interface Catalogue {
  domain: string;
  facts: ReadonlyMap<string, FactDef>;
  hazards: CatalogueHazard[];
  /** Every phrase of the vocabulary, matched to its concept. */
  vocabulary: Lexicon;
  /** The phrases by concept, as written. */
  concepts: ReadonlyMap<string, readonly string[]>;
  /** The number of entries, for logs. */
  size: { facts: number; hazards: number; phrases: number };
  /** sha256 of the catalogue's content: what a reading made with it depends on. */
  hash: string;
}

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Parses and compiles a catalogue; a problem names the file and the entry. */
export function loadCatalogue(file: string): Catalogue {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CatalogueError(`${file}: ${(err as Error).message}`);
  }
  return compileCatalogue(raw, file);
}

export function compileCatalogue(raw: unknown, file = 'catalogue'): Catalogue {
  const parsed = CatalogueFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CatalogueError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const { domain, facts, vocabulary, hazards } = parsed.data;
  const factDefs = new Map(Object.entries(facts));
  const ids = new Set<string>();
  const compiled = hazards.map((h): CatalogueHazard => {
    if (ids.has(h.id)) throw new CatalogueError(`${file}: hazard '${h.id}' is defined twice`);
    ids.add(h.id);
    let rule: CompiledRule;
    try {
      rule = compileRule({ id: h.id, when: h.when, message: h.message, citation: h.citation, recommendation: h.recommendation });
    } catch (err) {
      throw new CatalogueError(`${file}: hazard '${h.id}' does not compile: ${(err as Error).message}`);
    }
    for (const f of rule.reads) {
      if (!factDefs.has(f) && ![...factDefs.keys()].some((k) => k.startsWith(`${f}.`))) {
        throw new CatalogueError(`${file}: hazard '${h.id}' reads facts.${f}, which the facts dictionary does not define`);
      }
    }
    return { ...rule, severity: h.severity, title: h.title, ...(h.url ? { url: h.url } : {}), ...(h.also_when_standing_down ? { alsoWhenStandingDown: true as const } : {}) };
  });
  const entries = Object.entries(vocabulary).flatMap(([concept, phrases]) => phrases.map((phrase) => ({ phrase, concept })));
  return {
    domain,
    facts: factDefs,
    hazards: compiled,
    vocabulary: new Lexicon(entries),
    concepts: new Map(Object.entries(vocabulary)),
    size: { facts: factDefs.size, hazards: compiled.length, phrases: entries.length },
    hash: crypto.createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex'),
  };
}
