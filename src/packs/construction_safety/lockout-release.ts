import type { PhraseMatch } from '../reading/text.js';
import { tokenize } from '../reading/text.js';
import { type FactWriter, STRENGTH } from './fact-writer.js';
import type { TextView } from './text-view.js';

/**
 * Release from lockout (29 CFR 1910.147(e), 1926.417). Taking a lock off is the last step of a lockout, not a safeguard
 * switched off: it is judged by the release rules (equipment intact and guarded, the area clear, affected workers told) and
 * by who removes the lock. Only the worker who put a lock on takes it off; anyone else may do so only after the owner is
 * verified away and reached (1910.147(e)(3)). Cutting a lock off is removal by someone else.
 */

/** Words of a lock or a tag, the object a release acts on. */
const LOCK_WORDS = new Set(['lock', 'locks', 'padlock', 'padlocks', 'lockout', 'lockouts', 'tag', 'tags', 'loto', 'hasp']);
/** Verbs that take a lock off. */
const REMOVE_VERBS = new Set(['remove', 'removes', 'removing', 'removed', 'cut', 'cuts', 'cutting', 'pull', 'pulls', 'pulling', 'take', 'takes', 'taking', 'release', 'releases', 'releasing', 'clear', 'clears', 'clearing', 'grind', 'grinds', 'break', 'breaks', 'unlock', 'unlocks']);
/** Verbs that remove a lock without its key: by someone other than its owner. */
const FORCE_VERBS = new Set(['cut', 'cuts', 'cutting', 'grind', 'grinds', 'break', 'breaks', 'drill', 'drills']);
/** Words of a record's kind that say it releases a lockout ("lockout_removal", "loto_release"). */
const RELEASE_KIND = new Set(['removal', 'remove', 'release', 'releasing', 'removing', 'clearing', 'restore', 'restoration']);
const LOCKOUT_KIND = new Set(['lock', 'lockout', 'loto', 'tagout', 'lockouts']);
const WINDOW = 5;
/** Words after a lock word that make it something else: a tag line, a lockout zone or box. */
const NOT_A_LOCK = new Set(['line', 'lines', 'zone', 'zones', 'box', 'boxes', 'station', 'board']);

export interface LockoutRelease {
  /** The action takes a lock or tag off. */
  release: boolean;
  /** Who removes it: the owner (true), someone else (false), not said (undefined). */
  byOwner?: boolean;
}

/** Whether the action takes a lockout off, read from its kind and from its own words ("cut lock 37", "removes his own lock"). */
export function readLockoutRelease(kindField: string | undefined, actionView: TextView | undefined): LockoutRelease {
  const kindWords = kindField ? tokenize(kindField.toLowerCase().replaceAll('_', ' ').slice(0, 100)).map((t) => t.text) : [];
  let release = kindWords.some((w) => LOCKOUT_KIND.has(w)) && kindWords.some((w) => RELEASE_KIND.has(w));
  let byOwner: boolean | undefined;
  const tokens = actionView?.tokens ?? [];
  for (let i = 0; i < tokens.length; i++) {
    if (!REMOVE_VERBS.has(tokens[i].text)) continue;
    // The window counts words, not punctuation: "remove the out-of-service tag" is four words from its verb to its tag.
    let words = 0;
    for (let j = i + 1; j < tokens.length && tokens[j].clause === tokens[i].clause; j++) {
      if (tokens[j].kind === 'word' || tokens[j].kind === 'number') words++;
      if (words > WINDOW) break;
      if (!LOCK_WORDS.has(tokens[j].text)) continue;
      // "take the tag lines off", "clear the lockout zone": a tag line or a zone is no lock.
      if (NOT_A_LOCK.has(tokens[j + 1]?.text ?? '')) continue;
      release = true;
      if (FORCE_VERBS.has(tokens[i].text)) byOwner = false;
      if (tokens.slice(i + 1, j).some((t) => t.text === 'own')) byOwner ??= true;
      break;
    }
  }
  return byOwner === undefined ? { release } : { release, byOwner };
}

/** Drops a lockout from the safeguards the action takes away: its release is judged by the release rules instead. */
export function keepLockoutOutOfRemoved(removed: Set<PhraseMatch>): void {
  for (const m of [...removed]) if (m.concept === 'control.loto') removed.delete(m);
}

/** Sets the release facts; the servicing itself is over, so the kind of work alone asks for no lockout. */
export function setLockoutRelease(facts: FactWriter, read: LockoutRelease): void {
  if (!read.release) return;
  facts.set('loto.release', true, 'the action takes a lock or tag off', STRENGTH.action);
  facts.set('loto.required', false, 'release from lockout (1910.147(e)): judged by the release rules', STRENGTH.action);
  if (read.byOwner !== undefined) facts.set('loto.release_by_owner', read.byOwner, read.byOwner ? 'the owner removes his own lock' : 'the lock is cut off', STRENGTH.action);
}

/** "lock_owner: millwright removing own lock": the record says the owner removes it; a name alone says nothing of who removes it. */
export function lockOwnerRemoves(value: unknown): boolean | undefined {
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const words = tokenize(value.toLowerCase()).map((t) => t.text);
  if (words.includes('own') || words.includes('self')) return true;
  return undefined;
}
