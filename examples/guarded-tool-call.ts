/**
 * An agent's tool call guarded by Foresight: evaluate; on approve run the tool; on escalate wait
 * for a supervisor's sign-off with the long poll, then run it or stand down with their reason.
 *
 *   FORESIGHT_URL=http://localhost:8080 FORESIGHT_KEY=fs_agent_… npx tsx examples/guarded-tool-call.ts [gusty|calm]
 *
 * FORESIGHT_WAIT_MS bounds the wait for a person (default 60 s). Nothing here can turn a failure
 * into an approval: the client answers escalate when Foresight cannot be reached or read.
 */
import { ForesightClient } from '../src/client/index.js';

/** The tool the agent wants to run: here it only says what it would do. */
async function startCraneLift(params: { load_t: number }): Promise<string> {
  return `crane lift started with ${params.load_t} t`;
}

const wind = process.argv[2] === 'gusty' ? { wind_mph: 23, gust_mph: 31 } : { wind_mph: 5, gust_mph: 8 };
const state = {
  site_id: 'SITE_2847',
  timestamp: '2026-07-15T14:30:00Z',
  task_description: 'Crane lift of roof truss',
  environmental_conditions: { temperature_c: 18, ...wind },
  crew_status: { size: 6, hours_on_site: 2 },
  equipment_in_use: ['mobile crane'],
  active_hazards: ['suspended_load'],
  compliance_status: { pre_task_briefing: 'completed' },
};
const action = { description: 'Proceed with crane lift', kind: 'crane_lift', parameters: { load_t: 4.2 } };

const client = new ForesightClient({ baseUrl: process.env.FORESIGHT_URL ?? 'http://localhost:8080', apiKey: process.env.FORESIGHT_KEY ?? '' });
let verdict = await client.evaluate({ domain: 'construction_safety', state, action, context: { agent_id: 'example-agent' } });
if (!verdict.proceed && verdict.effectiveDecision === 'pending' && verdict.evaluationId) {
  console.log(`escalated (${verdict.evaluationId}): waiting for a supervisor`);
  verdict = await client.waitForDecision(verdict.evaluationId, { maxWaitMs: Number(process.env.FORESIGHT_WAIT_MS ?? 60_000) });
}
if (verdict.proceed) {
  // An approval is bound to this exact action: check it before acting on a sign-off given later.
  const covered = await client.check(verdict.evaluationId, { state, action });
  if (!covered.covered) {
    console.log(`stood down: ${covered.reason}`);
  } else {
    console.log(`approved: ${await startCraneLift(action.parameters)}`);
  }
} else {
  console.log(`stood down (${verdict.effectiveDecision}): ${verdict.reason}`);
}
