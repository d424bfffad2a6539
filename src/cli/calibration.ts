import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { PROJECT_ROOT } from '../lib/project-root.js';
import type { CalibrationFigures } from '../outcomes/calibration.js';
import { calibrationReport, type CalibrationReport, type VersionGroupReport } from '../outcomes/calibration-report.js';
import { PgCalibrationStore } from '../outcomes/pg-calibration-store.js';

export const CALIBRATION_USAGE = `  calibration --domain D [--since T] [--until T] [--policy-version V] [--json]
                                      predicted incident and adverse rates against reported outcomes,
                                      per policy and world-model version: Brier score and its
                                      decomposition, ECE, reliability bins, escalation and override
                                      rates (the report of GET /v1/domains/D/calibration). T: an ISO
                                      date or date-time; the window is on evaluation time, T inclusive
                                      to T exclusive
`;

/** `2026-07-01` or `2026-07-01T12:00:00Z`; anything else stops the command before the database is opened. */
function instant(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value);
  const d = new Date(value);
  if (!ok || Number.isNaN(d.getTime())) throw new Error(`--${flag} must be an ISO date or date-time with a zone, e.g. 2026-07-01 or 2026-07-01T12:00:00Z`);
  return d;
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '–' : x.toFixed(4));

function figureLines(title: string, f: CalibrationFigures): string[] {
  if (f.n === 0) return [`    ${title}: no evaluations with an outcome`];
  const lines = [
    `    ${title}: n=${f.n}  predicted ${pct(f.predicted_mean)}  observed ${pct(f.observed_rate)}`,
    `      Brier ${num(f.brier)} = reliability ${num(f.reliability)} - resolution ${num(f.resolution)} + uncertainty ${num(f.uncertainty)}` +
      (f.within_bin_variance || f.within_bin_covariance ? ` + within-bin ${num(f.within_bin_variance)} - 2 x ${num(f.within_bin_covariance)}` : ''),
    `      skill ${num(f.brier_skill)}  ECE ${num(f.ece)}`,
    '      bin          count  predicted  observed',
  ];
  for (const b of f.bins.filter((b) => b.count > 0)) {
    lines.push(`      [${b.lower.toFixed(1)}, ${b.upper.toFixed(1)})  ${String(b.count).padStart(5)}  ${pct(b.predicted_mean).padStart(9)}  ${pct(b.observed_frequency).padStart(8)}`);
  }
  return lines;
}

function groupLines(g: VersionGroupReport): string[] {
  const e = g.escalations;
  const o = g.outcomes;
  return [
    `policy ${g.policy_version}  world model ${g.world_model_version}`,
    `  ${g.evaluations} evaluations ${g.first_at} .. ${g.last_at}${g.without_prediction ? ` (${g.without_prediction} without a prediction)` : ''}`,
    `  escalated ${e.escalated} (${pct(e.escalation_rate)}); supervisors overrode ${e.overridden} (${pct(e.override_rate)}), denied ${e.denied}, requested changes ${e.changes_requested}, timed out ${e.timed_out}`,
    `  outcomes: ${o.confirmed} confirmed, ${o.agent_reported} reported by the agent only; ${o.agent_superseded} agent reports superseded by a confirmation, ${o.agent_contradicted} of them contradicted`,
    '  confirmed (headline):',
    ...figureLines('incident', g.confirmed.incident),
    ...figureLines('adverse', g.confirmed.adverse),
    '  agent-reported only (not in the headline):',
    ...figureLines('incident', g.agent_reported.incident),
    ...figureLines('adverse', g.agent_reported.adverse),
  ];
}

/** The report as text: the same figures as the JSON, for a terminal. */
export function describeCalibration(r: CalibrationReport): string {
  const window = [r.window.since && `since ${r.window.since}`, r.window.until && `until ${r.window.until}`, r.window.policy_version && `policy ${r.window.policy_version}`].filter(Boolean).join(', ');
  const lines = [`Calibration of ${r.domain}${window ? ` (${window})` : ''}`, r.note, ''];
  if (r.groups.length === 0) lines.push('No evaluations in the window.');
  for (const g of r.groups) lines.push(...groupLines(g), '');
  if (r.groups_truncated) lines.push(`Only the ${r.groups.length} newest version groups are shown: narrow the window.`);
  return lines.join('\n').trimEnd();
}

export async function calibrationCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { domain: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, 'policy-version': { type: 'string' }, json: { type: 'boolean' } },
  });
  const config = loadConfig();
  const domain = values.domain?.trim();
  if (!domain) throw new Error(`--domain is required\nusage:\n${CALIBRATION_USAGE}`);
  if (!fs.existsSync(path.join(config.packsDir, 'policies', `${domain}.yaml`))) throw new Error(`unknown domain: ${domain} (no policies/${domain}.yaml under ${config.packsDir})`);
  const since = instant('since', values.since);
  const until = instant('until', values.until);
  if (since && until && since >= until) throw new Error('--since must be before --until');
  const db = await openDatabase({ url: config.database.url, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    await migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations')));
    const report = await calibrationReport(new PgCalibrationStore(db), { domain, since, until, policyVersion: values['policy-version'] });
    console.log(values.json ? JSON.stringify(report, null, 2) : describeCalibration(report));
  } finally {
    await db.close();
  }
}
