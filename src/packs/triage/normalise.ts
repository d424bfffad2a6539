import type { Catalogue } from '../reading/catalogue.js';
import { ReadingBuilder, type Reading, type ReadText } from '../reading/reading.js';
import type { ActionInput } from '../types.js';
import { classifyAction, type ActionTexts } from './classify-action.js';
import {
  CONVERSATION_FIELDS, DEMOGRAPHIC_FIELDS, DETAIL_FIELDS, RED_FLAG_FIELDS, TEXT_FIELDS, VITAL_CONTAINERS,
  foldFieldName, isAgentRole, isNegativeKey, timeUnitOfKey, vitalField, yesNo,
} from './field-aliases.js';
import { Findings } from './findings.js';
import { osgoodSchlatterLump, settleNamedPresentations } from './named-presentations.js';
import { settleDevicesAndProcedures } from './devices-and-procedures.js';
import { readBloodLead, readParacetamolDosing } from './doses-and-results.js';
import { readBodyWeight } from './body-weight.js';
import { readAltitude } from './altitude.js';
import { readAge, readObservation, readPregnancyFields, readSex, readVitalField, readVitalsObject, rec } from './read-structured.js';
import { CHEST_BURNING, LUMP, negationWithPhrases, readTokens, type TextMode, type TextRead } from './read-text.js';
import { toHours } from '../reading/units.js';
import { tokenize } from '../reading/text.js';

/**
 * The triage normaliser: the one reading of a request. Structured fields first (demographics, vital
 * signs under any of their names, symptom details), free text second (complaint, notes, the caller's
 * side of the conversation, the agent's red flags, the action's own words), so `set` keeps the more
 * explicit source. A fact the request does not give stays absent.
 */

type Rec = Record<string, unknown>;
const MAX_DEPTH = 4;
const MAX_ITEMS = 200;

const CONDITION_FIELDS = ['conditions', 'medical_history', 'past_medical_history', 'pmh', 'history', 'comorbidities', 'diagnoses', 'problems', 'allergies', 'medications', 'meds', 'current_medications', 'drugs', 'medication'];
const MEDICATION_FIELDS = new Set(['medications', 'meds', 'current_medications', 'drugs', 'medication']);
/** Condition words that count towards the number of cardiac risk factors. */
const RISK_FACTORS = ['hypertension', 'lipids', 'smoker', 'family_history', 'kidney'];
/** What keeps a stomach upset on a new medicine a complaint of its own, not the medicine's expected side effect. */
const SIDE_EFFECT_BLOCKERS = ['vomiting', 'vomiting_blood', 'bloody_stool', 'black_stool', 'uncontrolled_bleeding', 'severe', 'severe_abdominal_pain', 'fever', 'rigors', 'dehydration', 'reduced_urine',
  'one_sided_pain', 'drowsy', 'confusion', 'unconscious', 'dyspnea', 'severe_breathing', 'fainted', 'jaundice', 'chest_pain', 'non_blanching_rash', 'hives', 'throat_swelling', 'facial_swelling'];
/** What keeps the chest pain of known angina: rest pain, ACS companions, spreading, severity, a faint, or a named cardiac event. */
const STABLE_ANGINA_BLOCKERS = ['at_rest', 'sudden_onset', 'severe', 'tearing_pain', 'cardiac_named', 'cardiac_radiation', 'jaw_pain', 'arm_pain', 'upper_back_pain', 'sweating', 'nausea', 'vomiting',
  'dyspnea', 'severe_breathing', 'fainted', 'loss_of_consciousness', 'confusion'];
/** Findings that make a burning chest cardiac rather than heartburn (NICE CG95; AHA/ACC 2021 chest pain guideline). */
const CARDIAC_FEATURES = ['exertional', 'cardiac_radiation', 'sweating', 'dyspnea', 'nausea', 'vomiting', 'cardiac_named', 'jaw_pain', 'arm_pain', 'at_rest'];
/** Signs of an allergic reaction (Resuscitation Council UK 2021: airway, breathing, circulation, skin and gut changes). */
const REACTION_SIGNS = ['throat_swelling', 'hoarse_voice', 'dyspnea', 'severe_breathing', 'stridor', 'unconscious', 'fainted', 'hives', 'facial_swelling', 'vomiting', 'anaphylaxis_named'];
/** The bare sting words of the allergen vocabulary: they name no insect (a bee or wasp sting is an allergen exposure). */
/** Signs that a swallowed product is doing harm beyond the nausea or light spotting a low-toxicity one can bring. */
const LOW_TOX_BLOCKERS = ['drowsy', 'confusion', 'unconscious', 'seizure', 'severe_breathing', 'dyspnea', 'stridor', 'cannot_swallow', 'vomiting_blood', 'chest_pain', 'self_harm', 'suicidal', 'throat_swelling', 'fainted'];
/** Signs that a swallowed household product has burned the mouth, gullet or airway (poison centres' advice: seek care). */
const CAUSTIC_INJURY_SIGNS = ['vomiting', 'swelling_to_eye_or_neck', 'throat_swelling', 'severe_abdominal_pain', 'abdominal_pain', 'sore_throat'];
const STING_WORDS = ['stung', 'stung by', 'got stung', 'been stung', 'was stung'];
/** The words of the vision-loss vocabulary that name double vision (diplopia), not a loss of sight. */
const DIPLOPIA_QUOTES = ['double vision', 'seeing double', 'sees double', 'see double', 'two of everything', 'two of things'];
const NONE_ITEMS = new Set(['none', 'nil', 'na', 'no', 'n', 'nothing', 'nonenoted', 'noneidentified', 'unknown', 'nkda', 'nka']);

class TriageReader {
  readonly b: ReadingBuilder;
  readonly findings = new Findings();
  readonly actionTexts: ActionTexts['texts'] = [];
  private medicationsGiven = false;
  private conditionsGiven = false;
  private flagsRaised = 0;

  constructor(
    private readonly state: Rec,
    private readonly action: ActionInput,
    private readonly catalogue: Catalogue,
  ) {
    this.b = new ReadingBuilder({ state, action: action as unknown as Rec });
  }

  text(path: string, value: string, mode: TextMode, negate = false): TextRead | undefined {
    const counted = mode === 'account' || mode === 'flags' || mode === 'action';
    const read = this.b.text(path, value, counted ? this.catalogue.vocabulary : undefined);
    if (!read) return undefined;
    return this.tokens(read, mode, negate);
  }

  private tokens(read: ReadText, mode: TextMode, negate: boolean): TextRead {
    return readTokens(read, { b: this.b, lexicon: this.catalogue.vocabulary, findings: this.findings, mode, negate });
  }

  read(): Reading {
    this.readDemographics();
    this.readVitals();
    for (const field of DETAIL_FIELDS) {
      const obj = rec(this.state[field]);
      if (obj) this.readDetails(`state.${field}`, obj, false, 0);
    }
    for (const field of TEXT_FIELDS) this.readTextField(`state.${field}`, this.state[field], 'account');
    const complaint = this.state.chief_complaint ?? this.state.complaint ?? this.state.presenting_complaint;
    if (typeof complaint === 'string') this.b.set('complaint', complaint.length > 200 ? `${complaint.slice(0, 197)}...` : complaint, 'state.chief_complaint');
    for (const field of CONVERSATION_FIELDS) this.readConversation(`state.${field}`, this.state[field]);
    for (const field of RED_FLAG_FIELDS) this.readRedFlags(`state.${field}`, this.state[field]);
    this.readTextField('state.questions_asked', this.state.questions_asked, 'questions');
    this.readActionTexts();
    // Numbers that are no vital sign: a paracetamol schedule against the NHS maximum, a blood lead level (doses-and-results.ts).
    readParacetamolDosing(this.b, this.state, this.action as unknown as Rec);
    readBloodLead(this.b, this.state);
    readBodyWeight(this.b, this.state);
    // The altitude the patient is at, and whether a low saturation is the one expected there (altitude.ts).
    readAltitude(this.b, this.state);
    this.settleFacts();
    const inParameters = this.b.get('action.parameters.disposition');
    const beside = this.b.get('action.disposition');
    const action = classifyAction({
      texts: this.actionTexts,
      kind: typeof this.action.kind === 'string' ? this.action.kind : undefined,
      disposition: inParameters ?? beside,
      ...(inParameters !== undefined && beside !== undefined && inParameters !== beside ? { conflicting: beside } : {}),
    });
    return this.b.build(action);
  }

  // ------------------------------------------------------------------------ structured fields

