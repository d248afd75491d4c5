// How the share commands find the share to act on without a tree node: a QuickPick of the profile's
// "My shares", or a lookup by ARN or name for callers that pass arguments. Both reuse the tree's
// loaded listing, so a pick never repeats an AWS call the tree made.
import * as vscode from 'vscode';
import type { ProfileNode } from '../tree/profileNode';
import { ShareNode } from '../tree/shareNodes';
import { shareDescription } from '../tree/shareLabels';
import { UserError } from '../util/errors';
import type { CommandEnv } from './env';
import { findProfile, pickAfterLoading, pickProfile, type StepInfo } from './pickers';

async function shareNodesOf(profile: ProfileNode): Promise<ShareNode[]> {
  const category = profile.myShares;
  if (!category) return [];
  const outcome = await category.items.get();
  if (!outcome.ok) throw outcome.error;
  return (await category.shareNodes()) ?? [];
}

export async function pickShare(profile: ProfileNode, step: StepInfo, accept: (n: ShareNode) => boolean = () => true): Promise<ShareNode | undefined> {
  return pickAfterLoading(
    step,
    `Choose a share of profile ${profile.name}`,
    async () =>
      (await shareNodesOf(profile)).filter(accept).map((n) => ({
        label: n.share.name,
        description: shareDescription(n.share, n.share.permissions),
        detail: `${n.share.resources.length} resource${n.share.resources.length === 1 ? '' : 's'} · ${n.share.principals.length} principal${n.share.principals.length === 1 ? '' : 's'}`,
        value: n,
      })),
    `Profile ${profile.name} owns no share that fits.`,
  );
}

/** A share of the profile by ARN or name. */
export async function findShare(env: CommandEnv, profileName: string, arnOrName: string): Promise<ShareNode> {
  const profile = await findProfile(env, profileName);
  const nodes = await shareNodesOf(profile);
  const found = nodes.find((n) => n.share.arn === arnOrName) ?? nodes.find((n) => n.share.name === arnOrName);
  if (!found) throw new UserError(`Profile ${profileName} owns no share "${arnOrName}". Refresh My shares; it may have been deleted.`);
  return found;
}

/** The share a command acts on: the node given, the one args name, or a pick (profile → share). */
export async function chooseShare(
  env: CommandEnv,
  arg: unknown,
  title: string,
  accept: (n: ShareNode) => boolean = () => true,
): Promise<ShareNode | undefined> {
  if (arg instanceof ShareNode) return arg;
  if (isShareRefArgs(arg)) return findShare(env, arg.profile, arg.share);
  const profile = await pickProfile(env, { title });
  if (!profile) return undefined;
  return pickShare(profile, { title: `${title}: ${profile.name}` }, accept);
}

/** Arguments that name a share: the profile that owns it and its ARN or name. */
export interface ShareRefArgs {
  profile: string;
  share: string;
  /** false skips the confirmation (default true). */
  confirm?: boolean;
}

export function isShareRefArgs(v: unknown): v is ShareRefArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return typeof a.profile === 'string' && typeof a.share === 'string' && (a.confirm === undefined || typeof a.confirm === 'boolean');
}

/** Shows a refusal (nothing was sent) and returns it as an outcome. */
export function refuse(message: string): { status: 'invalid'; message: string } {
  void vscode.window.showErrorMessage(message);
  return { status: 'invalid', message };
}
