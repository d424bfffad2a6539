import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DOMAIN_MODULES } from '../packs/domain-modules.js';
import { loadDomains } from '../packs/load-domains.js';
import { PROJECT_ROOT } from '../lib/project-root.js';
import { decideCases, formatScore, loadCaseFile, loadPublicCases, scoreCases, SPLITS, type CaseSetScore } from '../validation/public-cases.js';
import { validateDomain, type ValidationReport } from '../validation/validate-domain.js';
import { EmbeddedWorldModel } from '../world-model/embedded/embedded-world-model.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));

export function reportMarkdown(r: ValidationReport): string {
  const lines: string[] = [];
  lines.push(`Held-out rows: ${r.heldOut} (trained on ${r.trainRows}); model \`${r.model.split('+')[0]}\`; policy \`${r.policyVersion.slice(0, 19)}…\`.`, '');
  lines.push('| metric | Brier | Brier (base rate) | skill | mean abs. error vs true risk |', '|---|---|---|---|---|');
  for (const c of r.calibration) lines.push(`| ${c.metric} | ${f3(c.brier)} | ${f3(c.brierBaseRate)} (base rate ${pct(c.baseRate)}) | ${f3(c.skill)} | ${f3(c.meanAbsErrorVsTrueRisk)} |`);
  for (const c of r.calibration) {
    lines.push('', `Reliability (${c.metric}):`, '', '| predicted | rows | mean predicted | observed | mean true risk |', '|---|---|---|---|---|');
    for (const b of c.reliability) lines.push(`| ${b.from.toFixed(2)}–${b.to.toFixed(2)} | ${b.count} | ${f3(b.meanPredicted)} | ${f3(b.observed)} | ${f3(b.meanTrueRisk)} |`);
  }
  const d = r.decisions;
  lines.push('', '| decisions on held-out rows | rows | result |', '|---|---|---|');
  lines.push(`| true risk above a threshold | ${d.dangerous.count} | ${pct(d.dangerous.escalated / Math.max(1, d.dangerous.count))} escalated |`);
  lines.push(`| true risk under half of every threshold | ${d.safe.count} | ${pct(d.safe.approved / Math.max(1, d.safe.count))} approved |`);
  lines.push(`| in between | ${d.between.count} | ${pct(d.between.escalated / Math.max(1, d.between.count))} escalated |`);
  lines.push(`| adaptive sampling | ${r.heldOut} | ${d.rollouts.adaptiveMean.toFixed(1)} rollouts on average vs ${d.rollouts.max} (${pct(d.rollouts.saving)} fewer); same decision as at ${d.rollouts.max} on ${pct(d.rollouts.sameDecisionAsMax)} |`);
  return lines.join('\n');
}

export function publicCasesMarkdown(scores: { split: string; score: CaseSetScore }[]): string {
  const lines = ['| public-source cases | dangerous escalated | safe approved | escalated by unfamiliar_situation alone (safe / dangerous) | misses |', '|---|---|---|---|---|'];
  for (const { split, score: s } of scores) {
    // The test split's misses are counted, never named: naming them would invite tuning to them.
    const misses = split === 'test' ? `${s.misses.length} (not named)` : s.misses.map((m) => `${m.case.id} (${m.decision})`).join(', ') || 'none';
    lines.push(
      `| ${split} split | ${s.dangerous.escalated} of ${s.dangerous.count} (${pct(s.dangerous.escalated / Math.max(1, s.dangerous.count))}) | ${s.safe.approved} of ${s.safe.count} (${pct(s.safe.approved / Math.max(1, s.safe.count))}) | ${s.unfamiliarOnly.safe} / ${s.unfamiliarOnly.dangerous} | ${misses} |`,
    );
  }
  return lines.join('\n');
}

/** Replaces the "## Validation" section of the domain's README with this report. */
function updateReadme(domain: string, markdown: string): string {
  const file = path.join(PROJECT_ROOT, 'domains', domain, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const section = `## Validation\n\nMeasured by \`npm run validate -- --domain ${domain} --update-readme\` (embedded model).\n\n${markdown}\n`;
  const at = text.indexOf('## Validation');
  if (at < 0) throw new Error(`${file} has no "## Validation" section`);
  const next = text.indexOf('\n## ', at + 1);
  fs.writeFileSync(file, text.slice(0, at) + section + (next >= 0 ? text.slice(next) : ''));
  return file;
}

/**
 * `validate --domain D --cases FILE`: the decisions on one case file, without the bank's held-out report. This is
 * how a new batch is scored on first contact before any round tunes on it; its misses are listed by id.
 */
async function scoreCaseFileCommand(domains: ReturnType<typeof loadDomains>, name: string | undefined, file: string): Promise<void> {
  const domain = name ? domains.get(name) : undefined;
  if (!domain) throw new Error(`--cases needs --domain, one of: ${[...domains.keys()].join(', ')}`);
  const score = scoreCases(await decideCases(domain, new EmbeddedWorldModel([domain]), loadCaseFile(path.resolve(file))));
  for (const m of score.misses) console.log(`miss ${m.case.id}: gold ${m.case.gold}, got ${m.decision}${m.reasons.length ? ` (${m.reasons.join(', ')})` : ''}`);
  console.log(formatScore(domain.name, path.basename(file), score));
}

export async function validateCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { domain: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, 'update-readme': { type: 'boolean' }, cases: { type: 'string' } } });
  const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES);
  if (values.cases) return scoreCaseFileCommand(domains, values.domain, values.cases);
  const names = values.domain ? [values.domain] : [...domains.keys()];
  for (const name of names) {
    const domain = domains.get(name);
    if (!domain) throw new Error(`unknown domain '${name}'; known: ${[...domains.keys()].join(', ')}`);
    const model = new EmbeddedWorldModel([domain]);
    const report = await validateDomain(domain, model, { limit: values.limit ? Number(values.limit) : undefined });
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
      continue;
    }
    const scores = [];
    for (const split of SPLITS) scores.push({ split, score: scoreCases(await decideCases(domain, model, loadPublicCases(PROJECT_ROOT, name, split))) });
    const md = [
      '### On cases written by others from public sources (`test/cases/`; the test split was committed before any tuning)',
      '',
      publicCasesMarkdown(scores),
      '',
      '### On the bank\'s own held-out split (circular: the bank was drawn from a risk model over features like the ones the model learns, so this measures fit, not reading the world)',
      '',
      reportMarkdown(report),
    ].join('\n');
    console.log(`\n## ${name}\n\n${md}\n\n(${report.ms} ms)`);
    if (values['update-readme']) console.log(`updated ${path.relative(PROJECT_ROOT, updateReadme(name, md))}`);
  }
}
