// At most one inspector per (profile, feature group ARN): opening it again reveals the open one.
// Also the panel serializer: after a window reload VS Code hands back each inspector's panel with
// the page's saved state, which names the profile and group to look up again.
import * as vscode from 'vscode';
import type { AccountContext, FeatureGroupDetail } from '../aws/model';
import { parseFeatureGroupArn } from '../aws/arn';
import { INSPECTOR_VIEW_TYPE, panelTitle, RecordInspectorPanel, STATE_KEY_PREFIX, stateKey, webviewOptions, type InspectorTarget, type PanelServices } from './panel';

/** What the serializer needs from the page's saved state (see src/webview/state.ts). */
export function restoreKey(state: unknown): { profile: string; groupArn: string } | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const s = state as Record<string, unknown>;
  return typeof s.profile === 'string' && typeof s.groupArn === 'string' && s.profile && s.groupArn ? { profile: s.profile, groupArn: s.groupArn } : undefined;
}

export class InspectorPanels implements vscode.Disposable {
  private readonly panels = new Map<string, RecordInspectorPanel>();

  constructor(private readonly services: PanelServices) {}

  static key(profile: string, featureGroupArn: string): string {
    return JSON.stringify([profile, featureGroupArn]);
  }

  open(context: AccountContext, group: FeatureGroupDetail): RecordInspectorPanel {
    const key = InspectorPanels.key(context.profile.name, group.arn);
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    // A panel opened anew starts empty; only a restored one picks up where it was.
    void this.services.memento.update(stateKey(context.profile.name, group.arn), undefined);
    const webviewPanel = vscode.window.createWebviewPanel(INSPECTOR_VIEW_TYPE, panelTitle(context.profile.name, group.name), vscode.ViewColumn.Active, webviewOptions(this.services.extensionUri));
    return this.adopt(key, webviewPanel, context.profile.name, group.arn, () => Promise.resolve({ context, group }));
  }

  /**
   * Registers the serializer: `find` looks the group up again as the profile (it may have been
   * unshared or the profile removed meanwhile; the panel then says so and offers to retry).
   */
  registerSerializer(find: (profile: string, groupArn: string) => Promise<InspectorTarget>): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(INSPECTOR_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state) => {
        const target = restoreKey(state) ?? this.savedTargetTitled(webviewPanel.title);
        if (!target) {
          // Nothing to restore from (the page never saved): a blank inspector is of no use.
          webviewPanel.dispose();
          return;
        }
        const key = InspectorPanels.key(target.profile, target.groupArn);
        if (this.panels.has(key)) {
          webviewPanel.dispose();
          this.panels.get(key)?.reveal();
          return;
        }
        this.adopt(key, webviewPanel, target.profile, target.groupArn, () => find(target.profile, target.groupArn));
      },
    });
  }

  /**
   * The webview's own state is persisted only when the window saves its editors, which a reload
   * may outrun: then the panel comes back without it. The host's copy of each page state (written
   * at once) names the profile and group; the one whose title matches the panel is it.
   */
  private savedTargetTitled(title: string): { profile: string; groupArn: string } | undefined {
    const matches = this.services.memento
      .keys()
      .filter((k) => k.startsWith(STATE_KEY_PREFIX))
      .map((k) => restoreKey(this.services.memento.get(k)))
      .filter((t): t is { profile: string; groupArn: string } => {
        const name = t && parseFeatureGroupArn(t.groupArn)?.name;
        return !!t && !!name && panelTitle(t.profile, name) === title && !this.panels.has(InspectorPanels.key(t.profile, t.groupArn));
      });
    return matches.length === 1 ? matches[0] : undefined;
  }

  private adopt(key: string, webviewPanel: vscode.WebviewPanel, profile: string, groupArn: string, load: () => Promise<InspectorTarget>): RecordInspectorPanel {
    const panel = new RecordInspectorPanel(webviewPanel, this.services, profile, groupArn, load, () => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
    this.panels.set(key, panel);
    return panel;
  }

  find(profile: string, featureGroupArn: string): RecordInspectorPanel | undefined {
    return this.panels.get(InspectorPanels.key(profile, featureGroupArn));
  }

  get count(): number {
    return this.panels.size;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
