import { tokenize } from '../reading/text.js';
import type { FactWriter } from './fact-writer.js';
import { splitFieldName } from './field-names.js';

/**
 * Failed items of a check on record. An inspection form, checklist or walkdown is a list of items, each of which holds or
 * not; its overall verdict is only as good as its items (a scaffold form marked "pass" with "mudsills: no"). An item whose
 * value says it failed (no, false, fail, missing, torn, expired, out of date, none) is read as that item failing, whatever
 * the form's verdict says. A check named on its own ("monitor_bump_test: fail", "calibration: expired") fails on the words
 * of a failed result only. Equipment or a check that is not in compliance is not used (29 CFR 1926.20(b)(3)).
 */

/** Words of a record's name that say it is a check: its fields are the items checked. */
const CHECK_RECORD = new Set(['inspection', 'checklist', 'check', 'form', 'audit', 'walkdown', 'precheck', 'prestart', 'preuse']);
/** Words of an item's name that say the item is itself a check or a test whose value is its result. */
const CHECK_ITEM = new Set(['test', 'check', 'inspection', 'calibration', 'calibrated', 'bump', 'inspected', 'exam', 'examination', 'tested']);
/** Items that are not checked items: who, when, notes. */
const NOT_ITEM = new Set(['by', 'inspector', 'name', 'date', 'time', 'note', 'remark', 'comment', 'id', 'signature', 'signed', 'number', 'type', 'location', 'due', 'next', 'last', 'frequency', 'interval', 'reason', 'action', 'corrective']);
/** Items that name a defect or a hazard: "yes" is the failure, "no" or "none" the pass. */
const DEFECT_ITEM = new Set(['defect', 'damage', 'damaged', 'crack', 'cracked', 'leak', 'leaking', 'corrosion', 'rust', 'deformation', 'deformed', 'missing', 'loose', 'settlement', 'settled', 'wear', 'worn', 'hazard', 'issue', 'problem', 'deficiency', 'finding', 'water', 'debris', 'obstruction', 'fault', 'alarm', 'violation', 'exception', 'sag', 'bent', 'broken', 'displacement', 'movement', 'tilt', 'lean', 'undermining', 'undermined', 'kink', 'cut', 'tear', 'fray', 'frayed', 'burn', 'sign', 'evidence', 'exposed', 'contamination', 'contaminated', 'out']);
/** A value opening with one of these says the item does not hold. */
const FAIL_FIRST = new Set(['no', 'n', 'false', 'none', 'not', 'fail', 'failed', 'failing', 'missing', 'absent']);
/** Words that on their own say a result failed or a thing is unfit, wherever they stand in the value. */
const FAILED_RESULT = new Set(['fail', 'failed', 'failing', 'expired', 'overdue', 'rejected', 'unsatisfactory', 'defective', 'torn', 'illegible', 'unreadable', 'deficient', 'condemned', 'unserviceable']);
/** After "not" or "no", these make the value no failure: "not required", "not applicable", "n/a". */
const NOT_NEEDED = new Set(['required', 'applicable', 'needed', 'necessary', 'used', 'present', 'in']);
const NEGATORS = new Set(['not', 'no', 'never']);

const MAX_ITEMS = 100;
/** The fields of a checklist row that name its item, and those that give its result. */
const ROW_ITEM_KEYS = new Set(['item', 'check', 'checkpoint', 'check_item', 'point', 'component', 'element']);
const ROW_RESULT_KEYS = new Set(['result', 'status', 'outcome', 'finding', 'condition', 'pass_fail', 'passfail']);
const MAX_VALUE = 100;

/** How a value reads: the item fails, holds, or the value says neither. */
function failing(value: unknown, defectItem: boolean, inCheckRecord: boolean): boolean | undefined {
  if (typeof value === 'boolean') return inCheckRecord ? value === defectItem : undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_VALUE) return undefined;
  const tokens = tokenize(value.toLowerCase().replaceAll('_', ' '));
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.text);
  if (words.length === 0) return undefined;
  // "2.4 x 2.4", "3 of 4": a value that opens with a number is a measurement or a count, not a verdict.
  const opensWithWord = tokens[0]?.kind === 'word';
  // "out of date" is an expiry.
  const outOfDate = words.some((w, i) => w === 'out' && words[i + 1] === 'of' && (words[i + 2] === 'date' || words[i + 2] === 'service' || words[i + 2] === 'calibration'));
  const failedWord = words.some((w, i) => FAILED_RESULT.has(w) && !NEGATORS.has(words[i - 1] ?? ''));
  if (failedWord || outOfDate) return true;
  if (!inCheckRecord) return undefined;
  if (!opensWithWord) return undefined;
  const [first, second] = words;
  if (first === 'na' || (first === 'n' && second === 'a')) return undefined;
  if (FAIL_FIRST.has(first) && !NOT_NEEDED.has(second ?? '')) return !defectItem;
  if (first === 'yes' || first === 'y' || first === 'true' || first === 'present' || first === 'found') return defectItem;
  return undefined;
}

/**
 * Reads a record's items as a check's items when the record is named as a check (an inspection form, a checklist), and a
 * check named as an item ("bump_test: fail") in any record. Each failed item is added to `inspection.failed_items`.
 */
export function readCheckItems(facts: FactWriter, record: Record<string, unknown>, path: string, rowsOnly = false): void {
  // Class: a checklist sent as rows ("items: [{item: 'service brakes', result: fail}]"): each row names its item in one field
  // and gives its result in another, so the row is that item of a check whatever the list is called.
  const itemKey = Object.keys(record).find((k) => ROW_ITEM_KEYS.has(k.toLowerCase()));
  const resultKey = Object.keys(record).find((k) => ROW_RESULT_KEYS.has(k.toLowerCase()));
  if (itemKey && resultKey && typeof record[itemKey] === 'string') {
    const item = String(record[itemKey]).slice(0, MAX_VALUE);
    const value = record[resultKey];
    const words = tokenize(item.toLowerCase()).filter((t) => t.kind === 'word').map((t) => t.text);
    if (words.length > 0 && failing(value, words.some((w) => DEFECT_ITEM.has(w)), true) === true) {
      facts.builder.get(`${path}.${resultKey}`);
      facts.add('inspection.failed_items', `${item}: ${String(value)}`, `${path}.${resultKey} = ${JSON.stringify(value)}`);
    }
    return;
  }
  if (rowsOnly) return;
  const name = path.slice(path.lastIndexOf('.') + 1);
  const recordWords = splitFieldName(name).words;
  const isCheck = recordWords.some((w) => CHECK_RECORD.has(w)) || (recordWords.includes('pre') && recordWords.some((w) => w === 'use' || w === 'start' || w === 'shift' || w === 'lift'));
  let seen = 0;
  for (const key of Object.keys(record)) {
    if (++seen > MAX_ITEMS) break;
    const value = record[key];
    if (value === null || typeof value === 'object') continue;
    const words = splitFieldName(key).words;
    if (words.length === 0 || words.some((w) => NOT_ITEM.has(w))) continue;
    const checkItem = words.some((w) => CHECK_ITEM.has(w));
    if (!isCheck && !checkItem) continue;
    const fails = failing(value, words.some((w) => DEFECT_ITEM.has(w)), isCheck);
    if (fails !== true) continue;
    facts.builder.get(`${path}.${key}`);
    facts.add('inspection.failed_items', `${words.join(' ')}: ${String(value)}`, `${path}.${key} = ${JSON.stringify(value)}`);
  }
}
