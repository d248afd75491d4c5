// A feature group row. Its definition (DescribeFeatureGroup) is fetched when the row is expanded or
// hovered, once, and kept until the profile is refreshed.
import * as vscode from 'vscode';
import type { AccountContext, FeatureGroupDetail, FeatureGroupSummary } from '../aws/model';
import { Lazy } from '../util/lazy';
import { featureGroupContext } from './contextValues';
import { featureGroupDescription } from './labels';
import { ErrorNode, FeatureNode, MessageNode } from './leafNodes';
import { asCallError, ExplorerNode, markdown, type TreeEnv } from './node';
import { featureGroupTooltip } from './tooltips';

const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'AccessForbidden']);

function groupIcon(group: FeatureGroupSummary): vscode.ThemeIcon {
  switch (group.access) {
    case 'owner':
      return new vscode.ThemeIcon('database');
    case 'discoverOnly':
      return new vscode.ThemeIcon('eye');
    case 'readOnly':
      return new vscode.ThemeIcon('database', new vscode.ThemeColor('descriptionForeground'));
    default:
      return new vscode.ThemeIcon('database', new vscode.ThemeColor('charts.blue'));
  }
}

export class FeatureGroupNode extends ExplorerNode {
  readonly id: string;
  readonly detail: Lazy<FeatureGroupDetail>;

  constructor(
    private readonly env: TreeEnv,
    readonly parent: ExplorerNode,
    readonly summary: FeatureGroupSummary,
    readonly context: AccountContext,
  ) {
    super();
    this.id = `${parent.id}/${summary.arn}`;
    this.detail = new Lazy(() => env.services().catalog.describe(context, summary.arn, summary.access));
  }

  get profileName(): string {
    return this.context.profile.name;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.summary.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = featureGroupDescription(this.summary);
    item.iconPath = groupIcon(this.summary);
    item.contextValue = featureGroupContext(this.summary.access);
    const loaded = this.detail.peek();
    // Left undefined until described: VS Code calls resolveTreeItem on hover only for a missing tooltip.
    if (loaded?.ok) item.tooltip = markdown(featureGroupTooltip(this.summary, loaded.value));
    else if (this.summary.access === 'discoverOnly') item.tooltip = markdown(featureGroupTooltip(this.summary));
    return item;
  }

  override async resolve(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    if (item.tooltip === undefined) {
      const outcome = await this.detail.get();
      item.tooltip = markdown(featureGroupTooltip(this.summary, outcome.ok ? outcome.value : undefined));
    }
    return item;
  }

  override async children(): Promise<ExplorerNode[]> {
    const outcome = await this.detail.get();
    if (outcome.ok) {
      const group = outcome.value;
      if (group.features.length === 0) return [new MessageNode(this, 'empty', 'This feature group has no feature definitions.')];
      return group.features.map((def) => new FeatureNode(this, def, group));
    }
    const error = asCallError(outcome.error, this.profileName, 'DescribeFeatureGroup');
    this.env.log.warn(`Describe ${this.summary.arn} as ${this.profileName}: ${error.code}: ${error.message}`);
    if (this.summary.access === 'discoverOnly' && ACCESS_DENIED.has(error.code)) {
      // Expected, not a failure: the catalog share lets you find the group, not read it.
      return [new MessageNode(this, 'discoverOnly', error.userMessage, undefined, 'lock')];
    }
    return [new ErrorNode(this, 'describe', error, () => this.reload())];
  }

  reload(): void {
    this.detail.reset();
    this.env.changed(this);
  }
}
