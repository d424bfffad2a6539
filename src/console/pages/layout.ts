import type { ApiKey } from '../../keys/key-store.js';
import { mayUse, type ConsoleRouteId } from '../console-access.js';
import { html, type Interpolated, type SafeHtml } from '../html.js';

/** What every page knows of who is looking. */
export interface Viewer {
  key?: ApiKey;
  /** The session's CSRF token; absent when the request carried the key itself (no cookie, nothing to forge). */
  csrf?: string;
}

const NAV: { route: ConsoleRouteId; href: string; label: string }[] = [
  { route: 'GET /ui/queue', href: '/ui/queue', label: 'Queue' },
  { route: 'GET /ui/evaluations', href: '/ui/evaluations', label: 'Evaluations' },
  { route: 'GET /ui/calibration', href: '/ui/calibration', label: 'Calibration' },
  { route: 'GET /ui/audit', href: '/ui/audit', label: 'Audit trail' },
];

/** The hidden field every form carries (when the request came with a session). */
export const csrfField = (viewer: Viewer): SafeHtml => (viewer.csrf ? html`<input type="hidden" name="csrf" value="${viewer.csrf}">` : html``);

/** A page: landmarks (banner, navigation, main, contentinfo), a skip link, the one stylesheet and script. */
export function page(viewer: Viewer, opts: { title: string; current?: ConsoleRouteId; bodyClass?: string }, body: Interpolated): SafeHtml {
  const key = viewer.key;
  const links = key ? NAV.filter((n) => mayUse(n.route, key)) : [];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${viewer.csrf ? html`<meta name="csrf-token" content="${viewer.csrf}">` : ''}
<title>${opts.title} · Foresight review console</title>
<link rel="stylesheet" href="/ui/assets/console.css">
<link rel="icon" href="data:,">
<script src="/ui/assets/console.js" defer></script>
</head>
<body class="${opts.bodyClass ?? ''}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="top" role="banner">
  <a class="brand" href="/ui/">Foresight <span>review console</span></a>
  ${
    links.length > 0
      ? html`<nav class="nav" aria-label="Console">
    <ul>${links.map((l) => html`<li><a href="${l.href}"${l.route === opts.current ? html` aria-current="page"` : ''}>${l.label}</a></li>`)}</ul>
  </nav>`
      : ''
  }
  ${
    key
      ? html`<div class="who">
    <span class="who-name" title="key ${key.id}">${key.owner} <span class="role">${key.role}${key.domains ? ` · ${key.domains.join(', ')}` : ''}</span></span>
    ${viewer.csrf ? html`<form method="post" action="/ui/sign-out" class="inline">${csrfField(viewer)}<button type="submit" class="link-button">Sign out</button></form>` : ''}
  </div>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="bottom" role="contentinfo">
  <p>Every decision here is recorded with your key's owner. Press <kbd>?</kbd> for keyboard shortcuts.</p>
</footer>
</body>
</html>`;
}

/** A small notice with a live region, so a screen reader hears it once the page loads. */
export const notice = (kind: 'info' | 'ok' | 'error', text: Interpolated): SafeHtml =>
  html`<div class="notice notice-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</div>`;