  private readDemographics(): void {
    const containers: [string, Rec][] = [];
    for (const field of DEMOGRAPHIC_FIELDS) {
      const obj = rec(this.state[field]);
      if (obj) containers.push([`state.${field}`, obj]);
      else if (this.state[field] === null) this.b.consume(`state.${field}`);
    }
    containers.push(['state', this.state]);
    for (const [path, obj] of containers) {
      readAge(this.b, path, obj);
      readSex(this.b, path, obj);
      readPregnancyFields(this.b, path, obj);
      for (const field of CONDITION_FIELDS) {
        if (!Object.hasOwn(obj, field) || (path === 'state' && field === 'history')) continue;
        const value = this.b.get(`${path}.${field}`);
        if (MEDICATION_FIELDS.has(field) && (Array.isArray(value) || typeof value === 'string')) this.medicationsGiven = true;
        if (!MEDICATION_FIELDS.has(field) && (Array.isArray(value) || typeof value === 'string')) this.conditionsGiven = true;
        this.readTextField(`${path}.${field}`, value, 'conditions');
      }
    }
  }

  private readVitals(): void {
    for (const field of VITAL_CONTAINERS) {
      const path = `state.${field}`;
      const value = this.state[field];
      if (value === null) this.b.consume(path);
      const obj = rec(value);
      if (obj) readVitalsObject(this.b, path, obj);
      else if (typeof value === 'string') this.text(path, value, 'account');
      else if (Array.isArray(value)) this.readObservations(path, value);
    }
    // Measurements sent at the top level of the state ("heart_rate": 120).
    for (const key of Object.keys(this.state)) {
      const v = this.state[key];
      if ((typeof v === 'number' || (typeof v === 'string' && v.length <= 40)) && vitalField(key)) readVitalField(this.b, `state.${key}`, key);
    }
  }

  /**
   * A list of observations ([{code: "SpO2", value: 85, unit: "%"}, "HR 118"]): each object read by its name with its
   * unit (its note as the caller's account), each short text as the account; an element it cannot read stays ignored.
   */
  private readObservations(path: string, list: unknown[]): void {
    list.slice(0, MAX_ITEMS).forEach((item, i) => {
      const obs = rec(item);
      if (obs) {
        for (const note of readObservation(this.b, `${path}.${i}`, obs).notes) this.text(note.path, note.text, 'account');
      } else if (typeof item === 'string') this.text(`${path}.${i}`, item, 'account');
    });
  }

  private readDetails(path: string, obj: Rec, negate: boolean, depth: number): void {
    readPregnancyFields(this.b, path, obj);
    let n = 0;
    for (const key of Object.keys(obj)) {
      if (++n > MAX_ITEMS) break;
      const full = `${path}.${key}`;
      const value = obj[key];
      const words = keyWords(key);
      const negative = negate || isNegativeKey(key);
      if (value === null || value === undefined) {
        this.b.consume(full);
        continue;
      }
      if (!negative && (typeof value === 'number' || typeof value === 'string') && vitalField(key) && readVitalField(this.b, full, key)) continue;
      if (typeof value === 'number') {
        this.b.get(full);
        this.readDetailNumber(full, key, words, value, negative);
      } else if (typeof value === 'boolean') {
        this.b.get(full);
        const unable = !value && !negative ? inability(words) : undefined;
        if (unable !== undefined) this.text(full, unable, 'account');
        else this.text(full, words, 'account', negative || !value);
      } else if (typeof value === 'string') {
        const answer = yesNo(value);
        if (isNegativeKey(key)) this.text(full, value, 'account', true);
        else if (answer) this.text(full, words, 'account', negative || answer === 'no');
        // "frequency: first in months", "pattern: …": a key that names an attribute of the complaint labels its value
        // and says nothing itself (answered yes or no, above, it is a question and is read).
        else if (ATTRIBUTE_KEYS.has(foldFieldName(key)) || this.qualifiedAttributeKey(words)) {
          // "duration: 5 weeks", "onset: 2 days, constant": a field that says how long, answered with a length of time first.
          const hours = !negative && DURATION_KEYS.has(foldFieldName(key)) ? leadingDurationHours(value) : undefined;
          if (hours !== undefined) this.b.set('onset_hours', hours, `${full} = ${JSON.stringify(value.slice(0, 60))}`);
          this.text(full, value, 'account', negative);
        }
        // "drowsiness: normal", "confusion: as usual": the answer says the finding the key names is not there.
        else if (NORMAL_ANSWERS.has(foldFieldName(value))) this.text(full, words, 'account', true);
        // "passing_wind: not since yesterday", "wet nappies: not for 8 hours": the answer negates the key's own words for a time.
        // "drowsiness: tired but normal", "eye_redness: white of the eye is fine": an answer whose first clause ends on a
        // word of normality denies the finding the key names; the answer is still read on its own (what it names counts).
        else if (this.keyNamesFinding(words) && reassuringAnswer(value)) {
          this.text(full, words, 'account', true);
          this.text(full, value, 'account', negative);
        }
        // "fever: 39 C for 3 days, gone since yesterday": the answer says the finding the key names has passed.
        else if (this.keyNamesFinding(words) && goneAnswer(value)) {
          this.text(full, `${words} ${value}`, 'account', negative);
          if (!negative) for (const name of this.keySymptoms(words)) this.findings.resolved.set(name, `${full} = ${JSON.stringify(value.slice(0, 60))}`);
        }
        else if (notForATime(value)) this.text(full, `not ${words} ${value.trimStart().slice(4)}`, 'account', negative);
        else if (opensWithNo(value)) {
          // "breathless: no, back at the gym", "fever: none for 2 weeks": the answer is no, and the rest is read on its own.
          this.text(full, words, 'account', true);
          this.text(full, value, 'account', negative);
        }
        // "noisy_breathing_when_calm: no - only when crying", "breathless: no, only on the stairs": a no qualified by "only"
        // or "just" is a yes under that condition. The key's words are read with the qualifier right after them, as the
        // caller would say it ("noisy breathing only when crying"), so the condition stays attached to the finding; the
        // no itself denies nothing.
        else if (qualifiedNo(value) !== undefined) this.text(full, `${words} ${qualifiedNo(value)}`, 'account', negative);
        // "mood_self_harm: down sometimes, no self-harm talk": the answer denies the finding the key names in its own
        // words, so it is read alone; the key's words in front of it would affirm what the answer denies.
        else if (this.deniesKey(words, value)) this.text(full, value, 'account', negative);
        else this.text(full, `${words} ${value}`, 'account', negative);
      } else if (Array.isArray(value)) {
        value.slice(0, MAX_ITEMS).forEach((item, i) => {
          if (typeof item === 'string') this.text(`${full}.${i}`, isNegativeKey(key) ? item : `${words} ${item}`, 'account', negative);
          else if (rec(item) && this.readChecklistRow(`${full}.${i}`, rec(item)!, negative)) return;
          else if (rec(item) && depth < MAX_DEPTH) this.readDetails(`${full}.${i}`, rec(item)!, negative, depth + 1);
        });
        this.b.consume(full);
      } else if (rec(value) && depth < MAX_DEPTH) {
        this.readDetails(full, rec(value)!, negative, depth + 1);
      }
    }
  }

  /**
   * A checklist row (`{item: "new dysuria", result: false}`, `{question: "rigors?", answer: "no"}`, `{criterion: …, met: true}`):
   * the class of a list of criteria each answered yes or no, as a care-home or screening checklist sends them. The row's
   * label is read as the finding and its answer says whether it is there, so a criterion answered no denies what it names
   * (as the key of `dysuria: false` does). A row answered no is a criterion not met: the numbers in its label are its
   * threshold ("temp > 37.9 C"), not a measurement, so they are not read. A yes affirms the label with its numbers; any
   * other answer ("unknown", a sentence) is read after the label, as the caller would say it. Not a row: read as before.
   */
  private readChecklistRow(path: string, row: Rec, negative: boolean): boolean {
    const keys = Object.keys(row);
    const labelKey = keys.find((k) => ROW_LABEL_KEYS.has(foldFieldName(k)) && typeof row[k] === 'string');
    const answerKey = keys.find((k) => ROW_ANSWER_KEYS.has(foldFieldName(k)) && (typeof row[k] === 'boolean' || typeof row[k] === 'string'));
    if (labelKey === undefined || answerKey === undefined || keys.length > 4) return false;
    const label = row[labelKey] as string;
    const raw = row[answerKey];
    const answer = typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : yesNo(raw as string);
    this.b.get(`${path}.${labelKey}`);
    this.b.get(`${path}.${answerKey}`);
    if (answer === 'no') this.text(`${path}.${labelKey}`, label.replace(/[<>≥≤=]+\s*/g, ' ').replace(/\d+(?:\.\d+)?\s*(?:°\s*)?(?:[CF]\b|%|mmhg\b|bpm\b|h\b|hours?\b)?/gi, ' '), 'account', true);
    else if (answer === 'yes') this.text(`${path}.${labelKey}`, label, 'account', negative);
    else this.text(`${path}.${labelKey}`, `${label} ${raw as string}`, 'account', negative);
    return true;
  }

