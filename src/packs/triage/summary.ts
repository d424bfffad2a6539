import { factAt, type Reading } from '../reading/reading.js';
import { who } from './features.js';

const VITALS: ReadonlyArray<[fact: string, label: string, unit: string]> = [
  ['vitals.heart_rate', 'HR', ''], ['vitals.systolic_bp', 'SBP', ''], ['vitals.spo2', 'SpO2', '%'], ['vitals.temperature_c', '', ' °C'], ['vitals.respiratory_rate', 'RR', ''], ['vitals.gcs', 'GCS', ''],
];

/** One line for case lists: "45-year-old woman with diabetes: Indigestion and jaw pain for 2 hours; no vitals; home_care". */
export function summarizeTriage(reading: Reading): string {
  const complaint = typeof reading.facts.complaint === 'string' ? reading.facts.complaint : 'no complaint given';
  const vitals = VITALS.flatMap(([fact, label, unit]) => {
    const v = factAt(reading.facts, fact);
    return typeof v === 'number' ? [`${label ? `${label} ` : ''}${v}${unit}`] : [];
  });
  return `${who(reading)}: ${complaint.length > 120 ? `${complaint.slice(0, 117)}...` : complaint}; ${vitals.length > 0 ? vitals.join(', ') : 'no vitals'}; ${reading.action.disposition ?? 'no disposition'}`;
}
