import type { Checkpoint } from '../../audit/checkpoint.js';
import type { VerifyReport } from '../../audit/verify.js';
import { html, type SafeHtml } from '../html.js';
import { notice, page, type Viewer } from './layout.js';

const STATUS_TEXT: Record<VerifyReport['status'], string> = {
  ok: 'Verified: every block and every row matches, and everything written is sealed.',
  pending: 'Verified so far: everything sealed matches; rows written since the last seal await the next block.',
  broken: 'Broken: something stored no longer matches what was sealed.',
};

/** The verify status of the audit trail, and the newest signed checkpoint to keep elsewhere. */
export function auditPage(viewer: Viewer, report: VerifyReport, checkpoint: Checkpoint | null): SafeHtml {
  const p = report.first_problem;
  return page(viewer, { title: 'Audit trail', current: 'GET /ui/audit', bodyClass: 'audit-page' }, html`
<h1>Audit trail</h1>
<section class="card" aria-labelledby="verify-title">
  <h2 id="verify-title">Verify <span class="badge badge-verify-${report.status}" id="verify-status">${report.status}</span></h2>
  ${notice(report.status === 'broken' ? 'error' : report.status === 'ok' ? 'ok' : 'info', STATUS_TEXT[report.status])}
  <dl class="facts-inline">
    <div><dt>Blocks</dt><dd>${report.blocks}</dd></div>
    <div><dt>Rows sealed</dt><dd>${report.rows_sealed}</dd></div>
    <div><dt>Rows pending</dt><dd>${report.rows_pending}</dd></div>
    <div><dt>Signing keys</dt><dd>${report.keys.length === 0 ? '–' : report.keys.map((k) => html`<code>${k}</code> `)}</dd></div>
  </dl>
  ${
    p
      ? html`<h3>First problem</h3><p id="first-problem"><strong>${p.kind}</strong>${p.height !== undefined ? ` in block ${p.height}` : ''}${p.table ? `, table ${p.table}` : ''}${p.id ? `, row ${p.id}` : ''}${p.seq !== undefined ? ` (seq ${p.seq})` : ''}: ${p.message}</p>`
      : ''
  }
</section>
<section class="card" aria-labelledby="checkpoint-title">
  <h2 id="checkpoint-title">Last signed checkpoint</h2>
  ${
    checkpoint
      ? html`<dl class="kv" id="checkpoint">
    <div><dt>Block</dt><dd>${checkpoint.block.height}</dd></div>
    <div><dt>Sealed at</dt><dd><time datetime="${checkpoint.block.sealed_at}">${checkpoint.block.sealed_at}</time></dd></div>
    <div><dt>Rows in block</dt><dd>${checkpoint.block.row_count}</dd></div>
    <div><dt>Block hash</dt><dd><code class="hash">${checkpoint.block.hash}</code></dd></div>
    <div><dt>Merkle root</dt><dd><code class="hash">${checkpoint.block.merkle_root}</code></dd></div>
    <div><dt>Signed by</dt><dd><code>${checkpoint.block.key_id}</code> (Ed25519)</dd></div>
  </dl>
  <details><summary>The checkpoint, to keep somewhere else</summary>
    <p>Kept outside this database, it lets <code>foresight audit verify --checkpoint FILE</code> or <code>POST /v1/audit/verify</code> detect a rewrite of the whole history.</p>
    <pre class="json">${JSON.stringify(checkpoint, null, 2)}</pre>
  </details>`
      : html`<p class="muted">No block has been sealed yet.</p>`
  }
</section>`);
}
