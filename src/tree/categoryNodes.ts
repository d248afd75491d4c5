// "Owned (N)", "Shared with me (N)" and "Invitations (N)" under a profile ("My shares" is in shareNodes.ts). Each loads every page
// of its listing once; a failure shows as an error row in place of the items, never elsewhere.
import * as vscode from 'vscode';
import type { AccountContext, FeatureGroupSummary, Invitation } from '../aws/model';
import { formatCategoryLabel } from '../util/format';
import { Lazy } from '../util/lazy';
import { categoryContext, type CategoryKind } from './contextValues';
import { FeatureGroupNode } from './featureGroupNode';
import { invitationsSummary, sharedSummary, sortInvitations } from './labels';
import { ErrorNode, InvitationNode, MessageNode } from './leafNodes';
import { asCallError, ExplorerNode, type TreeEnv } from './node';
import { nextStepRows } from '../profiles/profileFailure';

export abstract class CategoryNode<T> extends ExplorerNode {
  readonly id: string;
  readonly items: Lazy<T[]>;
  private nodes?: ExplorerNode[];
  /** Told each time VS Code has been given this category's rows (the profile waits for that). */
  onChildrenServed?: () => void;

  protected constructor(
    protected readonly env: TreeEnv,
    readonly parent: ExplorerNode,
    readonly context: AccountContext,
    readonly kind: CategoryKind,
    private readonly title: string,
    private readonly operation: string,
    load: () => Promise<T[]>,
  ) {
    super();
    this.id = `${parent.id}/${kind}`;
    this.items = new Lazy(async () => {
      const items = await load();
      this.nodes = undefined;
      return items;
    });
  }

  protected abstract icon(): string;
  protected abstract summary(items: T[]): string | undefined;
  protected abstract emptyText(): string;
  protected abstract nodeFor(item: T): ExplorerNode;
  protected expandedWhen(_items: T[]): boolean {
    return true;
  }

  async treeItem(): Promise<vscode.TreeItem> {
    const outcome = await this.items.get();
    const label = formatCategoryLabel(this.title, outcome.ok ? outcome.value.length : undefined);
    const expanded = await this.opensExpanded();
    const item = new vscode.TreeItem(label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = categoryContext(this.kind);
    if (outcome.ok) {
      item.description = this.summary(outcome.value);
      item.iconPath = new vscode.ThemeIcon(this.icon());
    } else {
      item.description = 'could not load';
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    }
    return item;
  }

  override async children(): Promise<ExplorerNode[]> {
    const rows = await this.rows();
    this.onChildrenServed?.();
    return rows;
  }

  protected async rows(): Promise<ExplorerNode[]> {
    const outcome = await this.items.get();
    if (!outcome.ok) {
      const error = asCallError(outcome.error, this.context.profile.name, this.operation);
      return [new ErrorNode(this, 'load', error, () => this.reload()), ...nextStepRows(this, this.context.profile.name, error, { listing: true })];
    }
    if (outcome.value.length === 0) return [new MessageNode(this, 'empty', this.emptyText())];
    this.nodes ??= outcome.value.map((item) => this.nodeFor(item));
    return this.nodes;
  }

  /** Whether the row is shown expanded at first (known once loaded): VS Code then asks for its rows. */
  async opensExpanded(): Promise<boolean> {
    const outcome = await this.items.get();
    return !outcome.ok || this.expandedWhen(outcome.value);
  }

  /** The loaded items, loading them if needed; undefined when the load failed (the row says why). */
  async loaded(): Promise<T[] | undefined> {
    const outcome = await this.items.get();
    return outcome.ok ? outcome.value : undefined;
  }

  /** Forget what was loaded (the next look loads again) without re-rendering. */
  reset(): void {
    this.items.reset();
    this.nodes = undefined;
  }

  reload(): void {
    this.reset();
    this.env.changed(this);
  }
}

export class OwnedGroupsNode extends CategoryNode<FeatureGroupSummary> {
  constructor(env: TreeEnv, parent: ExplorerNode, context: AccountContext) {
    super(env, parent, context, 'owned', 'Owned', 'ListFeatureGroups', () => env.services().catalog.listOwned(context));
  }
  protected icon(): string {
    return 'folder-library';
  }
  protected summary(): string | undefined {
    return undefined;
  }
  protected emptyText(): string {
    return `No feature groups in this account in ${this.context.region}.`;
  }
  protected nodeFor(group: FeatureGroupSummary): ExplorerNode {
    return new FeatureGroupNode(this.env, this, group, this.context);
  }
  /** The group nodes, once loaded (pickers reuse them so a describe is never repeated). */
  async groupNodes(): Promise<FeatureGroupNode[] | undefined> {
    return (await this.loaded()) ? ((await this.rows()).filter((n) => n instanceof FeatureGroupNode) as FeatureGroupNode[]) : undefined;
  }
}

export class SharedGroupsNode extends CategoryNode<FeatureGroupSummary> {
  constructor(env: TreeEnv, parent: ExplorerNode, context: AccountContext) {
    super(env, parent, context, 'shared', 'Shared with me', 'ListResources', () => env.services().catalog.listSharedWithMe(context));
  }
  protected icon(): string {
    return 'organization';
  }
  protected summary(groups: FeatureGroupSummary[]): string | undefined {
    return sharedSummary(groups);
  }
  protected emptyText(): string {
    return 'Nothing is shared with this account. Pending shares appear under Invitations.';
  }
  protected nodeFor(group: FeatureGroupSummary): ExplorerNode {
    return new FeatureGroupNode(this.env, this, group, this.context);
  }
  async groupNodes(): Promise<FeatureGroupNode[] | undefined> {
    return (await this.loaded()) ? ((await this.rows()).filter((n) => n instanceof FeatureGroupNode) as FeatureGroupNode[]) : undefined;
  }
}

export class InvitationsNode extends CategoryNode<Invitation> {
  constructor(env: TreeEnv, parent: ExplorerNode, context: AccountContext) {
    super(env, parent, context, 'invitations', 'Invitations', 'GetResourceShareInvitations', async () => {
      try {
        return sortInvitations(await env.services().sharing.listInvitations(context));
      } finally {
        // After this load has settled: the view's badge counts pending invitations of every profile.
        setTimeout(() => env.invitationsChanged?.(), 0);
      }
    });
  }
  protected icon(): string {
    return 'mail';
  }
  protected summary(invitations: Invitation[]): string | undefined {
    return invitationsSummary(invitations);
  }
  protected emptyText(): string {
    return 'No invitations. Shares within an Organization that has RAM sharing enabled arrive without one.';
  }
  protected nodeFor(invitation: Invitation): ExplorerNode {
    return new InvitationNode(this, invitation, this.context);
  }
  /** Collapsed unless something waits for an answer. */
  protected override expandedWhen(invitations: Invitation[]): boolean {
    return invitations.some((i) => i.status === 'PENDING');
  }
  async invitationNodes(): Promise<InvitationNode[] | undefined> {
    return (await this.loaded()) ? ((await this.rows()).filter((n) => n instanceof InvitationNode) as InvitationNode[]) : undefined;
  }
}
