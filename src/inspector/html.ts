// The inspector page's HTML shell. It carries no data: the page builds every element itself from the
// `init` message with textContent, so nothing from AWS is ever parsed as HTML. Pure (no 'vscode').
import { randomBytes } from 'node:crypto';

export interface InspectorHtmlParts {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** Shown until the script runs (plain text, escaped here). */
  title: string;
}

export function createNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // Scripts: only the bundle carrying this nonce. Styles: only the extension's stylesheet (no inline
  // style). Nothing else at all: no images, frames, fonts or connections, whatever a value contains.
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderInspectorHtml(parts: InspectorHtmlParts): string {
  const nonce = escapeHtml(parts.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="muted">Loading ${escapeHtml(parts.title)}…</p></main>
<script nonce="${nonce}" src="${escapeHtml(parts.scriptUri)}"></script>
</body>
</html>`;
}
