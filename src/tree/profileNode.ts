// One root per AWS profile. Nothing is fetched until it is expanded; then the account id and the
// four listings load in parallel, each on its own, so one failing call never blanks the others.
import * as vscode from 'vscode';
import type { AccountContext, ProfileInfo } from '../aws/model';
import { endpointHost, formatProfileDescription } from '../util/format';
import { Lazy } from '../util/lazy';
import { InvitationsNode, OwnedGroupsNode, SharedGroupsNode } from './categoryNodes';
import { profileContext } from './contextValues';
import { ErrorNode } from './leafNodes';
import { MySharesNode } from './shareNodes';
import { asCallError, ExplorerNode, markdown, type TreeEnv } from './node';
import { profileTooltip } from './tooltips';
import { profileFailureRows, profileWideFailure } from '../profiles/profileFailure';

export const OPEN_AWS_CONFIG_COMMAND = 'featureStoreExplorer.openAwsConfig';

export class ProfileNode extends ExplorerNode {
  readonly id: string;
  readonly parent = undefined;
  readonly accountId: Lazy<string>;
  /** Undefined when the profile has no region: nothing can be called. */
  readonly context: AccountContext | undefined;
  readonly owned?: OwnedGroupsNode;
  readonly shared?: SharedGroupsNode;
  readonly invitations?: InvitationsNode;
  readonly myShares?: MySharesNode;
  /** The account-id outcome the last rendered row showed. */
  private renderedAccount: unknown;

  constructor(
    private readonly env: TreeEnv,
    readonly profile: ProfileInfo,
    readonly region: string | undefined,
    /** The row's text: the profile name, plus the region for the regions added by a setting. */
    readonly label: string = profile.name,
  ) {
    super();
    // The fingerprint changes with the profile's content: rows loaded under the old content (another
    // account, maybe) have other ids, so VS Code never shows them under the new one.
    this.id = `profile/${profile.name}/${region ?? '-'}@${profile.fingerprint ?? ''}`;
    const context = region ? { profile: { ...profile, region }, region } : undefined;
    this.context = context;
    this.accountId = new Lazy(async () => {
      if (!context) throw new Error('no region');
      return env.services().catalog.callerAccountId(context);
    });
    if (context) {
      this.owned = new OwnedGroupsNode(env, this, context);
      this.shared = new SharedGroupsNode(env, this, context);
      this.invitations = new InvitationsNode(env, this, context);
      this.myShares = new MySharesNode(env, this, context);
    }
  }

  get name(): string {
    return this.profile.name;
  }

  /** The account id if it has been fetched already (no call). */
  knownAccountId(): string | undefined {
    const outcome = this.accountId.peek();
    return outcome?.ok ? outcome.value : undefined;
  }

  treeItem(): vscode.TreeItem {
    this.renderedAccount = this.accountId.peek();
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const endpoints = this.profile.endpoints;
    item.description = formatProfileDescription({
      accountId: this.knownAccountId(),
      region: this.region,
      endpointHost: endpointHost(endpoints.sagemaker ?? endpoints.ram ?? endpoints.featurestoreRuntime ?? endpoints.sts),
    });
    const accountOutcome = this.accountId.peek();
    const problems = [
      ...(this.profile.warnings ?? []),
      accountOutcome && !accountOutcome.ok ? `Could not read the account id: ${asCallError(accountOutcome.error, this.name, 'GetCallerIdentity').userMessage}` : undefined,
    ].filter((p): p is string => !!p);
    item.tooltip = markdown(profileTooltip(this.profile, this.region, this.knownAccountId(), problems.join(' ') || undefined));
    item.iconPath = new vscode.ThemeIcon(problems.length ? 'warning' : 'account');
    item.contextValue = profileContext;
    return item;
  }

  override async children(): Promise<ExplorerNode[]> {
    if (!this.context || !this.owned || !this.shared || !this.invitations || !this.myShares) {
      return [
        new ErrorNode(
          this,
          'region',
          { userMessage: `Profile ${this.name} has no region. Set region in the profile or in the setting featureStoreExplorer.regionOverride.`, profile: this.name },
          undefined,
          { command: OPEN_AWS_CONFIG_COMMAND, title: 'Open AWS Config File' },
        ),
      ];
    }
    // Everything starts together; each outcome stays with its own row, so a failure in one
    // (an error row under that category) never hides the others.
    const categories = [this.owned, this.shared, this.invitations, this.myShares];
    const [account, ...listings] = await Promise.all([this.accountId.get(), ...categories.map((c) => c.items.get())]);
    // Credentials or endpoint failing for everything: say it once, with the next step.
    const failure = profileWideFailure(this.name, account, listings);
    if (failure) {
      if (this.accountId.peek() !== this.renderedAccount) await this.refreshRowWhenSettled([]);
      return profileFailureRows(this, this.name, failure, () => this.reload(), this.env.log);
    }
    if (this.accountId.peek() !== this.renderedAccount) await this.refreshRowWhenSettled(categories);
    return categories;
  }

  /**
   * The row shows the account id (or a warning), known only now: re-render it, but only after VS Code
   * has fetched the rows of the categories it opens. Refreshing the profile earlier makes VS Code drop
   * those in-flight requests ("No tree item with id ... found") and show them expanded but empty.
   */
  private async refreshRowWhenSettled(categories: Array<{ opensExpanded(): Promise<boolean>; onChildrenServed?: () => void }>): Promise<void> {
    const waiting = new Set<object>();
    for (const c of categories) if (await c.opensExpanded()) waiting.add(c);
    let fired = false;
    const fire = () => {
      if (fired) return;
      fired = true;
      for (const c of categories) c.onChildrenServed = undefined;
      clearTimeout(fallback);
      setTimeout(() => this.env.changed(this), 0);
    };
    // If the user collapses the profile at once, VS Code never asks: update the row anyway.
    const fallback = setTimeout(fire, 3000);
    if (waiting.size === 0) return fire();
    for (const c of categories) {
      if (!waiting.has(c)) continue;
      c.onChildrenServed = () => {
        waiting.delete(c);
        if (waiting.size === 0) fire();
      };
    }
  }

  /** Forget everything loaded for this profile (clients included) and load again when shown. */
  reload(): void {
    this.env.services().pool.invalidate(this.name);
    this.env.services().catalog.forget(this.name);
    this.accountId.reset();
    for (const c of [this.owned, this.shared, this.invitations, this.myShares]) {
      c?.reset();
    }
    this.env.changed(this);
  }

  /** What another account's change to a share alters here: Shared with me and Invitations. */
  reloadReceived(): void {
    if (this.accountId.peek() === undefined) {
      // Never expanded: nothing is shown, but the view's badge counts the invitations loaded in the background.
      if (this.invitations?.items.peek()) {
        this.invitations.reset();
        void this.invitations.items.get();
      }
      return;
    }
    this.shared?.reload();
    this.invitations?.reload();
  }
}