  /** The symptoms a key's words name ("drowsiness" → drowsy). */
  private keySymptoms(keyWords: string): string[] {
    return this.catalogue.vocabulary.match(tokenize(keyWords), []).filter((m) => m.concept.startsWith('symptom.')).map((m) => m.concept.slice('symptom.'.length));
  }

  /**
   * "recent_frequency: first hypo in 3 weeks", "episode_pattern: …": a key whose last word names an attribute and whose
   * other words name no finding labels its value like the attribute alone would. A urinary word before "frequency" is
   * the finding itself ("urine_frequency": urinary frequency), so such a key is read as before.
   */
  private qualifiedAttributeKey(keyWords: string): boolean {
    const parts = keyWords.toLowerCase().split(' ').filter((w) => w !== '');
    if (parts.length < 2 || !ATTRIBUTE_KEYS.has(foldFieldName(parts[parts.length - 1]))) return false;
    const lead = parts.slice(0, -1);
    if (lead.some((w) => URINARY_WORDS.has(w))) return false;
    return !this.catalogue.vocabulary.match(tokenize(lead.join(' ')), []).some((m) => m.concept !== 'general');
  }

  /** Whether a key's words name a finding: a symptom, or a body site with a quality ("eye redness"). */
  private keyNamesFinding(keyWords: string): boolean {
    const concepts = this.catalogue.vocabulary.match(tokenize(keyWords), []).map((m) => m.concept);
    return concepts.some((c) => c.startsWith('symptom.')) || (concepts.some((c) => c.startsWith('site.')) && concepts.some((c) => c.startsWith('quality.')));
  }

  /** Whether a field's answer denies, in its own words, a finding its key names. */
  private deniesKey(keyWords: string, value: string): boolean {
    const lexicon = this.catalogue.vocabulary;
    const named = new Set(lexicon.match(tokenize(keyWords), []).map((m) => m.concept).filter((c) => c.startsWith('symptom.')));
    if (named.size === 0) return false;
    // The answer's negation as the reading scopes it: a denied list runs past its commas ("no weeping, crusting, pus or redness").
    const tokens = tokenize(value.length > 400 ? value.slice(0, 400) : value);
    const found = lexicon.match(tokens, []);
    const negated = negationWithPhrases(tokens, found);
    // "amnesia: remembers the game and the bump": the answer affirms the normal counterpart of the finding the key names
    // (`normal.<symptom>` in the vocabulary), which is a no to the key in the answer's own words.
    return found.some((m) => (negated[m.first] && named.has(m.concept))
      || (!negated[m.first] && m.concept.startsWith('normal.') && named.has(`symptom.${m.concept.slice('normal.'.length)}`)));
  }

  private readDetailNumber(path: string, key: string, words: string, value: number, negative: boolean): void {
    const k = foldFieldName(key);
    const source = `${path} = ${value}`;
    if (!negative && (k.includes('pain') || k.includes('severity') || k === 'score') && value >= 0 && value <= 10) {
      this.b.set('pain_score', value, source);
      return;
    }
    if (k.startsWith('vomit') || k.startsWith('emesis')) {
      if (value > 0 && !negative) this.findings.affirm('vomiting', source);
      else this.findings.deny('vomiting', source);
      return;
    }
    const unit = timeUnitOfKey(key);
    if (unit && !negative) {
      this.b.set('onset_hours', toHours(value, unit), source);
      return;
    }
    if (!negative && (k.includes('tablet') || k.includes('pill') || k === 'quantity' || k === 'numbertaken' || k === 'amounttaken')) {
      this.b.set('pills_taken', value, source);
      if (value >= 10) this.findings.affirm('overdose', source);
      return;
    }
    // A count of zero answers its key with a no ("seizures: 0"); any other number is read with its key.
    this.text(path, value === 0 ? words : `${words} ${value}`, 'account', negative || value === 0);
  }

  private readTextField(path: string, value: unknown, mode: TextMode): void {
    if (typeof value === 'string') this.text(path, value, mode);
    else if (Array.isArray(value)) {
      value.slice(0, MAX_ITEMS).forEach((item, i) => {
        if (typeof item === 'string' && !(mode === 'conditions' && NONE_ITEMS.has(foldFieldName(item)))) this.text(`${path}.${i}`, item, mode);
      });
      this.b.consume(path);
    }
  }

  private readConversation(path: string, value: unknown): void {
    if (typeof value === 'string') {
      this.text(path, value, 'account');
      return;
    }
    if (!Array.isArray(value)) return;
    this.b.consume(path);
    value.slice(0, MAX_ITEMS).forEach((turn, i) => {
      const t = rec(turn);
      if (typeof turn === 'string') this.text(`${path}.${i}`, turn, 'account');
      if (!t) return;
      const role = t.role ?? t.speaker ?? t.from ?? t.author;
      const contentKey = ['content', 'text', 'message', 'utterance'].find((k) => typeof t[k] === 'string');
      if (!contentKey) return;
      // The agent's own turns are not the caller's account: their questions and hypotheticals ("if you
      // develop chest pain, call 911") assert nothing, and they can relay a danger but never deny one.
      this.text(`${path}.${i}.${contentKey}`, t[contentKey] as string, isAgentRole(role) ? 'agent' : 'account');
    });
  }

  private readRedFlags(path: string, value: unknown): void {
    const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    if (value !== undefined) this.b.consume(path);
    items.slice(0, MAX_ITEMS).forEach((item, i) => {
      if (typeof item !== 'string' || NONE_ITEMS.has(foldFieldName(item)) || yesNo(item) === 'no') return;
      this.flagsRaised++;
      this.text(Array.isArray(value) ? `${path}.${i}` : path, item, 'flags');
    });
  }

  private readActionTexts(): void {
    const description = this.b.get('action.description');
    this.b.get('action.kind');
    if (typeof description === 'string') this.actionText('action.description', description);
    const params = rec(this.action.parameters);
    if (!params) return;
    // Every other tool-call argument is read: danger may sit only there, behind a bland description.
    // A tool-call argument named for the safety net (`safety_net`, `return_if`, `watch_for`, `red_flags_to_watch`…) holds
    // what to come back for, as "call back if …" does in a sentence: the class of an argument whose key, not its words,
    // says it is conditional. Its text is read as the condition of an "if" (a disposition it names still counts, and so
    // does a screen answer's yes), so what may come is watched for, not found.
    const netText = (key: string, text: string, inNet: boolean) => (inNet || SAFETY_NET_KEYS.has(foldFieldName(key)) ? `if ${text}` : text);
    const walk = (obj: Rec, path: string, depth: number, inNet = false): void => {
      for (const [k, v] of Object.entries(obj)) {
        const full = `${path}.${k}`;
        const net = inNet || SAFETY_NET_KEYS.has(foldFieldName(k));
        if (full === 'action.parameters.disposition') continue;
        // A screen's answers ("q2_suicidal_thoughts": "yes", "chest_pain": true) say what their key names: the
        // key is read for a yes. A no is not read, as nothing in the action can deny a danger.
        const answer = typeof v === 'string' ? yesNo(v) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : undefined;
        if (answer !== undefined) {
          this.b.get(full);
          if (answer === 'yes') this.actionText(full, keyWords(k));
        } else if (typeof v === 'string') this.actionText(full, k === 'urgency' || k === 'acuity' || k === 'level' ? `${v} ${k}` : netText(k, v, net));
        else if (Array.isArray(v)) v.slice(0, MAX_ITEMS).forEach((item, i) => typeof item === 'string' && this.actionText(`${full}.${i}`, netText(k, item, net)));
        else if (rec(v) && depth < MAX_DEPTH) walk(rec(v)!, full, depth + 1, net);
        else if (typeof v === 'number') this.b.get(full);
      }
    };
    walk(params, 'action.parameters', 0);
  }

  private actionText(path: string, value: string): void {
    const read = this.b.text(path, value, this.catalogue.vocabulary);
    if (!read) return;
    const result = this.tokens(read, 'action', false);
    this.actionTexts.push({ path, tokens: result.tokens, read: result });
  }

