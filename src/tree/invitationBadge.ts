// The number of pending invitations, over every profile, as the badge of the Feature Store view: an
// invitation expires after 7 days, so it should be seen without expanding each profile.
import * as vscode from 'vscode';
import type { FeatureStoreTreeProvider } from './provider';

export function pendingBadgeTooltip(n: number): string {
  return `${n} pending invitation${n === 1 ? '' : 's'} to accept or reject`;
}

export function trackInvitationBadge(tree: FeatureStoreTreeProvider, view: vscode.TreeView<unknown>): vscode.Disposable {
  let disposed = false;
  let shown = -1;
  const update = async () => {
    const n = await tree.pendingInvitationCount();
    if (disposed || n === shown) return;
    shown = n;
    view.badge = n > 0 ? { value: n, tooltip: pendingBadgeTooltip(n) } : undefined;
  };
  // Once the view has been shown, the profile list is known: count every profile's invitations.
  const load = () => void tree.loadInvitations().then(update, update);
  const subscriptions = [
    tree.onDidChangeInvitations(() => void update()),
    // A whole-tree refresh makes new profile nodes: count their invitations again.
    tree.onDidChangeTreeData((node) => {
      if (node === undefined && view.visible) load();
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible) load();
    }),
  ];
  if (view.visible) load();
  return new vscode.Disposable(() => {
    disposed = true;
    for (const s of subscriptions) s.dispose();
  });
}
