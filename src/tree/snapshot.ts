// A plain copy of what the tree shows (labels, descriptions, contextValues), loading as it goes.
// The extension-host tests assert on it; it reads the same provider methods VS Code calls.
import * as vscode from 'vscode';
import type { ExplorerNode } from './node';

export interface TreeSnapshotNode {
  label: string;
  description?: string;
  contextValue?: string;
  children?: TreeSnapshotNode[];
}

interface Provider {
  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
  getTreeItem(node: ExplorerNode): vscode.TreeItem | Promise<vscode.TreeItem>;
}

function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** `depth` 1 = profiles, 2 = + categories, 3 = + groups and invitations, 4 = + features. */
export async function snapshotTree(provider: Provider, depth: number, node?: ExplorerNode): Promise<TreeSnapshotNode[]> {
  const children = await provider.getChildren(node);
  return Promise.all(
    children.map(async (child) => {
      // Children first: a row's own text can depend on what loading them learned (a profile's account id).
      const first = await provider.getTreeItem(child);
      const expandable = first.collapsibleState !== vscode.TreeItemCollapsibleState.None;
      const children = depth > 1 && expandable ? await snapshotTree(provider, depth - 1, child) : undefined;
      const item = children ? await provider.getTreeItem(child) : first;
      const out: TreeSnapshotNode = { label: labelOf(item) };
      if (typeof item.description === 'string') out.description = item.description;
      if (item.contextValue) out.contextValue = item.contextValue;
      if (children) out.children = children;
      return out;
    }),
  );
}

/** One root (by label) with `depth` levels (1 = the root row only), loading nothing of the other roots. */
export async function snapshotRoot(provider: Provider, label: string, depth: number): Promise<TreeSnapshotNode | undefined> {
  for (const root of await provider.getChildren()) {
    if (labelOf(await provider.getTreeItem(root)) !== label) continue;
    const children = depth > 1 ? await snapshotTree(provider, depth - 1, root) : undefined;
    const item = await provider.getTreeItem(root);
    const out: TreeSnapshotNode = { label: labelOf(item) };
    if (typeof item.description === 'string') out.description = item.description;
    if (item.contextValue) out.contextValue = item.contextValue;
    if (children) out.children = children;
    return out;
  }
  return undefined;
}