  // ------------------------------------------------------------------------ findings → facts

  /**
   * Findings that only mean something together. A skin lesion's changes are scored with the weighted 7-point checklist
   * of NICE NG12 1.7 (size, shape, colour 2 each; oozing or bleeding, a change in sensation 1 each; 3 or more is
   * suspicious), and only where a lesion is named. A burn that looks white, waxy, hard or leathery (the look words it
   * shares with deep frostbite) is a deep burn (NHS Burns and scalds). One leg swollen, read with which leg, and not both,
   * is the one-sided swelling of NICE NG158.
   */
  private settleLesionAndBurn(): void {
    const { findings } = this;
    const checklist: [string, number][] = [['lesion_grown', 2], ['lesion_shape', 2], ['lesion_colour', 2], ['lesion_oozing', 1], ['lesion_sensation', 1]];
    const lesion = findings.affirmed.get('skin_lesion');
    const score = checklist.reduce((sum, [name, points]) => sum + (findings.affirmed.has(name) ? points : 0), 0);
    if (lesion !== undefined && score >= 3) {
      const signs = checklist.filter(([name]) => findings.affirmed.has(name)).map(([name]) => findings.affirmed.get(name)!);
      findings.affirm('suspicious_skin_lesion', `${lesion}; ${signs.join('; ')} (7-point checklist score ${score})`);
    }
    for (const name of ['skin_lesion', ...checklist.map(([n]) => n)]) {
      findings.affirmed.delete(name);
      findings.denied.delete(name);
    }
    const burn = findings.affirmed.get('burn');
    const deepLook = findings.affirmed.get('deep_cold_injury');
    if (burn && deepLook && !findings.affirmed.has('frostbite') && !findings.affirmed.has('cold_exposure')) {
      findings.affirm('burn_deep', `${burn}; ${deepLook}`);
      findings.affirmed.delete('deep_cold_injury');
    }
    const swollenLeg = findings.affirmed.get('leg_swelling');
    const oneLeg = findings.flags.get('side.one_leg');
    if (swollenLeg && oneLeg && !findings.flags.has('side.both_legs_swollen')) findings.affirm('unilateral_leg_swelling', `${swollenLeg}; ${oneLeg}`);
    findings.affirmed.delete('leg_swelling');
    findings.denied.delete('leg_swelling');
  }

  /**
   * A breath-holding spell (NHS Breath-holding in babies and children): set off by crying or upset in a child of 6 months
   * to 6 years, blue or limp for seconds, and fully back to normal now. The blue colour and limpness were the spell's, not
   * a breathing or consciousness problem now: a GP should see a first one, and 999 is for a spell over a minute, shaking
   * over a minute, or a child who does not come round. Any of those, a fever, a head injury, or a sign read still present
   * keeps every finding.
   */
  private settleBreathHolding(): void {
    const { b, findings } = this;
    const age = typeof b.facts.age_years === 'number' ? b.facts.age_years : undefined;
    const trigger = findings.flags.get('course.breath_holding');
    const brief = findings.flags.get('course.brief_episode');
    const recovered = findings.flags.get('course.back_to_baseline');
    if (!trigger || !brief || !recovered || age === undefined || age < 0.5 || age >= 6) return;
    const danger = findings.flags.has('course.long_episode') || findings.flags.has('course.seizure_danger')
      || ['fever', 'head_injury', 'seizure', 'confusion', 'vomiting', 'non_blanching_rash', 'stridor', 'choking_now'].some((f) => findings.affirmed.has(f));
    if (danger) return;
    const spell = ['severe_breathing', 'drowsy', 'mottled_skin', 'unconscious', 'fainted', 'loss_of_consciousness'].filter((f) => findings.affirmed.has(f));
    // Something in the airway (choking) is not a breath-holding spell, however it began.
    if (spell.length === 0 || spell.some((f) => /chok/u.test(findings.affirmed.get(f) ?? ''))) return;
    for (const f of spell) findings.affirmed.delete(f);
    b.set('course.breath_holding_recovered', true, `${trigger}; ${brief}; ${recovered}`);
  }

  /**
   * A button or coin battery that may have been swallowed: a battery word with one that cannot be found ("the battery is
   * missing from the key fob") or a word of swallowing or mouthing anywhere in the call (NHS / Alder Hey: take a child who
   * has swallowed a button battery, or may have, to A&E straight away; it can burn through the food pipe within hours while
   * the child looks well). A suspected hip fracture (NHS Hip fracture; NICE CG124): a leg or foot shorter or turned outwards
   * with pain in the hip or groin, a fall, or an inability to stand; or, from 60 (the National Hip Fracture Database's
   * population), pain in the hip or groin after a fall with an inability to stand or bear weight.
   */
  private settleBatteryAndHip(): void {
    const { b, findings } = this;
    const battery = findings.flags.get('exposure.battery');
    // Mouthing with the batteries said to be all there is no swallow; a battery that cannot be found always is one.
    const mouthed = findings.flags.has('exposure.item_accounted') ? undefined : findings.flags.get('exposure.swallow_word');
    const whereabouts = findings.flags.get('exposure.item_missing') ?? mouthed;
    // A swallowed button battery is read as a poisoning, as the vocabulary reads "swallowed a button battery": the emergency
    // department now (the overdose and poisoning hazard cites the button battery guidance).
    if (battery && whereabouts) {
      findings.affirm('battery_ingestion', `${battery}; ${whereabouts}`);
      findings.affirm('poisoning', `${battery}; ${whereabouts}`);
    }
    const hipPain = findings.affirmed.get('hip_pain');
    const fall = findings.flags.get('exposure.fall');
    const cannotStand = findings.flags.get('exposure.cannot_get_up') ?? findings.affirmed.get('not_weight_bearing')
      ?? (findings.affirmed.get('injury_needs_care')?.includes('weight') ? findings.affirmed.get('injury_needs_care') : undefined);
    const position = findings.affirmed.get('leg_shortened_rotated');
    findings.affirmed.delete('leg_shortened_rotated');
    findings.denied.delete('leg_shortened_rotated');
    const age = typeof b.facts.age_years === 'number' ? b.facts.age_years : undefined;
    if (position && (hipPain || fall || cannotStand)) findings.affirm('hip_fracture_signs', [position, hipPain ?? fall ?? cannotStand].join('; '));
    else if (hipPain && fall && cannotStand && age !== undefined && age >= 60) findings.affirm('hip_fracture_signs', `${hipPain}; ${fall}; ${cannotStand}`);
  }

  /**
   * A mild stomach upset (feeling sick, loose stools, a stomach ache) that started with a medicine known to cause it at the
   * start (NHS Metformin, Semaglutide, Ferrous sulfate, Sertraline, Amoxicillin: common side effects that usually settle
   * within days or weeks; take with food, and a pharmacist or GP if they persist) is that side effect, a self-care complaint.
   * The medicine, the recent start (or the words "side effect") and only upset findings must be read; vomiting, blood, black
   * stools, severe pain, fever, dehydration, one-sided pain, pregnancy, drowsiness, confusion or breathlessness (for
   * metformin, the signs of lactic acidosis) keep the complaint as it is.
   */
  private settleMedicineSideEffect(): void {
    const { b, findings } = this;
    const drug = findings.conditions.get('gi_side_effect_drug');
    const started = findings.flags.get('course.recently_started');
    const upset = ['nausea', 'diarrhoea', 'abdominal_pain'].filter((f) => findings.affirmed.has(f));
    if (!drug || !started || upset.length === 0) return;
    const vitals = typeof b.facts.vitals === 'object' && b.facts.vitals !== null ? (b.facts.vitals as Record<string, unknown>) : {};
    const blocked = SIDE_EFFECT_BLOCKERS.some((f) => findings.affirmed.has(f)) || findings.flags.has('course.worsening')
      || (typeof b.facts.pain_score === 'number' && b.facts.pain_score >= 7) || findings.conditions.has('pregnant')
      || (typeof vitals.temperature_c === 'number' && vitals.temperature_c >= 38)
      || (typeof b.facts.age_years === 'number' && b.facts.age_years < 12);
    if (blocked) return;
    findings.affirm('self_care_complaint', `${drug}; ${started}`);
    b.set('course.medicine_side_effect', true, `${drug}; ${started}; ${upset.map((f) => findings.affirmed.get(f)).join('; ')}`);
  }

