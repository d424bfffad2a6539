import { tokenize, type PhraseMatch } from '../reading/text.js';
import { closes, opens, type ReadContext } from './read-context.js';
import { identifierWords } from './safeguard-names.js';
import type { TextView } from './text-helpers.js';

/**
 * Remote-access and remote-management software (AnyDesk, TeamViewer, ScreenConnect, …: the catalogue's
 * `software.remote_access`) allowed, installed or unblocked by the action. Help-desk-themed scams get a
 * victim to run such a tool for a "support agent" (CISA/NSA/MS-ISAC AA23-025A), so an action that lets
 * one run is a hazard unless it only removes or blocks it. The tool may be named in the action's words
 * (read verb by verb in `read-action-text.ts`) or only in its arguments (a file path, a publisher, a
 * package id); then the action's verbs, from its description and the names of the tools or APIs it
 * calls ("intune_add_app_allow_rule"), say which way it goes, and an action that says neither lets it run.
 */

const LETS_RUN = new Set(['op.grant', 'op.enable', 'op.install']);
const STOPS = new Set(['op.remove', 'op.close', 'op.destroy', 'op.disable']);
/** Keys whose strings name the operation a tool call performs. */
const OPERATION_KEYS = new Set(['toolcall', 'tool', 'toolname', 'function', 'api', 'operation', 'method', 'action', 'actions', 'command', 'cmd']);

function verbs(ctx: ReadContext, description: TextView | undefined, commands: readonly (TextView & { key?: string })[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  if (description) out.push(...description.matches.filter((m, i) => m.concept.startsWith('op.') && !m.negated && !description.addressed[m.first] && i < 400));
  for (const c of commands) {
    if (!c.key || !OPERATION_KEYS.has(c.key) || c.text.length > 200) continue;
    out.push(...ctx.catalogue.vocabulary.match(tokenize(identifierWords(c.text)), []).filter((m) => m.concept.startsWith('op.')));
  }
  return out;
}

/** "Remove the block on AnyDesk", "lift the block": a verb taking a block away lets the tool run. */
function unblocks(vs: readonly PhraseMatch[]): boolean {
  return vs.some((v, i) => (v.concept === 'op.remove' || v.concept === 'op.disable') && vs.slice(i + 1, i + 3).some((w) => w.concept === 'op.close' && w.first - v.last <= 3));
}

export function readRemoteAccessTools(ctx: ReadContext, description: TextView | undefined, commands: readonly (TextView & { key?: string; removed?: boolean })[]): void {
  if (ctx.opens.has('remote_access_tool') || ctx.closes.has('remote_access_tool')) return;
  const named = commands.flatMap((c) => (c.removed ? [] : c.matches.filter((m) => m.concept === 'software.remote_access' && !m.negated).map((m) => ({ c, m }))));
  if (named.length === 0) return;
  const vs = verbs(ctx, description, commands);
  const letsRun = vs.some((v) => LETS_RUN.has(v.concept)) || unblocks(vs);
  const stops = vs.some((v) => STOPS.has(v.concept));
  if (stops && !letsRun) return closes(ctx, 'remote_access_tool');
  const { c, m } = named[0];
  const tool = c.text.slice(c.tokens[m.first].start, c.tokens[m.last].end);
  opens(ctx, 'remote_access_tool', `action.parameters: ${c.text.slice(0, 120)}`, tool);
}
