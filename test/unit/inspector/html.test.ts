// The inspector page shell: a strict CSP with one nonce, and no data in the HTML.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentSecurityPolicy, createNonce, renderInspectorHtml } from '../../../src/inspector/html';

describe('inspector HTML', () => {
  const cspSource = 'https://*.vscode-cdn.net';
  const nonce = createNonce();
  const html = renderInspectorHtml({ cspSource, nonce, scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/inspector.css', title: '<b>group</b>' });

  test('the CSP allows the nonce script and the extension stylesheet, and nothing else', () => {
    assert.equal(contentSecurityPolicy(cspSource, nonce), `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${cspSource}`);
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    assert.ok(meta, 'the page has a CSP meta tag');
    const decoded = meta[1].replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    assert.equal(decoded, contentSecurityPolicy(cspSource, nonce));
    assert.ok(!decoded.includes('unsafe-inline') && !decoded.includes('unsafe-eval'));
  });

  test('every script carries the nonce and there are no inline handlers or inline styles', () => {
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`));
    assert.ok(scripts[0].includes('src="https://x/dist/webview.js"'));
    assert.ok(!/\son[a-z]+=/i.test(html));
    assert.ok(!/\sstyle=/i.test(html) && !/<style/i.test(html));
  });

  test('the title is escaped', () => {
    assert.ok(!html.includes('<b>group</b>'));
    assert.ok(html.includes('&#60;b&#62;group&#60;/b&#62;'));
  });

  test('nonces are long and differ each time', () => {
    assert.match(nonce, /^[A-Za-z0-9]{20,}$/);
    assert.notEqual(createNonce(), createNonce());
  });
});