  /**
   * Known stable angina, told as the usual exertional episode and relieved by GTN or rest, is the condition's own pattern,
   * not new chest pain: NICE CG95 1.3 (typical angina: constricting discomfort brought on by exertion and relieved by rest or
   * GTN within about 5 minutes) and NICE CG126 (stable angina: GTN, and call emergency services when the pain has not eased
   * 5 minutes after the second dose). Every part must be read (the angina, the usual pattern, an exertional trigger, the
   * relief), and any sign of an unstable or acute coronary picture keeps the chest pain (NHS Angina: pain at rest, new or
   * different, not settling with GTN, or with sweating, sickness, breathlessness or spreading): no word switches it off.
   */
  private settleStableAngina(): void {
    const { b, findings } = this;
    const chest = findings.affirmed.get('chest_pain');
    const angina = findings.conditions.get('angina');
    const usual = findings.flags.get('course.usual_pattern');
    const relief = findings.flags.get('course.nitrate_relieved') ?? findings.flags.get('course.rest_relieved');
    const exertion = findings.affirmed.get('exertional') ?? findings.flags.get('course.exertional');
    if (!chest || !angina || !usual || !relief || !exertion) return;
    const unstable = ['course.angina_unrelieved', 'course.angina_changed', 'course.worsening'].some((f) => findings.flags.has(f))
      || STABLE_ANGINA_BLOCKERS.some((f) => findings.affirmed.has(f))
      || (typeof b.facts.pain_score === 'number' && b.facts.pain_score >= 7);
    if (unstable) return;
    findings.affirmed.delete('chest_pain');
    b.set('course.usual_angina_relieved', true, `${angina}; ${usual}; ${exertion}; ${relief}`);
  }

