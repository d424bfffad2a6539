import { tokenize } from '../reading/text.js';
import type { FactWriter, Strength } from './fact-writer.js';
import type { TextView } from './text-view.js';

/**
 * Positions, roles and gear read against what the standard requires of them: where the trainer of an operator-in-training is
 * (1926.1427(f)), which D-ring a fall-arrest lanyard is clipped to (1926.502(d)(17)), where a truck's driver stands while
 * it is loaded (1926.651(e)), whether a sling still carries its identification (1926.251(a)(2)(i)). Each is read from a
 * field's value by its words, and from free text where the role or the gear is named in the same clause as its state.
 */

const wordsOf = (value: string): string[] => tokenize(value.toLowerCase().replaceAll('_', ' ')).filter((t) => t.kind === 'word').map((t) => t.text);
const NEGATORS = new Set(['not', 'no', 'never', 'without']);

/** "operator-in-training", "trainee", "apprentice operator": an operator not yet certified, allowed only under his trainer. */
export function namesTrainee(words: readonly string[], inOperatorField = false): boolean {
  const operatorNear = (i: number) => [words[i - 1], words[i + 1], words[i + 2]].some((w) => w === 'operator' || w === 'operators' || w === 'crane');
  // In free text a trainee or apprentice is an operator's only when the operator is named with him ("apprentice feeding the
  // pull box" is no crane operator); a field about the operator needs no such word.
  return words.some((w, i) => ((w === 'trainee' || w === 'apprentice') && (inOperatorField || operatorNear(i))) || (w === 'in' && words[i + 1] === 'training' && (words[i - 1] === 'operator' || words[i - 1] === 'operators')));
}

/** A field saying what the operator is: a trainee (true), certified or qualified (false), or neither. */
export function traineeOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.length > 120) return undefined;
  const words = wordsOf(value);
  if (namesTrainee(words, true)) return true;
  if (words.some((w, i) => (w === 'certified' || w === 'qualified') && !NEGATORS.has(words[i - 1] ?? ''))) return false;
  return undefined;
}

/** Where a person stands, in words: away from the work (off site, on the phone, at a meeting) or with it (in the cab, beside). */
const AWAY = new Set(['offsite', 'away', 'absent', 'left', 'gone', 'elsewhere', 'phone', 'meeting', 'office', 'lunch', 'break', 'unavailable', 'remote', 'remotely']);
const WITH = new Set(['cab', 'beside', 'alongside', 'watching', 'monitoring', 'observing', 'sight', 'seat', 'next']);

/** Whether a role's location value puts him at the work, continuously monitoring (true), away from it (false), or neither. */
export function presentAtWork(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.length > 120) return undefined;
  const words = wordsOf(value);
  const away = words.some((w, i) => AWAY.has(w) || (w === 'off' && (words[i + 1] === 'site' || words[i + 1] === 'shift')) || (w === 'not' && (words[i + 1] === 'present' || words[i + 1] === 'on')) || (w === 'across' && words[i + 1] === 'town'));
  if (away) return false;
  if (words.some((w) => WITH.has(w)) || (words.includes('line') && words.includes('sight'))) return true;
  return undefined;
}

/** Harness D-rings that are for positioning or restraint, never for arresting a fall (1926.502(d)(17): back or overhead). */
const SIDE_RING = new Set(['hip', 'side', 'waist', 'belt', 'lateral']);
const ARREST_RING = new Set(['back', 'dorsal', 'rear', 'sternal', 'chest', 'front', 'overhead']);

/** Whether a harness attachment value names a side D-ring (true), the back, chest or overhead (false), or neither. */
export function sideRingOf(value: unknown): boolean | undefined {
  if (typeof value !== 'string' || value.length > 120) return undefined;
  const words = wordsOf(value);
  if (words.some((w) => SIDE_RING.has(w))) return true;
  if (words.some((w) => ARREST_RING.has(w)) || (words.includes('between') && words.includes('shoulder'))) return false;
  return undefined;
}

/** Where a truck driver stands while the truck is loaded: beside or out of the truck (true), in the cab or well clear (false). */
const BESIDE = new Set(['beside', 'alongside', 'standing', 'stand', 'stands', 'outside', 'bumper', 'foot', 'next', 'near', 'by', 'out']);
const CLEAR = new Set(['clear', 'away']);
export function besideTruckOf(value: unknown): boolean | undefined {
  if (typeof value !== 'string' || value.length > 120) return undefined;
  const words = wordsOf(value);
  // "in the cab" is where 1926.651(e) lets him stay; "clear of the truck", "away from it" is out of reach of the spill.
  if (words.includes('cab') && !words.some((w) => w === 'out' || w === 'outside' || NEGATORS.has(w))) return false;
  if (words.some((w) => CLEAR.has(w))) return false;
  if (words.some((w) => BESIDE.has(w))) return true;
  return undefined;
}

