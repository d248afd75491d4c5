// One webview panel showing one feature group for one profile. The page is data-free HTML plus the
// bundled script (dist/webview.js); everything crosses postMessage through ./protocol.
import * as vscode from 'vscode';
import type { FeatureGroupDetail } from '../aws/model';
import { logFailure } from '../util/log';
import { InspectorController } from './controller';
import { createNonce, renderInspectorHtml } from './html';
import { isWebviewMessage, type HostMessage, type InspectorRequest, type InspectorResponse } from './protocol';
import type { RecordService } from '../aws/records';
import type { AccountContext } from '../aws/model';

export const INSPECTOR_VIEW_TYPE = 'featureStoreExplorer.recordInspector';

export async function confirmWrite(group: FeatureGroupDetail, recordId: string, profile: string): Promise<boolean> {
  const owner = group.access === 'owner' ? '' : ` (owned by ${group.ownerAccountId})`;
  const choice = await vscode.window.showWarningMessage(
    `Write record "${recordId}" to ${group.name}${owner} as profile ${profile}?`,
    {
      modal: true,
      detail: 'PutRecord replaces the stored record when its event time is newer; readers see the new values at once.',
    },
    'Write',
  );
  return choice === 'Write';
}

export class RecordInspectorPanel implements vscode.Disposable {
  readonly controller: InspectorController;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    extensionUri: vscode.Uri,
    context: AccountContext,
    group: FeatureGroupDetail,
    records: () => RecordService,
    private readonly log: vscode.LogOutputChannel,
    onDisposed: () => void,
  ) {
    this.controller = new InspectorController(context, group, {
      records,
      confirmWrite,
      onFailure: (what, err) => logFailure(log, what, err),
    });
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(
      INSPECTOR_VIEW_TYPE,
      `${group.name} (${context.profile.name})`,
      vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [dist, media] },
    );
    this.panel.iconPath = vscode.Uri.joinPath(media, 'record-inspector.svg');
    const webview = this.panel.webview;
    webview.html = renderInspectorHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'inspector.css')).toString(),
      title: group.name,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      this.panel.onDidDispose(() => {
        this.disposeListeners();
        onDisposed();
      }),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Runs a request as if the page had sent it (the extension-host tests use this). */
  request(request: InspectorRequest): Promise<InspectorResponse> {
    return this.controller.handle(request);
  }

  dispose(): void {
    this.panel.dispose();
  }

  private onMessage(message: unknown): void {
    if (!isWebviewMessage(message)) {
      this.log.warn(`Record inspector: ignored a malformed message from the page of ${this.controller.group.name}.`);
      return;
    }
    if (message.type === 'ready') {
      // Sent on first load and whenever the page is re-created after being hidden.
      void this.post({ type: 'init', group: this.controller.view() });
      return;
    }
    void this.controller.handle(message).then((response) => this.post(response));
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private disposeListeners(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
