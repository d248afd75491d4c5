// The TreeDataProvider of the "Feature Store" view: loads the profile list, keeps one ProfileNode
// per profile and forwards everything else to the nodes.
import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws/model';
import { diffProfiles, loadProfiles, type ProfileChanges } from '../aws/profiles';
import { profileRegions, selectProfiles, type ExplorerSettings } from '../util/settings';
import { logFailure } from '../util/log';
import { ErrorNode, MessageNode } from './leafNodes';
import { ExplorerNode, type TreeEnv } from './node';
import { ProfileNode } from './profileNode';
import type { Services } from '../util/services';

export const NO_PROFILES_CONTEXT = 'featureStoreExplorer.noProfiles';

/**
 * Above this many roots no invitations load in the background: with hundreds of profiles nothing is
 * called before a profile is expanded.
 */
export const BACKGROUND_INVITATIONS_MAX_PROFILES = 10;

export class FeatureStoreTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly invitationsEmitter = new vscode.EventEmitter<void>();
  /** Some profile's invitations were (re)loaded, or the profile list changed. */
  readonly onDidChangeInvitations = this.invitationsEmitter.event;
  private roots?: Promise<ExplorerNode[]>;
  /** The profiles the roots were built from (the last reading of the files). */
  private profiles?: ProfileInfo[];
  private syncing: Promise<unknown> = Promise.resolve();
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
    // Only profiles whose credentials need no one (no MFA prompt, no SSO login, no credential_process run).
    const profiles = (await this.profileNodes()).filter((p) => p.profile.unattended ?? !p.profile.mfaSerial);
    if (profiles.length > BACKGROUND_INVITATIONS_MAX_PROFILES) return;
    await Promise.all(profiles.map((p) => p.invitations?.items.get()));
  }

  /**
   * The AWS config files changed: re-read them and apply the difference. Changed and removed profiles
   * lose their clients and loaded answers and changed or added ones get new roots (new ids); the
   * others keep their nodes and what they loaded. Resolves with the difference (undefined when
   * nothing was shown yet: the next look reads the files anyway).
   */
  syncProfiles(): Promise<ProfileChanges | undefined> {
    const run = this.syncing.then(() => this.applyProfileFiles());
    this.syncing = run.catch(() => undefined);
    return run;
  }

  private async applyProfileFiles(): Promise<ProfileChanges | undefined> {
    if (!this.roots) return undefined;
    const previous = await this.roots;
    if (!this.profiles) {
      // The last reading failed (an error row): read everything again.
      this.refreshAll();
      return undefined;
    }
    let profiles: ProfileInfo[];
    try {
      profiles = await loadProfiles({ ignoreCache: true });
    } catch (err) {
      logFailure(this.log, 'Reading the changed AWS config files', err);
      this.refreshAll();
      return undefined;
    }
    const changes = diffProfiles(this.profiles, profiles);
    if (changes.added.length + changes.removed.length + changes.changed.length === 0) return changes;
    for (const name of [...changes.changed, ...changes.removed]) {
      this.env.services().pool.invalidate(name);
      this.env.services().catalog.forget(name);
    }
    this.log.info(
      `AWS config files changed: ${[['added', changes.added], ['changed', changes.changed], ['removed', changes.removed]]
        .filter(([, names]) => names.length)
        .map(([what, names]) => `${what} ${(names as string[]).join(', ')}`)
        .join('; ')}.`,
    );
    const unchanged = new Set(changes.unchanged);
    const keep = previous.filter((n): n is ProfileNode => n instanceof ProfileNode && unchanged.has(n.name));
    this.roots = Promise.resolve(this.rootsOf(profiles, keep));
    this.changeEmitter.fire(undefined);
    this.invitationsEmitter.fire();
    return changes;
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
      this.profiles = undefined;
      void vscode.commands.executeCommand('setContext', NO_PROFILES_CONTEXT, false);
      const detail = (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
      const userMessage = `Could not read the AWS config files (${detail}). Fix the file, then click to try again.`;
      return [new ErrorNode(undefined, 'profiles', { userMessage, operation: 'loadProfiles' }, () => this.refreshAll())];
    }
    return this.rootsOf(profiles, []);
  }

  /** One root per (profile, region); `keep` are roots to reuse when their profile and region still fit. */
  private rootsOf(profiles: ProfileInfo[], keep: ProfileNode[]): ExplorerNode[] {
    this.profiles = profiles;
    void vscode.commands.executeCommand('setContext', NO_PROFILES_CONTEXT, profiles.length === 0);
    if (profiles.length === 0) return [];
    const settings = this.settings();
    const { shown, missing } = selectProfiles(profiles, settings.profiles);
    if (missing.length) this.log.warn(`featureStoreExplorer.profiles names profiles that do not exist: ${missing.join(', ')}`);
    const names = shown.slice(0, 20).map((p) => p.name).join(', ');
    this.log.info(`Showing ${shown.length} of ${profiles.length} AWS profiles: ${names}${shown.length > 20 ? `, and ${shown.length - 20} more` : ''}`);
    if (shown.length === 0) {
      return [
        new MessageNode(undefined, 'filtered', `None of the profiles in the setting featureStoreExplorer.profiles exist (${missing.join(', ')}).`, {
          command: 'workbench.action.openSettings',
          title: 'Open Settings',
          arguments: ['featureStoreExplorer.profiles'],
        }, 'warning'),
      ];
    }
    const kept = new Map(keep.map((n) => [JSON.stringify([n.name, n.region ?? '', n.profile.fingerprint ?? '']), n]));
    return shown.flatMap((p) => {
      const regions: (string | undefined)[] = profileRegions(p, settings);
      if (regions.length === 0) regions.push(undefined);
      // The profile's own region keeps the plain name; each added region is its own subtree.
      return regions.map(
        (region, i) => kept.get(JSON.stringify([p.name, region ?? '', p.fingerprint ?? ''])) ?? new ProfileNode(this.env, p, region, i === 0 ? p.name : `${p.name} (${region})`),
      );
    });
  }
}
