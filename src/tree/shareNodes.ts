// "My shares (N)" under a profile: every RAM share the profile owns that holds feature groups or the
// catalog, each with its status and permission, and under it the groups and principals with their
// association status. The shares load with the profile (three calls, for the count); the permissions,
// one call per share, only when the category is opened.
import * as vscode from 'vscode';
import type { AccountContext, OwnedResourceShare, ShareAssociation, SharePermission } from '../aws/model';
import { Lazy } from '../util/lazy';
import { CategoryNode } from './categoryNodes';
import { shareContext, sharePrincipalContext, shareResourceContext } from './contextValues';
import { asCallError, ExplorerNode, markdown, type TreeEnv } from './node';
import {
  isCatalogShare,
  memberTooltip,
  mySharesSummary,
  principalDescription,
  principalKind,
  principalLabel,
  resourceDescription,
  resourceKind,
  resourceLabel,
  shareDescription,
  shareTooltip,
} from './shareLabels';

export class MySharesNode extends CategoryNode<OwnedResourceShare> {
  private readonly permissions: Lazy<Map<string, SharePermission[]>>;
  private permissionFailureLogged = false;

  constructor(env: TreeEnv, parent: ExplorerNode, context: AccountContext) {
    super(env, parent, context, 'myShares', 'My shares', 'GetResourceShares', () => env.services().sharing.listMyShares(context));
    this.permissions = new Lazy(async () => {
      const shares = (await this.loaded()) ?? [];
      return env.services().sharing.sharePermissions(context, shares.map((s) => s.arn));
    });
  }

  protected icon(): string {
    return 'live-share';
  }
  protected summary(shares: OwnedResourceShare[]): string | undefined {
    return mySharesSummary(shares);
  }
  protected emptyText(): string {
    return `This account shares nothing in ${this.context.region}. Share feature groups or the catalog from the context menu.`;
  }
  /** Collapsed at first: its rows cost one call per share. */
  protected override expandedWhen(): boolean {
    return false;
  }
  protected nodeFor(share: OwnedResourceShare): ExplorerNode {
    const outcome = this.permissions.peek();
    // Without the permissions the shares still show, as `permission unknown` (the log says why).
    return new ShareNode(this, { ...share, permissions: outcome?.ok ? outcome.value.get(share.arn) : undefined }, this.context);
  }

  protected override async rows(): Promise<ExplorerNode[]> {
    if ((await this.loaded())?.length) {
      const outcome = await this.permissions.get();
      if (!outcome.ok && !this.permissionFailureLogged) {
        this.permissionFailureLogged = true;
        this.env.log.warn(`Reading the permissions of ${this.context.profile.name}'s shares failed: ${asCallError(outcome.error, this.context.profile.name, 'ListResourceSharePermissions').message}`);
      }
    }
    return super.rows();
  }

  override reset(): void {
    super.reset();
    this.permissions.reset();
    this.permissionFailureLogged = false;
  }

  /** The share nodes, once loaded (the pickers reuse them). */
  async shareNodes(): Promise<ShareNode[] | undefined> {
    return (await this.loaded()) ? ((await this.rows()).filter((n) => n instanceof ShareNode) as ShareNode[]) : undefined;
  }
}

function shareIcon(share: OwnedResourceShare): vscode.ThemeIcon {
  if (share.status === 'FAILED' || [...share.resources, ...share.principals].some((a) => a.status === 'FAILED')) {
    return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  }
  return new vscode.ThemeIcon(isCatalogShare(share) ? 'search' : 'link');
}

export class ShareNode extends ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: MySharesNode,
    readonly share: OwnedResourceShare,
    /** The owner's context: changes to the share run as this profile. */
    readonly context: AccountContext,
  ) {
    super();
    this.id = `${parent.id}/${share.arn}`;
  }

  get isCatalogShare(): boolean {
    return isCatalogShare(this.share);
  }

  treeItem(): vscode.TreeItem {
    const empty = this.share.resources.length === 0 && this.share.principals.length === 0;
    const item = new vscode.TreeItem(this.share.name, empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = shareDescription(this.share, this.share.permissions);
    item.iconPath = shareIcon(this.share);
    item.contextValue = shareContext(this.share.status);
    item.tooltip = markdown(shareTooltip(this.share, this.share.permissions));
    return item;
  }

  override children(): Promise<ExplorerNode[]> {
    return Promise.resolve([
      ...this.share.resources.map((a) => new ShareMemberNode(this, 'resource', a)),
      ...this.share.principals.map((a) => new ShareMemberNode(this, 'principal', a)),
    ]);
  }
}

const PRINCIPAL_ICONS: Record<string, string> = {
  account: 'account',
  organization: 'organization',
  organizationalUnit: 'organization',
  iamRole: 'person',
  iamUser: 'person',
  other: 'question',
};

/** A group (or the catalog) or a principal of a share, with its association status. */
export class ShareMemberNode extends ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ShareNode,
    readonly type: 'resource' | 'principal',
    readonly association: ShareAssociation,
  ) {
    super();
    this.id = `${parent.id}/${type}/${association.entity}`;
  }

  get share(): OwnedResourceShare {
    return this.parent.share;
  }

  get context(): AccountContext {
    return this.parent.context;
  }

  /** The label the tree shows (a group name, an account id, `OU ou-…`). */
  get label(): string {
    return this.type === 'resource' ? resourceLabel(this.association.entity) : principalLabel(this.association.entity);
  }

  treeItem(): vscode.TreeItem {
    const a = this.association;
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    if (this.type === 'resource') {
      const kind = resourceKind(a.entity);
      item.description = resourceDescription(a);
      item.contextValue = shareResourceContext(kind, a.status);
      item.iconPath = new vscode.ThemeIcon(kind === 'catalog' ? 'search' : 'database');
    } else {
      const kind = principalKind(a.entity);
      item.description = principalDescription(a);
      item.contextValue = sharePrincipalContext(kind, a.status);
      item.iconPath = new vscode.ThemeIcon(PRINCIPAL_ICONS[kind] ?? 'account');
    }
    if (a.status === 'FAILED') item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    else if (a.status === 'ASSOCIATING' && this.type === 'principal') item.iconPath = new vscode.ThemeIcon('mail');
    else if (a.status === 'DISASSOCIATED') item.iconPath = new vscode.ThemeIcon('circle-slash');
    item.tooltip = markdown(memberTooltip(a, this.type));
    return item;
  }
}
