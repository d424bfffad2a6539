/**
 * The names agents give the same measurement. A field name is a short, already-isolated token, so it is
 * folded (lower case, letters and digits only) and looked up; the request's text is never scanned here.
 */

export type VitalKind = 'heart_rate' | 'respiratory_rate' | 'spo2' | 'systolic_bp' | 'diastolic_bp' | 'blood_pressure' | 'temperature' | 'gcs' | 'glucose' | 'ketones' | 'potassium' | 'inr';

/** A unit the field name itself carries ("temp_f", "glucose_mmol"). */
export type UnitHint = 'degF' | 'degC' | 'mmoll' | 'mgdl';

export interface VitalField {
  kind: VitalKind;
  unit?: UnitHint;
}

const MAX_FIELD_NAME = 100;

/** "Heart_Rate (bpm)" → "heartratebpm". Bounded: a field name longer than 100 characters is no alias. */
export function foldFieldName(name: string): string {
  if (name.length > MAX_FIELD_NAME) return '';
  let out = '';
  for (const ch of name.toLowerCase()) if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
  return out;
}

const entries: [string[], VitalField][] = [
  [['heartrate', 'hr', 'pulse', 'pulserate', 'heartratebpm', 'hrbpm', 'pulsebpm', 'heartbeat', 'pr', 'heart'], { kind: 'heart_rate' }],
  [['respiratoryrate', 'rr', 'resprate', 'resp', 'resps', 'respirations', 'respiration', 'breathingrate', 'respiratoryratebpm', 'breathsperminute', 'rrbpm', 'breathsmin', 'breaths'], { kind: 'respiratory_rate' }],
  [['spo2', 'spo2pct', 'spo2percent', 'o2sat', 'o2sats', 'o2saturation', 'sats', 'sat', 'sao2', 'oxygensaturation', 'oxygen', 'pulseox', 'pulseoximetry', 'saturation', 'saturations', 'spo2ra'], { kind: 'spo2' }],
  [['systolic', 'systolicbp', 'sbp', 'bpsystolic', 'sys', 'systolicbloodpressure', 'bpsys'], { kind: 'systolic_bp' }],
  [['diastolic', 'diastolicbp', 'dbp', 'bpdiastolic', 'dia', 'diastolicbloodpressure', 'bpdia'], { kind: 'diastolic_bp' }],
  [['bp', 'bloodpressure', 'nibp', 'bpmmhg', 'bloodpressuremmhg'], { kind: 'blood_pressure' }],
  [['temperature', 'temp', 'bodytemperature', 'tympanictemp', 'tympanictemperature', 'oraltemp', 'rectaltemp', 'axillarytemp', 'measuredtemperature'], { kind: 'temperature' }],
  [['temperaturec', 'tempc', 'temperaturecelsius', 'tempcelsius', 'tempdegc', 'temperaturedegc'], { kind: 'temperature', unit: 'degC' }],
  [['temperaturef', 'tempf', 'temperaturefahrenheit', 'tempfahrenheit', 'tempdegf', 'temperaturedegf'], { kind: 'temperature', unit: 'degF' }],
  [['gcs', 'glasgowcomascale', 'glasgow', 'gcsscore', 'glasgowcomascore'], { kind: 'gcs' }],
  [['glucose', 'bloodglucose', 'bg', 'bm', 'bloodsugar', 'sugar', 'cbg', 'capillaryglucose', 'glucoselevel'], { kind: 'glucose' }],
  [['glucosemgdl', 'bloodglucosemgdl', 'bgmgdl', 'sugarmgdl'], { kind: 'glucose', unit: 'mgdl' }],
  [['glucosemmol', 'glucosemmoll', 'bloodglucosemmol', 'bloodglucosemmoll', 'bgmmol', 'bmmmol', 'sugarmmol'], { kind: 'glucose', unit: 'mmoll' }],
  [['ketones', 'ketone', 'bloodketones', 'ketonesmmol', 'ketonesmmoll', 'bloodketone'], { kind: 'ketones' }],
  [['potassium', 'k', 'kplus', 'serumpotassium', 'plasmapotassium', 'potassiumlevel', 'potassiummmol', 'potassiummmoll', 'serumk'], { kind: 'potassium' }],
  [['inr', 'inrresult', 'inrlevel', 'inrreading', 'internationalnormalisedratio', 'internationalnormalizedratio', 'ptinr'], { kind: 'inr' }],
];