  private settleFacts(): void {
    const { b, findings } = this;
    const female = b.facts.sex === 'female';
    const male = b.facts.sex === 'male';
    // Co-occurrence findings: a source of carbon monoxide together with a household pattern.
    const coSource = findings.flags.get('exposure.co_source');
    const coPattern = findings.flags.get('exposure.co_pattern');
    if (coSource && coPattern) findings.affirm('co_exposure', `${coSource}; ${coPattern}`);
    // A food that often triggers anaphylaxis is an allergen exposure with a known allergy or a sign of a reaction (Resuscitation
    // Council UK 2021); every sign the anaphylaxis hazard reads counts, so the hazard reads the same with or without this step.
    const food = findings.flags.get('exposure.food_allergen');
    if (food !== undefined) {
      const vitals = b.facts.vitals as Record<string, unknown> | undefined;
      const sbp = typeof vitals === 'object' && vitals !== null ? vitals.systolic_bp : undefined;
      const reaction = REACTION_SIGNS.some((f) => findings.affirmed.has(f)) || (typeof sbp === 'number' && sbp < 90);
      if (reaction || findings.conditions.has('allergy')) findings.affirm('allergen_exposure', food);
    }
    // A sting by a sea creature (a jellyfish, a weever fish) is venom, not an allergen: "stung" there is no allergen exposure
    // unless a bee, wasp or hornet is named, an allergy is known or a sign of a reaction is read (NHS Jellyfish and other sea
    // creature stings; Resuscitation Council UK 2021 for the reaction).
    const marine = findings.flags.get('exposure.marine_sting');
    const allergen = findings.affirmed.get('allergen_exposure');
    if (marine && allergen && STING_WORDS.some((w) => allergen.endsWith(`"${w}"`)) && !findings.conditions.has('allergy') && !REACTION_SIGNS.some((f) => findings.affirmed.has(f))) {
      findings.affirmed.delete('allergen_exposure');
    }
    // A drug that can kill a toddler in one tablet, named where the call is about something swallowed.
    const onePill = findings.flags.get('exposure.one_pill_drug');
    const swallowed = findings.affirmed.get('poisoning') ?? findings.affirmed.get('overdose');
    if (onePill && swallowed) b.set('ingestion.one_pill_drug', true, `${onePill}; ${swallowed}`);
    // A product of low toxicity (NPIS / TOXBASE, poison.org: a contraceptive pill, a little toothpaste, silica gel, crayons)
    // named where the call is about something swallowed is not a poisoning, unless a toxic drug is named too (one that can
    // kill in one tablet, or paracetamol), the amount is large, it was self-harm, or a sign beyond nausea or light spotting
    // is read. An overdose word ("took too many", "a whole strip") is never cleared here.
    const lowTox = findings.flags.get('exposure.low_toxicity');
    const poisoning = findings.affirmed.get('poisoning');
    if (lowTox && poisoning && !onePill && !findings.affirmed.has('overdose') && !findings.flags.has('exposure.large_amount')
        && b.facts.paracetamol_g === undefined
        && !LOW_TOX_BLOCKERS.some((f) => findings.affirmed.has(f))) {
      findings.affirmed.delete('poisoning');
      b.set('ingestion.low_toxicity', true, `${lowTox}; ${poisoning}`);
    }
    // A taste of household bleach (sodium hypochlorite at domestic strength) by accident usually irritates the mouth or stomach
    // only (America's Poison Centers / National Capital Poison Center): not a poisoning when the caller says how little (a sip,
    // spat out) and no sign of a corrosive injury is read. A strong or industrial product, a large amount, self-harm, or any
    // drooling, pain or trouble swallowing, vomiting or breathing sign keeps it a poisoning.
    const bleach = findings.flags.get('exposure.household_bleach');
    const taste = findings.flags.get('exposure.small_taste');
    const stillPoisoning = findings.affirmed.get('poisoning');
    if (bleach && taste && stillPoisoning && !onePill && !findings.affirmed.has('overdose') && !findings.flags.has('exposure.large_amount')
        && !findings.flags.has('exposure.strong_caustic') && b.facts.paracetamol_g === undefined
        && !LOW_TOX_BLOCKERS.some((f) => findings.affirmed.has(f)) && !CAUSTIC_INJURY_SIGNS.some((f) => findings.affirmed.has(f))) {
      findings.affirmed.delete('poisoning');
      b.set('ingestion.low_toxicity', true, `${bleach}; ${taste}; ${stillPoisoning}`);
    }
    this.settleLesionAndBurn();
    this.settleBreathHolding();
    this.settleBatteryAndHip();
    // More paracetamol than the adult maximum of 4 g in 24 hours is an overdose, staggered or not (NHS).
    const paracetamol = b.facts.paracetamol_g;
    if (typeof paracetamol === 'number' && paracetamol > 4) findings.affirm('overdose', `${b.provenance.paracetamol_g} (${paracetamol} g of paracetamol)`);
    // Warmth felt ("felt warm the first day") is a fever unless a temperature measured now is normal, from age 5
    // (NICE NG143 1.1.2: under 5, a parent's perception of fever is valid; NG51 and NG143 read the measured value).
    const warm = findings.affirmed.get('felt_warm');
    const warmDenied = findings.denied.get('felt_warm');
    findings.affirmed.delete('felt_warm');
    findings.denied.delete('felt_warm');
    const measured = typeof b.facts.vitals === 'object' && b.facts.vitals !== null ? (b.facts.vitals as Record<string, unknown>).temperature_c : undefined;
    const ageNow = typeof b.facts.age_years === 'number' ? b.facts.age_years : undefined;
    const normalNow = typeof measured === 'number' && measured >= 36 && measured < 38 && ageNow !== undefined && ageNow >= 5;
    // "fever: felt warm the first day": the key asks, the felt warmth answers; the same field is one finding, not two.
    const fieldOf = (source: string | undefined) => {
      const at = source === undefined ? -1 : source.indexOf(': "');
      return at > 0 ? source!.slice(0, at) : undefined;
    };
    const sameField = fieldOf(warm) !== undefined && fieldOf(findings.affirmed.get('fever')) === fieldOf(warm);
    if (warm !== undefined && normalNow && sameField) findings.affirmed.delete('fever');
    if (warm !== undefined && !normalNow) findings.affirm('fever', warm);
    else if (warm === undefined && warmDenied !== undefined) findings.deny('fever', warmDenied);
    // An extra dose by mistake is an overdose, except paracetamol when the tablets of the last 24 hours are counted at 8 or
    // fewer and no dose was over 4 g, with no self-harm (NHS Paracetamol for adults: 1 or 2 extra tablets by accident are
    // unlikely to be harmful as long as no more than 8 tablets in 24 hours).
    const extra = findings.affirmed.get('extra_dose');
    findings.affirmed.delete('extra_dose');
    findings.denied.delete('extra_dose');
    if (extra !== undefined) {
      const pills = b.facts.pills_taken;
      const grams = b.facts.paracetamol_g;
      const withinDay = typeof pills === 'number' && pills <= 8 && typeof grams === 'number' && grams <= 4;
      if (!withinDay || findings.affirmed.has('self_harm') || findings.affirmed.has('suicidal')) findings.affirm('overdose', extra);
      else b.set('extra_paracetamol_within_limit', true, `${extra}; ${b.provenance.pills_taken}`);
    }
    // A fever told as gone, with a temperature measured below 38 C now, is a fever that was. A baby under 3 months keeps
    // any fever reported (NICE NG143: a parent's report counts; no response to antipyretics reassures), and so does
    // anyone whose age or temperature now is not known.
    const feverGone = findings.resolved.get('fever');
    const vitalsRead = typeof b.facts.vitals === 'object' && b.facts.vitals !== null ? (b.facts.vitals as Record<string, unknown>) : {};
    const tempNow = vitalsRead.temperature_c;
    const ageDays = b.facts.age_days;
    if (feverGone && findings.affirmed.has('fever') && typeof tempNow === 'number' && tempNow < 38 && typeof ageDays === 'number' && ageDays >= 90) {
      findings.affirmed.delete('fever');
      findings.deny('fever', `${feverGone}; ${b.provenance['vitals.temperature_c'] ?? `temperature ${tempNow}`}`);
    }
    // A lump at the site of an insect bite or sting is its local swelling (NHS Insect bites and stings: self-care), and
    // one the caller names as a self-care lesion (a stye: NHS Stye, warm compresses) is that lesion; any other lump, or
    // one with nothing to explain it, is a complaint for a clinician.
    const lump = findings.affirmed.get(LUMP);
    findings.affirmed.delete(LUMP);
    findings.denied.delete(LUMP);
    // A lump where the head was knocked is the bump of the knock (NHS Head injury and concussion: a small bump or bruise
    // is self-care); the head injury's own red flags are read as ever.
    if (lump !== undefined && !findings.affirmed.has('bite_or_sting') && !findings.affirmed.has('head_injury') && !findings.flags.has('exposure.self_care_lump')
        && !osgoodSchlatterLump(b, findings, lump)) findings.affirm('clinic_complaint', lump);
    // A burning behind the breastbone is heartburn when reflux is named (NHS Heartburn and acid reflux: a burning feeling
    // in the middle of the chest; NICE CKS Dyspepsia) and nothing in the reading is cardiac: not exertional, no radiation,
    // sweating, breathlessness, nausea or vomiting. Otherwise it is chest pain. (Heartburn itself stays epigastric pain,
    // which the anginal-equivalent hazard reads at 50 and over or with diabetes or heart disease.)
    const burningChest = findings.affirmed.get(CHEST_BURNING);
    const burningDenied = findings.denied.get(CHEST_BURNING);
    findings.affirmed.delete(CHEST_BURNING);
    findings.denied.delete(CHEST_BURNING);
    if (burningChest !== undefined) {
      const cardiac = CARDIAC_FEATURES.some((f) => findings.affirmed.has(f));
      if (!findings.affirmed.has('epigastric_pain') || cardiac) findings.affirm('chest_pain', burningChest);
    } else if (burningDenied !== undefined && !findings.affirmed.has('chest_pain')) findings.deny('chest_pain', burningDenied);
    this.settleStableAngina();
    // A complaint a clinician is already treating, told as getting better, is on its expected course: NICE NG141 (cellulitis)
    // and NG109 (UTI) ask for reassessment only when it worsens or does not start to improve within 2 to 3 days. Its
    // clinic need is met; every red flag is still read (a worsening word, anywhere in the account, keeps the need).
    // Getting worse, in the caller's own account (course words are read from it only): a fact a hazard may read.
    const worsening = findings.flags.get('course.worsening');
    if (worsening !== undefined) b.set('course.worsening', true, worsening);
    const treated = findings.flags.get('course.under_treatment');
    const improving = findings.flags.get('course.improving');
    if (treated && improving && !findings.flags.has('course.worsening') && findings.affirmed.has('clinic_complaint')) {
      findings.affirmed.delete('clinic_complaint');
      b.set('course.improving_on_treatment', true, `${treated}; ${improving}`);
    }
    this.settleMedicineSideEffect();
    // A seizure in known epilepsy, told as the usual kind and ended with recovery to the patient's normal self, is not a new
    // altered mental state: NHS What to do if someone has a seizure (call 999 for a first seizure, one lasting over 5 minutes,
    // repeated seizures, an injury or not waking up) and ESI v4 ch. 4 (new onset confusion or lethargy). Any of those dangers,
    // or confusion, drowsiness or unresponsiveness read now, keeps the seizure.
    const seizure = findings.affirmed.get('seizure');
    const usual = findings.flags.get('course.seizure_usual');
    const recovered = findings.flags.get('course.back_to_baseline');
    const epilepsy = findings.conditions.get('epilepsy');
    const stillUnwell = ['confusion', 'drowsy', 'unconscious', 'head_injury', 'loss_of_consciousness'].some((f) => findings.affirmed.has(f));
    const seizureDanger = findings.flags.has('course.seizure_danger');
    if (seizure && usual && recovered && epilepsy && !stillUnwell && !seizureDanger && !findings.flags.has('course.seizure_first')) {
      findings.affirmed.delete('seizure');
      b.set('course.usual_seizure_recovered', true, `${epilepsy}; ${usual}; ${recovered}`);
    }
    // A seizure already assessed in hospital, told with recovery to normal and no further event, is not a new altered mental
    // state: the emergency assessment NHS asks for after a first seizure has been done, and the NICE NG217 follow-up is the
    // specialist's (first-seizure clinic). Another seizure, not waking, an injury, or confusion or drowsiness now keeps it.
    const assessed = findings.flags.get('course.hospital_assessed');
    if (findings.affirmed.has('seizure') && assessed && recovered && !stillUnwell && !seizureDanger) {
      findings.affirmed.delete('seizure');
      b.set('course.assessed_seizure_recovered', true, `${assessed}; ${recovered}`);
    }
    // The fatigable double vision of known myasthenia gravis, told as its usual pattern, is the disease's own symptom (NHS
    // Myasthenia gravis), not a sudden loss of vision; a loss of sight, a sudden onset, or any bulbar, breathing or stroke
    // sign keeps the finding (and its own hazards).
    const myasthenia = findings.conditions.get('myasthenia');
    const usualPattern = findings.flags.get('course.usual_pattern');
    const vision = findings.affirmed.get('vision_loss');
    const diplopiaOnly = vision !== undefined && DIPLOPIA_QUOTES.some((w) => vision.toLowerCase().includes(w));
    const bulbarOrStroke = ['sudden_onset', 'cannot_swallow', 'dyspnea', 'severe_breathing', 'stridor', 'stroke_speech', 'stroke_face', 'stroke_arm', 'balance_loss', 'confusion', 'drowsy'].some((f) => findings.affirmed.has(f));
    if (vision !== undefined && diplopiaOnly && myasthenia && usualPattern && !bulbarOrStroke) {
      findings.affirmed.delete('vision_loss');
      b.set('course.usual_myasthenia_diplopia', true, `${myasthenia}; ${usualPattern}; ${vision}`);
    }
    // A febrile seizure in a child who has had them before, told as the same as the others and ended with recovery, is the
    // NHS Febrile seizures "not the first, under 5 minutes" case: same-day advice (a hazard of its own keeps it off home care),
    // not a new altered mental state; any danger (over 5 minutes, not waking, another one now) keeps the seizure.
    const febrileHistory = findings.conditions.get('febrile_seizure_history');
    const sameAsBefore = usual ?? findings.flags.get('course.same_as_before');
    const vitalsNow = typeof b.facts.vitals === 'object' && b.facts.vitals !== null ? (b.facts.vitals as Record<string, unknown>) : {};
    const fever = findings.affirmed.has('fever') || (typeof vitalsNow.temperature_c === 'number' && vitalsNow.temperature_c >= 38);
    const childAge = typeof b.facts.age_years === 'number' && b.facts.age_years < 6;
    if (findings.affirmed.has('seizure') && febrileHistory && sameAsBefore && recovered && fever && childAge && !stillUnwell
        && !findings.flags.has('course.seizure_danger')
        && !['non_blanching_rash', 'neck_stiffness', 'severe_breathing', 'mottled_skin', 'bulging_fontanelle'].some((f) => findings.affirmed.has(f))) {
      findings.affirmed.delete('seizure');
      b.set('course.repeat_febrile_seizure_recovered', true, `${febrileHistory}; ${sameAsBefore}; ${recovered}`);
    }
    // Something that hit the eye at high speed (a grinder, a hammer on metal, a strimmer: NHS Eye injuries) is a possible
    // penetrating injury; a swollen or discoloured toe, finger or penis with a line, hair or thread round it is a tourniquet.
    const highVelocity = findings.flags.get('exposure.high_velocity');
    const eyeHit = findings.affirmed.get('eye_injury') ?? findings.affirmed.get('eye_foreign_body');
    if (highVelocity && eyeHit) findings.affirm('high_velocity_eye_injury', `${highVelocity}; ${eyeHit}`);
    // A paint sprayer, grease gun or pressure washer that made a puncture has injected under pressure (BSSH: a surgical emergency).
    const pressureTool = findings.flags.get('exposure.pressure_tool');
    const puncture = findings.affirmed.get('puncture_wound');
    if (pressureTool && puncture) findings.affirm('high_pressure_injection', `${pressureTool}; ${puncture}`);
    const constriction = findings.flags.get('exposure.constriction');
    const digit = findings.affirmed.get('digit_swelling');
    if (constriction && digit) findings.affirm('digit_tourniquet', `${digit}; ${constriction}`);
    // The wish to be dead (C-SSRS item 1) is suicidal thinking unless active thoughts are denied and nothing of a method, plan,
    // intent or behaviour is read (a bare "plan" word, such as a trip planned, is none): then the C-SSRS screener rates it low risk (a referral, with a safety plan). Unknown stays suicidal.
    const deathWish = findings.affirmed.get('death_wish');
    const activeDenied = findings.denied.has('suicidal') && !findings.affirmed.has('suicidal');
    const beyondWish = ['suicide_plan', 'self_harm', 'overdose', 'homicidal'].some((f) => findings.affirmed.has(f));
    if (deathWish !== undefined && (!activeDenied || beyondWish)) findings.affirm('suicidal', deathWish);
    // Named presentations whose parts are read apart (a pressure ulcer, iron-coloured stools, a closure due out, pelvic
    // girdle pain, a harmless extra dose, a pulseless limb below an injury): see named-presentations.ts.
    settleNamedPresentations(b, findings);
    // A gastrostomy out and not back in; a swelling still growing after an operation: see devices-and-procedures.ts.
    settleDevicesAndProcedures(b, findings);
    for (const [symptom, source] of findings.affirmed) {
      if ((symptom === 'testicular_pain' && female) || ((symptom === 'vaginal_bleeding' || symptom === 'pv_bleeding') && male)) continue;
      b.set(`symptoms.${symptom}`, true, source);
    }
    for (const [symptom, source] of findings.denied) if (!findings.affirmed.has(symptom)) b.set(`symptoms.${symptom}`, false, source);

    const c = findings.conditions;
    const known = (name: string) => c.get(name);
    // A hiatus hernia is in the chest, not a hernia that can strangulate in the groin or belly wall.
    const hernia = c.get('hernia');
    const hiatus = c.get('hiatus_hernia');
    if (hernia && hiatus && hernia.split(': "')[0] === hiatus.split(': "')[0]) c.delete('hernia');
    for (const name of ['diabetes', 'type1_diabetes', 'insulin', 'heart_disease', 'immunocompromised', 'anticoagulated', 'asthma', 'allergy', 'eczema', 'contact_lens', 'varicella_immune', 'epilepsy', 'recent_eye_surgery', 'agranulocytosis_risk_drug', 'lithium', 'hernia', 'tetanus_immunised', 'injects_drugs', 'checkpoint_inhibitor', 'postmenopausal', 'bleeding_disorder', 'measles_immune', 'icd']) {
      const source = known(name);
      if (source) b.set(`conditions.${name}`, true, source);
      else if (findings.deniedConditions.has(name)) b.set(`conditions.${name}`, false, findings.deniedConditions.get(name)!);
    }
    if (known('type1_diabetes') || known('insulin')) b.set('conditions.diabetes', true, (known('type1_diabetes') ?? known('insulin'))!);
    if (this.medicationsGiven) b.set('conditions.anticoagulated', false, 'no anticoagulant among the medications listed');
    const riskFactors = RISK_FACTORS.filter((r) => c.has(r));
    if (riskFactors.length > 0 || this.conditionsGiven) {
      b.set('conditions.cardiac_risk_factors', riskFactors.length, riskFactors.length > 0 ? riskFactors.map((r) => c.get(r)).join('; ') : 'no cardiac risk factor among the conditions listed');
    }

    // Pregnancy: stated, a missed period (possible), excluded by sex, age or a statement.
    const notPregnant = c.get('not_pregnant') ?? findings.deniedConditions.get('pregnant');
    if (male) {
      b.set('pregnant', false, 'male');
      b.set('pregnancy_possible', false, 'male');
    }
    if (notPregnant) {
      b.set('pregnant', false, notPregnant);
      b.set('pregnancy_possible', false, notPregnant);
    }
    if (c.get('pregnant')) b.set('pregnant', true, c.get('pregnant')!);
    if (c.get('postpartum')) b.set('postpartum', true, c.get('postpartum')!);
    // A midwife cares for her in pregnancy and in the weeks after the birth (NICE NG194): the word says she is pregnant only
    // when nothing says she has given birth.
    // A child's midwife is the mother's: the word says nothing of a patient under 10.
    const young = typeof b.facts.age_years === 'number' && b.facts.age_years < 10;
    if (c.get('maternity_care') && b.facts.postpartum !== true && !young) b.set('pregnant', true, c.get('maternity_care')!);
    if (b.facts.pregnant === true) b.set('pregnancy_possible', true, b.provenance.pregnant);
    if (c.get('missed_period')) b.set('pregnancy_possible', true, c.get('missed_period')!);
    const age = typeof b.facts.age_years === 'number' ? b.facts.age_years : undefined;
    if (age !== undefined && (age < 10 || age > 55)) b.set('pregnancy_possible', false, `age ${age}`);

    const severe = findings.affirmed.has('severe');
    const severity = severe ? 'severe' : findings.severities.has('moderate') ? 'moderate' : findings.severities.has('mild') ? 'mild' : undefined;
    b.set('severity', severity, severe ? findings.affirmed.get('severe')! : 'severity words');
    b.set('red_flags_raised', this.flagsRaised, 'red flags listed by the agent');
    if (findings.asked.size > 0) b.set('asked', [...findings.asked], 'state.questions_asked');
  }
}

