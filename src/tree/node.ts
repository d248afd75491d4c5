// The base of every tree node and what nodes need from the outside. Nodes hold domain objects
// (src/aws/model) and build their TreeItem on demand; the provider only dispatches.
import * as vscode from 'vscode';
import { AwsCallError, toAwsCallError } from '../aws/errors';
import type { Services } from '../util/services';
import { renderTooltipMarkdown, type TooltipContent } from './tooltips';

export interface TreeEnv {
  services(): Services;
  log: vscode.LogOutputChannel;
  /** Re-render a node (and its children if expanded); undefined = the whole tree. */
  changed(node: ExplorerNode | undefined): void;
  /** A profile's invitations were (re)loaded: the view's badge counts them. */
  invitationsChanged?(): void;
}

export abstract class ExplorerNode {
  /** Unique in the tree and stable across refreshes, so VS Code keeps expansion state. */
  abstract readonly id: string;
  abstract readonly parent: ExplorerNode | undefined;

  abstract treeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;

  children(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }

  /** Called when the row is hovered: fill in what is expensive to know (tooltips after describe). */
  resolve(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    return Promise.resolve(item);
  }
}

export function markdown(content: TooltipContent): vscode.MarkdownString {
  const md = new vscode.MarkdownString(renderTooltipMarkdown(content));
  // Data from AWS is escaped already; keep every other door shut too.
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/** Any failure as an AwsCallError, so error nodes always have a sentence, a code and an operation. */
export function asCallError(err: unknown, profile: string, operation: string): AwsCallError {
  return err instanceof AwsCallError ? err : toAwsCallError(err, { profile, operation });
}
