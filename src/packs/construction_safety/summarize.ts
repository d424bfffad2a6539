import type { Reading } from '../reading/reading.js';
import { factsOf } from './features.js';

const round = (x: number): string => String(Math.round(x * 10) / 10);

/** One line for case lists: the task, the proposed action, and the numbers that usually decide it. */
export function summarize(reading: Reading): string {
  const F = factsOf(reading);
  // The reading's text starts with the action's description, then the task (normalise.ts reads them in that order).
  const [description, task] = reading.text.split(' \n ');
  const parts = [task || 'task not described', description || 'action not described'];
  const gust = F.num('wind.gust_mph');
  const wind = F.num('wind.speed_mph');
  if (gust !== undefined && gust >= 15) parts.push(`gusts ${round(gust)} mph`);
  else if (wind !== undefined && wind >= 15) parts.push(`wind ${round(wind)} mph`);
  const index = F.num('heat.index_c');
  const temp = F.num('heat.temperature_c');
  if (index !== undefined && index >= 30) parts.push(`heat index ${round(index)} °C`);
  else if (temp !== undefined && temp >= 30) parts.push(`temperature ${round(temp)} °C`);
  const size = F.num('crew.size');
  const hours = F.num('crew.hours_on_site');
  if (size !== undefined || hours !== undefined) {
    parts.push([size !== undefined ? `crew of ${size}` : 'crew', hours !== undefined ? `${round(hours)} h on site` : ''].filter(Boolean).join(', '));
  }
  return parts.join('; ');
}
