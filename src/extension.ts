// Entry point: builds the services, the tree, the inspector registry and the commands. No AWS call
// happens here; profiles load when the view is shown and AWS is called when a profile is expanded.
import * as vscode from 'vscode';
import { MfaSessions } from './aws/credentialsMfa';
import { sharedFilePaths } from './aws/profiles';
import { COMMANDS } from './commands/ids';
import { findInspectorTarget } from './commands/openRecordInspector';
import { registerCommands } from './commands/register';
import { InspectorPanels } from './inspector/panels';
import { registerLookup } from './lookup/register';
import type { InspectorRequest, InspectorResponse } from './inspector/protocol';
import { trackInvitationBadge } from './tree/invitationBadge';
import { FeatureStoreTreeProvider } from './tree/provider';
import { snapshotRoot, snapshotTree, type TreeSnapshotNode } from './tree/snapshot';
import { createMfaPrompt } from './profiles/mfaPrompt';
import { watchFiles } from './profiles/fileWatcher';
import { registerSsoLogin } from './profiles/ssoLogin';
import { createLog, LOG_CHANNEL_NAME, logAwsCall } from './util/log';
import { createServices, type Services } from './util/services';
import { readSettings, SETTINGS_SECTION, type ExplorerSettings } from './util/settings';

export const VIEW_ID = 'featureStoreExplorer.profiles';

export type { TreeSnapshotNode } from './tree/snapshot';

/** What activate() returns: enough for the extension-host tests, nothing more. */
export interface ExplorerApi {
  /** Re-read the profiles and forget every loaded listing; resolves when the roots are known. */
  refresh(): Promise<void>;
  /** What the tree shows, loading down to `depth` (default 3: profiles, categories, their items). */
  snapshot(depth?: number): Promise<TreeSnapshotNode[]>;
  /** One root by its label, `depth` levels deep (default 3), without loading the other roots. */
  snapshotRoot(label: string, depth?: number): Promise<TreeSnapshotNode | undefined>;
  /** The file the log channel writes (the extension-host tests scan it for secrets). */
  logFile: vscode.Uri;
  /** Sends a request to the open inspector of (profile, group ARN) as its page would; undefined if none is open. */
  /** `confirm` answers the write/delete confirmation in place of the user (the modal is not shown). */
  inspectorRequest(profile: string, featureGroupArn: string, request: InspectorRequest, answers?: { confirm?: (message: string) => boolean }): Promise<InspectorResponse | undefined>;
}

function currentSettings(): ExplorerSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return readSettings({ profiles: c.get('profiles'), regionOverride: c.get('regionOverride'), additionalRegions: c.get('additionalRegions'), requestTimeoutSeconds: c.get('requestTimeoutSeconds') });
}

export function activate(context: vscode.ExtensionContext): ExplorerApi {
  const log = createLog();
  let settings = currentSettings();
  // MFA: asked in an input box; sessions kept for their lifetime, across refreshes and rebuilt services.
  const mfa = { mfaCodeProvider: createMfaPrompt({ log }), mfaSessions: new MfaSessions() };
  let services: Services = createServices({ requestTimeoutSeconds: settings.requestTimeoutSeconds, logger: (e) => logAwsCall(log, e), ...mfa });

  const tree = new FeatureStoreTreeProvider(() => services, () => settings, log);
  const inspectors = new InspectorPanels({ extensionUri: context.extensionUri, records: () => services.records, log, memento: context.workspaceState });
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const commandEnv = { tree, services: () => services, log, inspectors };

  context.subscriptions.push(
    log,
    tree,
    view,
    trackInvitationBadge(tree, view),
    inspectors,
    ...registerCommands(commandEnv),
    inspectors.registerSerializer((profile, groupArn) => findInspectorTarget(commandEnv, profile, groupArn)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      const previous = settings;
      settings = currentSettings();
      if (settings.requestTimeoutSeconds !== previous.requestTimeoutSeconds) {
        services.pool.dispose();
        services = createServices({ requestTimeoutSeconds: settings.requestTimeoutSeconds, logger: (e) => logAwsCall(log, e), ...mfa });
      }
      log.info('Settings changed: reloading the Feature Store view.');
      tree.refreshAll();
    }),
    // Adding, removing or editing a profile (in VS Code or anywhere else) updates only its roots.
    watchFiles({ files: Object.values(sharedFilePaths()) }, () => void tree.syncProfiles()),
    // A token written by `aws sso login` (from our terminal or any other) reloads the profiles it may cure.
    ...registerSsoLogin({ profileNodes: () => tree.profileNodes(), log }),
    { dispose: () => services.pool.dispose() },
  );
  // CodeLenses, hovers, completions and "Look Up Record…" in Python, notebooks, TypeScript and JavaScript.
  registerLookup(context, () => services, { tree, log });
  log.info(`Feature Store Explorer activated (VS Code ${vscode.version}). Command ${COMMANDS.showLog} opens this log.`);

  return {
    async refresh() {
      tree.refreshAll();
      await tree.profileNodes();
    },
    logFile: vscode.Uri.joinPath(context.logUri, `${LOG_CHANNEL_NAME}.log`),
    snapshot(depth = 3) {
      return snapshotTree(tree, depth);
    },
    snapshotRoot(label, depth = 3) {
      return snapshotRoot(tree, label, depth);
    },
    async inspectorRequest(profile, featureGroupArn, request, answers = {}) {
      const { confirm } = answers;
      return inspectors.find(profile, featureGroupArn)?.request(request, confirm ? { confirm: async (q) => confirm(q.message) } : {});
    },
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
