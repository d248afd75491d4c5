// Delete a share the profile owns, after a modal confirmation that says who loses what. RAM is asked
// afterwards whether the share is really deleted.
import * as vscode from 'vscode';
import type { ResourceShareSummary } from '../aws/model';
import type { ShareNode } from '../tree/shareNodes';
import { principalLabel, resourceLabel } from '../tree/shareLabels';
import { reportError, UserError } from '../util/errors';
import { AwsCallError } from '../aws/errors';
import type { CommandEnv } from './env';
import { chooseShare, isShareRefArgs, refuse } from './sharePickers';
import { refreshAfterShareChange } from './shareRefresh';
import { confirmModal } from './shareSteps';

export type DeleteShareOutcome =
  | { status: 'deleted'; share: ResourceShareSummary }
  | { status: 'invalid'; message: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string; code?: string };

const LIVE = new Set(['ASSOCIATED', 'ASSOCIATING']);

/** Who loses what, in one sentence for the confirmation. */
export function deleteConsequence(node: Pick<ShareNode, 'share'>): string {
  const principals = node.share.principals.filter((p) => LIVE.has(p.status)).map((p) => principalLabel(p.entity));
  const resources = node.share.resources.filter((r) => LIVE.has(r.status)).map((r) => resourceLabel(r.entity));
  const who = principals.length === 0 ? 'No principal has access through it now' : `${principals.join(', ')} lose${principals.length === 1 ? 's' : ''} access`;
  const what = resources.length === 0 ? '' : ` to ${resources.join(', ')}`;
  return `${who}${principals.length ? what : ''} at once; pending invitations are withdrawn. This cannot be undone: sharing again creates a new share and sends new invitations.`;
}

export async function deleteShare(env: CommandEnv, arg?: unknown): Promise<DeleteShareOutcome> {
  let node: ShareNode | undefined;
  try {
    node = await chooseShare(env, arg, 'Delete Share', (n) => n.share.status !== 'DELETED' && n.share.status !== 'DELETING');
    if (!node) return { status: 'cancelled' };
    const share = node.share;
    const confirm = isShareRefArgs(arg) ? arg.confirm : undefined;
    if (confirm !== false && !(await confirmModal(`Delete the share "${share.name}"?`, deleteConsequence(node), 'Delete Share'))) return { status: 'cancelled' };
    const ctx = node.context;
    const deleted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deleting "${share.name}"…` }, () =>
      env.services().sharing.deleteShare(ctx, share.arn),
    );
    env.log.info(`Profile ${ctx.profile.name} deleted resource share ${share.arn} (status now ${deleted.status}).`);
    void vscode.window.showInformationMessage(`Deleted the share "${share.name}". Its principals no longer have the access it gave.`);
    await refreshAfterShareChange(env, node, share.principals.map((p) => p.entity));
    return { status: 'deleted', share: deleted };
  } catch (err) {
    if (err instanceof UserError) return refuse(err.message);
    if (node && err instanceof AwsCallError) await refreshAfterShareChange(env, node, []);
    return { status: 'failed', message: reportError(env.log, 'Deleting the share', err), code: err instanceof AwsCallError ? err.code : undefined };
  }
}