const VITAL_FIELDS = new Map<string, VitalField>(entries.flatMap(([names, field]) => names.map((n) => [n, field] as const)));

/** Unit suffixes a field name may carry after its measurement ("blood_ketones_mmol_l", "pulse_bpm"), with the unit they say. */
const UNIT_SUFFIXES: readonly [suffix: string, unit: UnitHint | undefined][] = [
  ['mmoll', 'mmoll'], ['mmol', 'mmoll'], ['mgdl', 'mgdl'], ['bpm', undefined], ['mmhg', undefined], ['percent', undefined], ['pct', undefined], ['perminute', undefined], ['permin', undefined],
];

export function vitalField(name: string): VitalField | undefined {
  const found = vitalFieldFolded(foldFieldName(name));
  if (found) return found;
  // "resp_rate_counted_by_parent", "spo2_home_oximeter", "temp_c_first_aid_tent": a measurement named with who or how
  // it was taken after it. Only words after the first say how; "usual_spo2" or "baseline_SpO2" is no reading of now.
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  const kept = [parts[0], ...parts.slice(1).filter((p) => !MEASURED_HOW.has(p.toLowerCase()))];
  return kept.length < parts.length ? vitalFieldFolded(foldFieldName(kept.join(''))) : undefined;
}

/** Words that say who measured a vital sign, where or with what ("counted by parent", "home oximeter", "ear", "finger"). */
const MEASURED_HOW = new Set(['counted', 'count', 'by', 'parent', 'parents', 'mum', 'mom', 'dad', 'carer', 'caller', 'self', 'home', 'oximeter', 'finger', 'ear', 'oral', 'tymp', 'tympanic', 'rectal', 'axillary', 'axil', 'ax', 'temporal', 'skin', 'core', 'infrared', 'ir', 'forehead', 'underarm', 'axilla', 'measured', 'reading', 'now', 'latest', 'current', 'first', 'aid', 'tent', 'machine', 'monitor', 'device', 'app', 'watch', 'manual', 'pharmacy', 'paramedic', 'probe', 'at', 'on', 'the']);

function vitalFieldFolded(folded: string): VitalField | undefined {
  const direct = VITAL_FIELDS.get(folded);
  if (direct) return direct;
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    if (!folded.endsWith(suffix) || folded.length === suffix.length) continue;
    const field = VITAL_FIELDS.get(folded.slice(0, -suffix.length));
    if (field) return unit !== undefined && field.unit === undefined && (field.kind === 'glucose' || field.kind === 'ketones') ? { ...field, unit } : field;
  }
  return undefined;
}

/** Objects that hold measurements, besides the schema's `vital_signs`. */
export const VITAL_CONTAINERS = ['vital_signs', 'vitals', 'observations', 'obs', 'measurements', 'vital_sign', 'vitalsigns'] as const;

/** Free-text fields an agent may put the caller's account in (read second, after the structured ones). */
export const TEXT_FIELDS = [
  'chief_complaint', 'complaint', 'presenting_complaint', 'reason_for_call', 'reason', 'symptom_summary', 'summary', 'history',
  'hpi', 'history_of_present_illness', 'notes', 'nurse_notes', 'call_notes', 'clinical_notes', 'triage_notes', 'observations',
  'recent_observations', 'description', 'task', 'assessment', 'caller_statement', 'context', 'situation', 'details', 'symptoms', 'findings',
  'symptom_details',
] as const;