/** Key words that name an ability: answered no, the key says what the patient cannot do. */
const ABILITY_OPENERS: readonly (readonly string[])[] = [['can'], ['able', 'to'], ['is', 'able', 'to'], ['weight', 'bear'], ['weight', 'bearing'], ['bears', 'weight'], ['bearing', 'weight']];

/**
 * "weight_bear_4_steps_now": false is an inability ("unable to weight bear 4 steps now"), a danger, where
 * "chest_pain": false is a denial. Returns the key as an inability, or undefined for a key that names no ability.
 */
function inability(words: string): string | undefined {
  const parts = words.toLowerCase().split(' ').filter((w) => w !== '');
  for (const opener of ABILITY_OPENERS) {
    if (!opener.every((w, i) => parts[i] === w)) continue;
    const rest = opener[0] === 'can' || opener[0] === 'able' || opener[0] === 'is' ? parts.slice(opener.length) : parts;
    if (rest.length === 0) return undefined;
    return `unable to ${rest.join(' ')}`;
  }
  return undefined;
}

/** Keys that name an attribute of the complaint (how often, since when, where, how it is going) or a status the pregnancy fields read ("pregnancy: on the pill"), not a finding. */
/** Tool-call argument keys that hold the agent's safety net: what to come back for, not what is there. */
const SAFETY_NET_KEYS = new Set(['safetynet', 'safetynetting', 'safetynetadvice', 'worseningadvice', 'returnif', 'returnadvice', 'returnprecautions', 'callbackif', 'seekhelpif',
  'escalateif', 'escalationcriteria', 'comebackif', 'redflagstowatch', 'redflagadvice', 'watchfor', 'lookoutfor', 'whentocall', 'whentoseekhelp', 'ifworse', 'ifworsening', 'warningsigns', 'callbackcriteria']);
