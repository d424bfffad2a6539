/**
 * autocannon in a process of its own, sending the calm crane lift with its wind, gusts and hours on
 * site drawn afresh for every request (each still calm): every request is a situation the service
 * has not seen, so nothing it remembers (predictions, similar cases) answers for it. Prints
 * autocannon's result as JSON, like the CLI's `-j`.
 * Usage: tsx bench/cannon-varied.ts URL TOKEN CONNECTIONS SECONDS ROLLOUTS HORIZON
 */
import autocannon from 'autocannon';
import { SCENARIOS } from '../test/support/scenarios.js';

const [url, token, connections, seconds, rollouts, horizon] = process.argv.slice(2);
const base = SCENARIOS.calmCraneLift.body;
const draw = (lo: number, hi: number) => Math.round((lo + Math.random() * (hi - lo)) * 1000) / 1000;

function body(): string {
  const wind = draw(2, 7);
  return JSON.stringify({
    ...base,
    state: {
      ...base.state,
      environmental_conditions: { ...base.state.environmental_conditions, wind_mph: wind, gust_mph: draw(wind + 1, wind + 4) },
      crew_status: { ...base.state.crew_status, hours_on_site: draw(0.5, 3) },
    },
    options: { rollouts: Number(rollouts), horizon: Number(horizon) },
  });
}

const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      setupRequest: (req) => ({ ...req, body: body() }),
    },
  ],
});
process.stdout.write(JSON.stringify(result));
