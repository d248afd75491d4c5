// The record inspector page (runs in the webview, bundled to dist/webview.js). It talks to the host
// only through ../inspector/protocol: `ready` out, `init` (or `unavailable`) and responses in.
import { isHostMessage, type GroupView } from '../inspector/protocol';
import { byId, el } from './dom';
import { InspectorPage } from './page';
import { settle, vscodeApi } from './rpc';
import { loadState } from './state';

let page: InspectorPage | undefined;
/** A look-up that arrived before the page had its group. */
let pendingLookUp: string | undefined;

function start(group: GroupView, savedState: unknown): void {
  // A second init (after Retry, or a fresh view of the same group) keeps what is on screen.
  const state = page && page.state.groupArn === group.arn && page.state.profile === group.profile ? page.state : loadState(group.profile, group.arn, savedState);
  page = new InspectorPage(group, state);
  page.render(byId('app'));
  if (pendingLookUp !== undefined) {
    page.lookUpRecord(pendingLookUp);
    pendingLookUp = undefined;
  }
}

function showUnavailable(title: string, message: string): void {
  const retry = el('button', { id: 'retry', type: 'button' }, 'Retry');
  retry.addEventListener('click', () => {
    retry.disabled = true;
    vscodeApi.postMessage({ type: 'ready' });
  });
  const app = byId('app');
  app.setAttribute('aria-busy', 'false');
  // The saved state is left alone: a successful retry brings the inputs and results back.
  app.replaceChildren(el('h1', {}, title), el('p', { id: 'unavailable', class: 'note blocked', role: 'alert' }, message), el('div', { class: 'row' }, retry));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  switch (message.type) {
    case 'init':
      start(message.group, message.savedState);
      return;
    case 'unavailable':
      showUnavailable(message.title, message.message);
      return;
    case 'lookUp':
      if (page) page.lookUpRecord(message.recordId);
      else pendingLookUp = message.recordId;
      return;
    default:
      settle(message.id, message.outcome);
  }
});

vscodeApi.postMessage({ type: 'ready' });
