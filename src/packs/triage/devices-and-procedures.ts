import type { ReadingBuilder } from '../reading/reading.js';
import type { Findings } from './findings.js';

/**
 * Presentations of a device or an operation whose parts the words say apart, read once every field is read: a gastrostomy
 * tube that has come out and is not back in, and a swelling that keeps growing after an operation. Each needs every part
 * read; nothing here clears a finding the caller gave.
 */

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/**
 * A feeding tube said to have come out, where the call names a gastrostomy (in the conditions or the words) and no
 * nasogastric tube, is a dislodged gastrostomy: some tube must be back in the tract within about 4 hours or it closes and
 * needs an operation (RCH Melbourne Gastrostomy: acute replacement of displaced tubes; Kent Community Health NHS, What to
 * do if your gastrostomy feeding tube comes out: a new tube as soon as possible, in hospital unless a trained carer can).
 * A replacement told by the caller ("put the spare in", "replaced 08:00") settles it: the fact says so instead.
 */
function dislodgedGastrostomy(b: ReadingBuilder, f: Findings): void {
  const out = f.flags.get('exposure.feeding_tube_out');
  const gastrostomy = f.conditions.get('gastrostomy');
  if (!out || !gastrostomy || f.conditions.has('nasogastric')) return;
  const replaced = f.flags.get('course.tube_replaced');
  if (replaced) {
    b.set('course.gastrostomy_replaced', true, `${out}; ${replaced}`);
    return;
  }
  f.affirm('gastrostomy_tube_out', `${out}; ${gastrostomy}`);
}

/**
 * After an operation or procedure, a swelling told as still growing, and tense or very painful (a pain scored 7 or more,
 * or severe words), is a possible expanding haematoma: NHS Vasectomy complications (ask for an urgent GP appointment or
 * 111 if the pain and swelling suddenly get worse, or a lump in the scrotum keeps getting bigger) and the general advice
 * after surgery (a wound swelling that grows needs the surgical team the same day). A growth denied ("not bigger than
 * yesterday") is never read as growth.
 */
function expandingSwellingAfterProcedure(b: ReadingBuilder, f: Findings): void {
  const procedure = f.flags.get('exposure.recent_procedure');
  const growing = f.flags.get('course.swelling_growing');
  if (!procedure || !growing) return;
  const tense = f.flags.get('exposure.tense_swelling');
  const pain = num(b.facts.pain_score);
  const severe = f.affirmed.get('severe') ?? (pain !== undefined && pain >= 7 ? b.provenance.pain_score : undefined);
  const marker = tense ?? severe;
  if (!marker) return;
  f.affirm('post_procedure_expanding_swelling', `${procedure}; ${growing}; ${marker}`);
}

export function settleDevicesAndProcedures(b: ReadingBuilder, f: Findings): void {
  dislodgedGastrostomy(b, f);
  expandingSwellingAfterProcedure(b, f);
}