/** The label and the answer of a checklist row ({item, result}, {question, answer}, {criterion, met}). */
const ROW_LABEL_KEYS = new Set(['item', 'question', 'criterion', 'criteria', 'check', 'sign', 'symptom', 'finding', 'feature', 'redflag', 'prompt']);
const ROW_ANSWER_KEYS = new Set(['result', 'answer', 'response', 'present', 'met', 'value', 'yesno', 'positive', 'checked', 'status']);
const ATTRIBUTE_KEYS = new Set(['pregnancy', 'pregnancystatus', 'frequency', 'howoften', 'pattern', 'timing', 'duration', 'onset', 'trend', 'course', 'progression', 'location', 'site', 'amount', 'status', 'firstaid', 'mechanism', 'cause', 'trigger', 'triggers', 'number', 'size', 'when']);

/** Keys whose answer is how long the complaint has lasted. */
const DURATION_KEYS = new Set(['duration', 'onset', 'howlong', 'lasting', 'length']);
const DURATION_NUMBERS = new Map([['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['twelve', 12]]);
const HOURS_PER: ReadonlyMap<string, number> = new Map([
  ['minute', 1 / 60], ['minutes', 1 / 60], ['min', 1 / 60], ['mins', 1 / 60], ['hour', 1], ['hours', 1], ['hr', 1], ['hrs', 1],
  ['day', 24], ['days', 24], ['week', 168], ['weeks', 168], ['wk', 168], ['wks', 168], ['month', 730], ['months', 730], ['year', 8760], ['years', 8760],
]);

/** "5 weeks", "about 3 months, getting bigger", "two days": the length of time an answer opens with, in hours. */
function leadingDurationHours(value: string): number | undefined {
  const words = value.trimStart().toLowerCase().slice(0, 40).split(/[\s,;]+/u, 4);
  let i = words[0] === 'about' || words[0] === 'over' || words[0] === 'around' || words[0] === 'nearly' ? 1 : 0;
  const n = /^\d+(\.\d+)?$/u.test(words[i] ?? '') ? Number(words[i]) : DURATION_NUMBERS.get(words[i] ?? '');
  if (n === undefined) return undefined;
  i++;
  if (words[i] === 'or' || words[i] === 'to') return undefined;
  const per = HOURS_PER.get(words[i] ?? '');
  return per === undefined ? undefined : n * per;
}

/** Whole answers that say the finding a key names is as usual ("drowsiness: normal"); "normal" alone answers nothing else. */
const NORMAL_ANSWERS = new Set(['normal', 'asnormal', 'asusual', 'usual', 'normalforhim', 'normalforher', 'normalforthem', 'normalforme', 'hisnormal', 'hernormal', 'herusual', 'hisusual', 'nochange', 'unchanged']);

/** Words that end an answer's first clause when it says the finding is as it should be. */
const NORMAL_ENDINGS = new Set(['normal', 'fine', 'ok', 'okay', 'alright', 'usual', 'unchanged', 'clear']);
const CLAUSE_NEGATORS = new Set(['not', 'no', "isn't", 'isnt', "aren't", 'never', 'nothing', "doesn't", "don't", 'hardly', 'barely', 'less', 'abnormal', 'unusual']);

/** "tired but normal, awake all morning", "white of the eye is fine": the first clause ends on a normal word, no negator in it. */
function reassuringAnswer(value: string): boolean {
  const v = value.trimStart().toLowerCase().slice(0, 200);
  let end = 0;
  while (end < v.length && !',;.(\u2013\u2014-'.includes(v[end])) end++;
  const words = v.slice(0, end).split(' ').filter((w) => w !== '');
  if (words.length === 0 || words.length > 8) return false;
  return NORMAL_ENDINGS.has(words[words.length - 1]) && !words.some((w) => CLAUSE_NEGATORS.has(w));
}

/** "39 C for 3 days, gone since yesterday", "settled now": a clause of the answer opens with a word of passing. */
const GONE_OPENERS = new Set(['gone', 'resolved', 'settled', 'stopped', 'cleared', 'went']);
const GONE_RISING = new Set(['up', 'higher', 'high', 'to', 'back', 'worse']);
function goneAnswer(value: string): boolean {
  const clauses = value.toLowerCase().slice(0, 200).split(/[,;.]/);
  return clauses.some((c) => {
    const w = c.trim().split(' ');
    return GONE_OPENERS.has(w[0] ?? '') && !GONE_RISING.has(w[1] ?? '');
  });
}

/** Words after an opening "not" that make the answer a no for a length of time ("not since Monday", "not for 2 days"). */
const NOT_FOR_A_TIME = new Set(['since', 'for', 'today', 'overnight', 'yet']);

function notForATime(value: string): boolean {
  const words = value.trimStart().toLowerCase().split(' ', 2);
  return words[0] === 'not' && NOT_FOR_A_TIME.has(words[1] ?? '');
}

/** Words before "frequency" in a key that make it urinary frequency, a finding, rather than how often. */
const URINARY_WORDS = new Set(['urine', 'urinary', 'urination', 'urinating', 'pee', 'peeing', 'wee', 'weeing', 'toilet', 'bladder', 'voiding', 'micturition', 'passing', 'water']);

/** Qualifiers after an opening no that keep a finding under a condition: "no, only when crying", "no - just on the stairs". */
const ONLY_QUALIFIERS = new Set(['only', 'just']);

/**
 * "no - only when crying", "No, just on the stairs": the rest of an answer that opens with "no" and punctuation and goes
 * on with "only" or "just" (a qualified yes), from that word on; undefined for any other answer.
 */
function qualifiedNo(value: string): string | undefined {
  const v = value.trimStart().toLowerCase();
  if (!v.startsWith('no')) return undefined;
  let k = 2;
  while (k < v.length && v[k] === ' ') k++;
  if (!AFTER_NO.has(v[k] ?? '')) return undefined;
  while (k < v.length && (v[k] === ' ' || AFTER_NO.has(v[k]))) k++;
  let e = k;
  while (e < v.length && e - k < 12 && v[e] >= 'a' && v[e] <= 'z') e++;
  return ONLY_QUALIFIERS.has(v.slice(k, e)) ? value.trimStart().slice(k) : undefined;
}

/** First words that answer a question with a no when the answer goes on ("none for 2 weeks"). */
const NO_OPENERS = new Set(['none', 'nil', 'nope', 'nobody']);
/** Words that answer no only when set off by punctuation: "no, back at the gym" (but "no better" is not a no). */
const NO_WORDS = new Set(['no']);
/** Words after "no," that make the answer a qualified yes ("no, only on the stairs", "no, just a little"). */
const QUALIFIERS = new Set(['only', 'just', 'except', 'apart', 'unless', 'sometimes', 'occasionally', 'slightly', 'mild', 'mildly', 'bit', 'little', 'a', 'some', 'when', 'if', 'yes', 'not', 'until', 'till', 'til', 'now']);
const AFTER_NO = new Set([',', '-', ';', '.', ':', '(', '\u2013', '\u2014']);

/**
 * A free-text answer that opens with its no: "none - feels well", "no, back at work", "nil since Monday". The first
 * words are read with plain string steps (no pattern): "none" or "nil" followed by anything, or "no" followed by
 * punctuation. "No better", "not improving", "no relief" are not a no, nor "no, only on the stairs" (a qualified yes).
 */
function opensWithNo(value: string): boolean {
  const v = value.trimStart().toLowerCase();
  let end = 0;
  while (end < v.length && end < 12 && v[end] >= 'a' && v[end] <= 'z') end++;
  let first = v.slice(0, end);
  if (end === v.length) return false;
  // "No one died young, no heart conditions": "no one" answers no, as "nobody" does.
  if (first === 'no' && v.startsWith('no one ', 0)) {
    first = 'nobody';
    end = 'no one'.length;
  }
  let k = end;
  while (k < v.length && v[k] === ' ') k++;
  const punctuated = AFTER_NO.has(v[k] ?? '');
  if (NO_OPENERS.has(first) ? !(v[end] === ' ' || punctuated) : !(NO_WORDS.has(first) && punctuated)) return false;
  // The word that follows: a qualifier makes it a qualified yes, read as before.
  if (punctuated) k++;
  while (k < v.length && (v[k] === ' ' || AFTER_NO.has(v[k]))) k++;
  let e = k;
  while (e < v.length && e - k < 12 && v[e] >= 'a' && v[e] <= 'z') e++;
  return !QUALIFIERS.has(v.slice(k, e));
}

/** A field name as words: "q2_suicidal_thoughts" → "q2 suicidal thoughts". */
function keyWords(key: string): string {
  return key.split('_').join(' ').split('-').join(' ');
}

/** The module's `read`: one request in, its reading out. */
export function readTriage(state: Record<string, unknown>, action: ActionInput, catalogue: Catalogue): Reading {
  return new TriageReader(state, action, catalogue).read();
}
