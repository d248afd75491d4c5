// Rows without children of their own: features, invitations, errors and hints.
import * as vscode from 'vscode';
import type { AccountContext, FeatureDefinition, FeatureGroupDetail, Invitation } from '../aws/model';
import { errorContext, featureContext, invitationContext, messageContext, type FeatureRole } from './contextValues';
import { featureDescription, featureRole, invitationDescription } from './labels';
import { ExplorerNode, markdown } from './node';
import { errorTooltip, featureTooltip, invitationTooltip } from './tooltips';

export const RETRY_COMMAND = 'featureStoreExplorer.retry';

function featureIcon(def: FeatureDefinition, role: FeatureRole): vscode.ThemeIcon {
  if (role === 'recordIdentifier') return new vscode.ThemeIcon('key');
  if (role === 'eventTime') return new vscode.ThemeIcon('clock');
  if (def.collection) return new vscode.ThemeIcon('symbol-array');
  return new vscode.ThemeIcon(def.type === 'String' ? 'symbol-string' : 'symbol-number');
}

export class FeatureNode extends ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    readonly definition: FeatureDefinition,
    readonly group: FeatureGroupDetail,
  ) {
    super();
    this.id = `${parent.id}/feature/${definition.name}`;
  }

  treeItem(): vscode.TreeItem {
    const role = featureRole(this.definition, this.group);
    const item = new vscode.TreeItem(this.definition.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = featureDescription(this.definition, role);
    item.iconPath = featureIcon(this.definition, role);
    item.contextValue = featureContext(role);
    item.tooltip = markdown(featureTooltip(this.definition, this.group));
    return item;
  }
}

const INVITATION_ICONS: Record<Invitation['status'], string> = {
  PENDING: 'mail',
  ACCEPTED: 'pass',
  REJECTED: 'circle-slash',
  EXPIRED: 'history',
};

export class InvitationNode extends ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    readonly invitation: Invitation,
    /** The receiving profile's context: accepting and rejecting run as that profile. */
    readonly context: AccountContext,
  ) {
    super();
    this.id = `${parent.id}/${invitation.arn}`;
  }

  treeItem(): vscode.TreeItem {
    const inv = this.invitation;
    const item = new vscode.TreeItem(inv.resourceShareName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = invitationDescription(inv);
    item.iconPath = new vscode.ThemeIcon(INVITATION_ICONS[inv.status]);
    item.contextValue = invitationContext(inv.status);
    item.tooltip = markdown(invitationTooltip(inv));
    return item;
  }
}

export interface ErrorInfo {
  userMessage: string;
  code?: string;
  operation?: string;
  profile?: string;
}

/** A failed load, in place of what could not be listed. Clicking it retries when `retry` is set. */
export class ErrorNode extends ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode | undefined,
    idSuffix: string,
    readonly error: ErrorInfo,
    readonly retry?: () => void,
    /** What a click does when there is nothing to retry (e.g. open the AWS config file). */
    readonly action?: vscode.Command,
  ) {
    super();
    this.id = `${parent?.id ?? 'root'}/error/${idSuffix}`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.error.userMessage, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = errorContext(!!this.retry);
    item.tooltip = markdown(errorTooltip(this.error, !!this.retry));
    if (this.retry) item.command = { command: RETRY_COMMAND, title: 'Retry', arguments: [this] };
    else if (this.action) item.command = this.action;
    return item;
  }
}

/** A hint such as "Nothing is shared with this account yet". */
export class MessageNode extends ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode | undefined,
    idSuffix: string,
    readonly text: string,
    readonly action?: vscode.Command,
    readonly icon = 'info',
  ) {
    super();
    this.id = `${parent?.id ?? 'root'}/message/${idSuffix}`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = messageContext;
    item.tooltip = this.text;
    if (this.action) item.command = this.action;
    return item;
  }
}
