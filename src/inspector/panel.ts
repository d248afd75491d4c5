// One webview panel showing one feature group for one profile. The page is data-free HTML plus the
// bundled script (dist/webview.js); everything crosses postMessage through ./protocol. A panel is
// either created here or handed over by VS Code after a window reload (the serializer), in which
// case its group is looked up again before the page gets `init`.
import * as vscode from 'vscode';
import type { AccountContext, FeatureGroupDetail } from '../aws/model';
import type { RecordService } from '../aws/records';
import { logFailure } from '../util/log';
import { InspectorController, type Confirmation, type InspectorDeps } from './controller';
import { createNonce, renderInspectorHtml } from './html';
import { isWebviewMessage, type HostMessage, type InspectorRequest, type InspectorResponse } from './protocol';

export const INSPECTOR_VIEW_TYPE = 'featureStoreExplorer.recordInspector';

export interface InspectorTarget {
  context: AccountContext;
  group: FeatureGroupDetail;
}

export interface PanelServices {
  extensionUri: vscode.Uri;
  records(): RecordService;
  log: vscode.LogOutputChannel;
  /** Where each panel's page state is kept (the workspace state), by stateKey(). */
  memento: vscode.Memento;
}

export const STATE_KEY_PREFIX = 'recordInspector.state:';

/** The workspace-state key of one inspector's page state. */
export function stateKey(profile: string, featureGroupArn: string): string {
  return `${STATE_KEY_PREFIX}${JSON.stringify([profile, featureGroupArn])}`;
}

/** Page states larger than this are not copied to the workspace state (the webview state still has them). */
const MAX_SAVED_STATE_CHARS = 4_000_000;

export async function confirmModal(question: Confirmation): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, question.button);
  return choice === question.button;
}

export function panelTitle(profile: string, groupName: string): string {
  return `${groupName} (${profile})`;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    // Only the bundle and the stylesheet: nothing else of the extension is reachable from the page.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class RecordInspectorPanel implements vscode.Disposable {
  private controller?: InspectorController;
  private failure?: { title: string; message: string };
  private pageReady = false;
  private loading?: Promise<void>;
  private readonly disposables: vscode.Disposable[] = [];
  /** A record id to read as soon as the page can (see lookUp). */
  private pendingLookUp: string | undefined;

  /**
   * `load` finds the profile's context and the group's definition; it runs now and again when the
   * page asks after a failure (its Retry button).
   */
  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    readonly profile: string,
    readonly featureGroupArn: string,
    private readonly load: () => Promise<InspectorTarget>,
    onDisposed: () => void,
  ) {
    const { extensionUri } = services;
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'record-inspector.svg');
    const webview = this.panel.webview;
    webview.options = webviewOptions(extensionUri);
    webview.html = renderInspectorHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'inspector.css')).toString(),
      title: this.panel.title,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      this.panel.onDidDispose(() => {
        for (const d of this.disposables.splice(0)) d.dispose();
        onDisposed();
      }),
    );
    void this.startLoad();
  }

  /** Resolves once the group is known (or its lookup failed). */
  whenLoaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  get loaded(): boolean {
    return this.controller !== undefined;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Shows the panel and reads `recordId` in it (once the page is ready, if it is not yet). */
  lookUp(recordId: string): void {
    this.panel.reveal();
    this.pendingLookUp = recordId;
    this.sendLookUp();
  }

  private sendLookUp(): void {
    if (!this.pageReady || !this.controller || this.pendingLookUp === undefined) return;
    void this.post({ type: 'lookUp', recordId: this.pendingLookUp });
    this.pendingLookUp = undefined;
  }

  /**
   * Runs a request as if the page had sent it (the extension-host tests use this); `confirm`
   * answers the modal instead of the user.
   */
  async request(request: InspectorRequest, overrides: Partial<Pick<InspectorDeps, 'confirm' | 'writeClipboard'>> = {}): Promise<InspectorResponse> {
    await this.whenLoaded();
    const controller = this.controller;
    if (!controller) throw new Error(this.failure?.message ?? 'The inspector is not loaded.');
    const deps = { ...this.deps(), ...overrides };
    return new InspectorController(controller.context, controller.group, deps).handle(request);
  }

  dispose(): void {
    this.panel.dispose();
  }

  private deps(): InspectorDeps {
    return {
      records: () => this.services.records(),
      confirm: confirmModal,
      writeClipboard: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
      onFailure: (what, err) => logFailure(this.services.log, what, err),
    };
  }

  private startLoad(): Promise<void> {
    this.failure = undefined;
    this.loading = this.load().then(
      ({ context, group }) => {
        this.controller = new InspectorController(context, group, this.deps());
        this.panel.title = panelTitle(context.profile.name, group.name);
        this.sendInit();
      },
      (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        logFailure(this.services.log, `Opening the record inspector of ${this.featureGroupArn} for ${this.profile}`, err);
        this.failure = { title: `Could not open ${this.featureGroupArn} as profile ${this.profile}`, message };
        this.sendInit();
      },
    );
    return this.loading;
  }

  private sendInit(): void {
    if (!this.pageReady) return;
    if (this.controller) {
      const savedState = this.services.memento.get<Record<string, unknown>>(stateKey(this.profile, this.featureGroupArn));
      void this.post({ type: 'init', group: this.controller.view(), ...(savedState ? { savedState } : {}) });
      this.sendLookUp();
    }
    else if (this.failure) void this.post({ type: 'unavailable', ...this.failure });
  }

  private onMessage(message: unknown): void {
    if (!isWebviewMessage(message)) {
      this.services.log.warn(`Record inspector: ignored a malformed message from the page of ${this.featureGroupArn}.`);
      return;
    }
    if (message.type === 'ready') {
      // Sent on first load, whenever the page is re-created after being hidden, and by Retry.
      this.pageReady = true;
      if (this.failure) void this.startLoad();
      else this.sendInit();
      return;
    }
    if (message.type === 'state') {
      this.keepState(message.state);
      return;
    }
    const controller = this.controller;
    if (!controller) return;
    void controller.handle(message).then((response) => this.post(response));
  }

  private keepState(state: Record<string, unknown>): void {
    // Only this panel's own state, and not an unbounded one.
    if (state.profile !== this.profile || state.groupArn !== this.featureGroupArn) return;
    if (JSON.stringify(state).length > MAX_SAVED_STATE_CHARS) return;
    void this.services.memento.update(stateKey(this.profile, this.featureGroupArn), state);
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }
}
