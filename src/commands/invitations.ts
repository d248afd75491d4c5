// Accept or reject a RAM invitation received by a profile. Rejecting is confirmed first: only the
// owner can undo it, by sharing again.
import * as vscode from 'vscode';
import type { Invitation } from '../aws/model';
import { InvitationNode } from '../tree/leafNodes';
import { reportError, UserError } from '../util/errors';
import type { CommandEnv } from './env';
import { findInvitation, pickInvitation, pickProfile, profileOf } from './pickers';

/** What a caller may pass instead of a tree node. */
export interface InvitationArgs {
  profile: string;
  invitationArn: string;
  /** false skips the confirmation of a reject (default true). */
  confirm?: boolean;
}

export type InvitationOutcome =
  | { status: 'accepted' | 'rejected'; invitation: Invitation }
  | { status: 'invalid'; message: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

export function isInvitationArgs(v: unknown): v is InvitationArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return typeof a.profile === 'string' && typeof a.invitationArn === 'string' && (a.confirm === undefined || typeof a.confirm === 'boolean');
}

async function chooseInvitation(env: CommandEnv, arg: unknown, title: string): Promise<InvitationNode | undefined> {
  if (arg instanceof InvitationNode) return arg;
  if (isInvitationArgs(arg)) return findInvitation(env, arg.profile, arg.invitationArn);
  const profile = await pickProfile(env, { title });
  return profile ? pickInvitation(profile, { title: `${title}: ${profile.name}` }) : undefined;
}

async function answer(env: CommandEnv, arg: unknown, accept: boolean): Promise<InvitationOutcome> {
  const title = accept ? 'Accept Invitation' : 'Reject Invitation';
  try {
    const node = await chooseInvitation(env, arg, title);
    if (!node) return { status: 'cancelled' };
    const inv = node.invitation;
    if (inv.status === 'EXPIRED') {
      throw new UserError(`The invitation to "${inv.resourceShareName}" from ${inv.senderAccountId} has expired and can no longer be answered. Ask the owner (${inv.senderAccountId}) to add your account to the share again: RAM then sends a new invitation.`);
    }
    if (inv.status !== 'PENDING') throw new UserError(`The invitation to "${inv.resourceShareName}" is already ${inv.status.toLowerCase()}.`);
    if (!accept && !(isInvitationArgs(arg) && arg.confirm === false)) {
      const choice = await vscode.window.showWarningMessage(
        `Reject the share "${inv.resourceShareName}" from account ${inv.senderAccountId}?`,
        { modal: true, detail: 'You will not get access to its feature groups. Only the owner can undo this, by sharing again.' },
        'Reject',
      );
      if (choice !== 'Reject') return { status: 'cancelled' };
    }
    const { sharing } = env.services();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${accept ? 'Accepting' : 'Rejecting'} "${inv.resourceShareName}"…` },
      () => (accept ? sharing.acceptInvitation(node.context, inv.arn, inv.resourceShareName) : sharing.rejectInvitation(node.context, inv.arn, inv.resourceShareName)),
    );
    env.log.info(`Profile ${node.context.profile.name} ${accept ? 'accepted' : 'rejected'} invitation ${inv.arn} from ${inv.senderAccountId}.`);
    void vscode.window.showInformationMessage(
      accept
        ? `Accepted "${inv.resourceShareName}" from ${inv.senderAccountId}. Its feature groups appear under Shared with me.`
        : `Rejected "${inv.resourceShareName}" from ${inv.senderAccountId}.`,
    );
    const profile = profileOf(node);
    if (profile) env.tree.refresh(profile);
    await refreshSender(env, inv.senderAccountId);
    return { status: accept ? 'accepted' : 'rejected', invitation: result };
  } catch (err) {
    if (err instanceof UserError) {
      void vscode.window.showErrorMessage(err.message);
      return { status: 'invalid', message: err.message };
    }
    return { status: 'failed', message: reportError(env.log, accept ? 'Accepting the invitation' : 'Rejecting the invitation', err) };
  }
}

/** The sender's "My shares", when its profile is in the view, shows the answer at once. */
async function refreshSender(env: CommandEnv, senderAccountId: string): Promise<void> {
  for (const p of await env.tree.profileNodes()) {
    if (p.knownAccountId() === senderAccountId) p.myShares?.reload();
  }
}

export function acceptInvitation(env: CommandEnv, arg?: unknown): Promise<InvitationOutcome> {
  return answer(env, arg, true);
}

export function rejectInvitation(env: CommandEnv, arg?: unknown): Promise<InvitationOutcome> {
  return answer(env, arg, false);
}
