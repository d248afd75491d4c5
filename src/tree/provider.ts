// The TreeDataProvider of the "Feature Store" view: loads the profile list, keeps one ProfileNode
// per profile and forwards everything else to the nodes.
import * as vscode from 'vscode';
import { loadProfiles } from '../aws/profiles';
import { resolveRegion, selectProfiles, type ExplorerSettings } from '../util/settings';
import { logFailure } from '../util/log';
import { ErrorNode, MessageNode } from './leafNodes';
import { ExplorerNode, type TreeEnv } from './node';
import { ProfileNode } from './profileNode';
import type { Services } from '../util/services';

export const NO_PROFILES_CONTEXT = 'featureStoreExplorer.noProfiles';

export class FeatureStoreTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly invitationsEmitter = new vscode.EventEmitter<void>();
  /** Some profile's invitations were (re)loaded, or the profile list changed. */
  readonly onDidChangeInvitations = this.invitationsEmitter.event;
  private roots?: Promise<ExplorerNode[]>;
  private readonly env: TreeEnv;

  constructor(
    services: () => Services,
    private readonly settings: () => ExplorerSettings,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.env = { services, log, changed: (node) => this.changeEmitter.fire(node), invitationsChanged: () => this.invitationsEmitter.fire() };
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.treeItem();
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return node ? node.children() : this.rootNodes();
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): Promise<vscode.TreeItem> {
    return node.resolve(item);
  }

  /** The profile roots (loading the profile list if needed); error and hint rows are left out. */
  async profileNodes(): Promise<ProfileNode[]> {
    return (await this.rootNodes()).filter((n): n is ProfileNode => n instanceof ProfileNode);
  }

  async profileNode(name: string): Promise<ProfileNode | undefined> {
    return (await this.profileNodes()).find((p) => p.name === name);
  }

  /** Re-read the AWS config files and forget everything loaded. */
  refreshAll(): void {
    this.env.services().pool.invalidate();
    this.env.services().catalog.forget();
    this.roots = undefined;
    this.changeEmitter.fire(undefined);
    this.invitationsEmitter.fire();
  }

  refresh(node: ExplorerNode | undefined): void {
    if (!node) this.refreshAll();
    else if (node instanceof ProfileNode) node.reload();
    else if ('reload' in node && typeof node.reload === 'function') (node as { reload(): void }).reload();
    else this.changeEmitter.fire(node);
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.invitationsEmitter.dispose();
  }

  /** Pending invitations among the profiles whose invitations are loaded (no call). */
  async pendingInvitationCount(): Promise<number> {
    let n = 0;
    for (const p of await this.profileNodes()) {
      const outcome = p.invitations?.items.peek();
      if (outcome?.ok) n += outcome.value.filter((i) => i.status === 'PENDING').length;
    }
    return n;
  }

  /**
   * Loads the invitations of every profile that can be asked without the user (an MFA profile would
   * prompt for a code), so the badge counts before profiles are expanded. Loaded ones are not asked again.
   */
  async loadInvitations(): Promise<void> {
    const profiles = (await this.profileNodes()).filter((p) => !p.profile.mfaSerial);
    await Promise.all(profiles.map((p) => p.invitations?.items.get()));
  }

  private rootNodes(): Promise<ExplorerNode[]> {
    // Read once per refresh; expanding nodes never re-reads the files.
    this.roots ??= this.loadRoots();
    return this.roots;
  }

  private async loadRoots(): Promise<ExplorerNode[]> {
    let profiles;
    try {
      // ignoreCache: the SDK caches the files per process; a refresh must see the user's edits.
      profiles = await loadProfiles({ ignoreCache: true });
    } catch (err) {
      logFailure(this.log, 'Reading the AWS config files', err);
      void vscode.commands.executeCommand('setContext', NO_PROFILES_CONTEXT, false);
      const detail = (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
      const userMessage = `Could not read the AWS config files (${detail}). Fix the file, then click to try again.`;
      return [new ErrorNode(undefined, 'profiles', { userMessage, operation: 'loadProfiles' }, () => this.refreshAll())];
    }
    void vscode.commands.executeCommand('setContext', NO_PROFILES_CONTEXT, profiles.length === 0);
    if (profiles.length === 0) return [];
    const settings = this.settings();
    const { shown, missing } = selectProfiles(profiles, settings.profiles);
    if (missing.length) this.log.warn(`featureStoreExplorer.profiles names profiles that do not exist: ${missing.join(', ')}`);
    this.log.info(`Showing ${shown.length} of ${profiles.length} AWS profiles: ${shown.map((p) => p.name).join(', ')}`);
    if (shown.length === 0) {
      return [
        new MessageNode(undefined, 'filtered', `None of the profiles in the setting featureStoreExplorer.profiles exist (${missing.join(', ')}).`, {
          command: 'workbench.action.openSettings',
          title: 'Open Settings',
          arguments: ['featureStoreExplorer.profiles'],
        }, 'warning'),
      ];
    }
    return shown.map((p) => new ProfileNode(this.env, p, resolveRegion(p, settings.regionOverride)));
  }
}