/** Objects of symptom details (key: value pairs such as `radiation: left arm`), and of a screening tool's answers (C-SSRS, PHQ-9: each item is a question its answer says yes or no to). */
export const DETAIL_FIELDS = ['symptom_details', 'symptoms', 'findings', 'presentation', 'assessment', 'details', 'history', 'screener', 'screening', 'screen', 'questionnaire', 'risk_assessment', 'risk_screen', 'screening_tool'] as const;

export const CONVERSATION_FIELDS = ['conversation_history', 'conversation', 'messages', 'transcript', 'dialogue', 'turns', 'chat'] as const;

export const RED_FLAG_FIELDS = ['red_flags_identified', 'red_flags', 'flags', 'warning_signs', 'red_flag'] as const;

export const DEMOGRAPHIC_FIELDS = ['caller_demographics', 'patient', 'demographics', 'patient_demographics', 'patient_info', 'caller'] as const;

/** Keys of a details object whose contents are pertinent negatives. */
const NEGATIVE_KEYS = new Set(['absent', 'denies', 'denied', 'negatives', 'negative', 'pertinentnegatives', 'notpresent', 'ruledout', 'none', 'no', 'without', 'deniedsymptoms', 'absentsymptoms', 'negativesymptoms']);

export function isNegativeKey(name: string): boolean {
  return NEGATIVE_KEYS.has(foldFieldName(name));
}

/** Values that answer their key with a no (`fever: "no"`), or a yes. */
const NO_VALUES = new Set(['saysno', 'hesaysno', 'shesaysno', 'reportsno', 'reportedlyno', 'no', 'none', 'nil', 'denied', 'denies', 'absent', 'negative', 'notpresent', 'false', 'n', 'nope', 'never', 'noneknown', 'na', 'normal', 'notsure',
  // A no said with how it was found out ("none noticed", "not seen"): the answer is still no.
  'nonenoticed', 'noneseen', 'nonereported', 'noneobserved', 'nonefound', 'notnoticed', 'notseen', 'notobserved', 'noneatall', 'nonesofar', 'nonetoday']);
const YES_VALUES = new Set(['yes', 'true', 'y', 'present', 'positive', 'confirmed', 'yesconfirmed']);

/** "no" / "yes" / undefined for a value that answers something else. "normal" and "not sure" affirm nothing. */
export function yesNo(value: string): 'yes' | 'no' | undefined {
  if (value.length > 40) return undefined;
  const folded = foldFieldName(value);
  if (folded === 'normal' || folded === 'notsure' || folded === 'na') return undefined;
  if (NO_VALUES.has(folded)) return 'no';
  if (YES_VALUES.has(folded)) return 'yes';
  return undefined;
}

/** Conversation roles whose words are the agent's own (questions, advice, hypotheticals), not the caller's account. */
const AGENT_ROLES = new Set(['assistant', 'agent', 'system', 'bot', 'ai', 'model', 'tool', 'function', 'developer', 'triageagent', 'aiagent', 'triagebot', 'chatbot', 'virtualassistant', 'calltaker', 'callhandler', 'dispatcher', 'operator', 'advisor', 'triage', 'triageassistant', 'nurseline', 'nurselineagent']);

export function isAgentRole(role: unknown): boolean {
  return typeof role === 'string' && AGENT_ROLES.has(foldFieldName(role));
}

/** Units of time carried by a numeric details key ("duration_minutes", "onset_hours", "time_since_days"). */
export function timeUnitOfKey(name: string): 'minute' | 'hour' | 'day' | 'week' | undefined {
  const k = foldFieldName(name);
  if (!/^(duration|onset|timesince|since|time|hoursago|minutesago|daysago|durationof|lasted)/.test(k) && !/(ago|duration)$/.test(k) && !/^(onset|duration)/.test(k)) return undefined;
  if (k.includes('minute') || k.endsWith('mins') || k.endsWith('min')) return 'minute';
  if (k.includes('hour') || k.endsWith('hrs') || k.endsWith('hr') || k.endsWith('h')) return 'hour';
  if (k.includes('week') || k.endsWith('wks')) return 'week';
  if (k.includes('day')) return 'day';
  return undefined;
}