/** Words of a rigging item's identification, and of its loss (ASME B30.9, B30.26: missing or illegible tag, out of service). */
const ID_WORDS = new Set(['tag', 'tags', 'id', 'identification', 'label', 'labels', 'marking', 'markings', 'marked']);
/** Before the identification ("no tag", "missing ID", "illegible markings") and after it ("tag torn off", "tag: none"). */
const LOST_BEFORE = new Set(['missing', 'torn', 'no', 'illegible', 'unreadable', 'without', 'lost', 'damaged']);
const LOST_AFTER = new Set(['missing', 'torn', 'none', 'illegible', 'unreadable', 'removed', 'gone', 'lost', 'absent', 'damaged']);
const UNMARKED = new Set(['untagged', 'unmarked', 'unlabeled', 'unlabelled', 'unidentified']);
const LOAD_VERBS = new Set(['load', 'loads', 'loading', 'loaded']);
const TRUCK_WORDS = new Set(['truck', 'trucks', 'axle', 'axles', 'triaxle', 'triaxles', 'dumper', 'dumpers', 'hauler', 'haulers', 'lorry', 'lorries', 'tipper', 'tippers', 'trailer', 'trailers']);
const RIGGING_WORDS = new Set(['sling', 'slings', 'choker', 'chokers', 'shackle', 'shackles', 'bridle', 'hook', 'rigging', 'chain', 'chains', 'roundsling', 'roundslings', 'strap', 'straps']);

/** Whether a run of words says a rigging item's identification is lost ("tag torn off", "no capacity markings", "untagged"). */
function idLost(words: readonly string[]): boolean {
  if (words.some((w) => UNMARKED.has(w))) return true;
  for (let i = 0; i < words.length; i++) {
    if (!ID_WORDS.has(words[i])) continue;
    // "tag line" is a rope to steer the load, not a sling's tag.
    if (words[i + 1] === 'line' || words[i + 1] === 'lines') continue;
    if ([words[i - 2], words[i - 1]].some((w) => w !== undefined && LOST_BEFORE.has(w))) return true;
    if ([words[i + 1], words[i + 2]].some((w) => w !== undefined && LOST_AFTER.has(w))) return true;
  }
  return false;
}

/** A rigging field's value: identification lost (false), carried (true: "tag legible", "ID tag 2 t vertical"), or not said. */
export function riggingIdentifiedOf(value: unknown): boolean | undefined {
  if (typeof value !== 'string' || value.length > 160) return undefined;
  const words = wordsOf(value);
  if (idLost(words)) return false;
  return undefined;
}

/**
 * Free text: a clause that names a role or gear with its state. The trainer away ("trainer left for a meeting across town"),
 * an operator-in-training, a side D-ring ("lanyard hooked to the left hip D-ring"), a rigging item's tag lost.
 */
export function readRolesAndGear(facts: FactWriter, views: readonly TextView[], strengthOf: (v: TextView) => Strength): void {
  for (const v of views) {
    const byClause = new Map<number, string[]>();
    for (const t of v.tokens) if (t.kind === 'word') (byClause.get(t.clause) ?? byClause.set(t.clause, []).get(t.clause)!).push(t.text);
    const strength = strengthOf(v);
    const allWords = [...byClause.values()].flat();
    const rigging = allWords.some((w) => RIGGING_WORDS.has(w));
    for (const words of byClause.values()) {
      if (namesTrainee(words)) facts.set('crane.operator_in_training', true, `${v.path}: an operator-in-training`, strength);
      if (words.includes('trainer') && presentAtWork(words.join(' ')) === false) facts.set('crane.trainer_monitoring', false, `${v.path}: the trainer is away`, strength);
      // "hip D-ring": the side ring named right before "D-ring" (tokenized "d", "ring") or "dring".
      for (let i = 0; i + 1 < words.length; i++) {
        const ring = words[i + 1] === 'dring' || (words[i + 1] === 'd' && words[i + 2] === 'ring');
        if (ring && SIDE_RING.has(words[i]) && !words.slice(Math.max(0, i - 3), i).some((w) => NEGATORS.has(w))) facts.set('fall.side_dring_arrest', true, `${v.path}: "${words[i]} D-ring"`, strength);
      }
      if (rigging && idLost(words)) facts.set('rigging.identified', false, `${v.path}: the rigging's identification is missing`, strength, false);
      // "loading tri-axles", "load the haul trucks": a truck being loaded by a machine (1926.651(e)).
      if (words.some((w) => LOAD_VERBS.has(w)) && words.some((w) => TRUCK_WORDS.has(w))) facts.set('vehicle.loading', true, `${v.path}: trucks being loaded`, strength);
      // "drivers hop out to stand by the front bumper", "driver stays in the cab".
      if (words.some((w) => w === 'driver' || w === 'drivers')) {
        const beside = besideTruckOf(words.join(' '));
        if (beside !== undefined) facts.set('vehicle.driver_beside_truck', beside, `${v.path}: where the driver stands`, strength, true);
      }
    }
  }
}

/** The face above a shield: "sloped 1.5:1", "benched" (true); "vertical", "not sloped", "unsloped" (false). */
export function slopedFaceOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value.length > 120) return undefined;
  const words = wordsOf(value);
  const sloped = words.findIndex((w) => w.startsWith('slop') || w.startsWith('bench') || w === 'laid');
  if (words.some((w) => w === 'vertical' || w === 'unsloped' || w === 'sheer' || w === 'straight')) return false;
  if (sloped >= 0) return !NEGATORS.has(words[sloped - 1] ?? '');
  return undefined;
}
