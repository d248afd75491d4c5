// Share owned feature groups through AWS RAM, one share for all of them:
// (profile → groups, checked) → managed permission → principals (checked while typing) →
// who may be a principal (allowExternalPrincipals) → modal confirmation → CreateResourceShare →
// the associations read back: who has access now, who was invited, who failed.
import * as vscode from 'vscode';
import { AwsCallError } from '../aws/errors';
import type { ManagedPermission } from '../aws/model';
import { FeatureGroupNode } from '../tree/featureGroupNode';
import { ExplorerNode } from '../tree/node';
import type { ProfileNode } from '../tree/profileNode';
import { reportError, UserError } from '../util/errors';
import type { CommandEnv } from './env';
import { findFeatureGroup, pickProfile, profileOf, type StepInfo } from './pickers';
import { refuse } from './sharePickers';
import {
  findPermission,
  groupsOfArgs,
  groupsPhrase,
  isShareArgs,
  notOwnedMessage,
  principalsOrProblem,
  shareConfirmation,
  shareResultMessage,
  type ShareOutcome,
} from './sharePlan';
import { refreshAfterShareChange } from './shareRefresh';
import { askPrincipals, confirmModal, EmptyChoice, pickAudience, pickOwnedGroups, pickPermission } from './shareSteps';

/** "Share Feature Group…" on one group: no group step. */
export function shareFeatureGroup(env: CommandEnv, arg?: unknown): Promise<ShareOutcome> {
  return shareGroups(env, arg, false);
}

/** "Share Feature Groups…": check several groups for one share (the group given, if any, starts checked). */
export function shareFeatureGroups(env: CommandEnv, arg?: unknown): Promise<ShareOutcome> {
  return shareGroups(env, arg, true);
}

async function chooseGroups(env: CommandEnv, arg: unknown, many: boolean, title: string, step: (n: number) => StepInfo): Promise<FeatureGroupNode[] | undefined> {
  if (isShareArgs(arg)) return Promise.all(groupsOfArgs(arg).map((g) => findFeatureGroup(env, arg.profile, g)));
  if (arg instanceof FeatureGroupNode && !many) return [arg];
  const start = arg instanceof FeatureGroupNode ? arg : undefined;
  const profile: ProfileNode | undefined = arg instanceof ExplorerNode ? profileOf(arg) : await pickProfile(env, { title });
  if (!profile) return undefined;
  return pickOwnedGroups(profile, step(1), start ? [start.summary.arn] : []);
}

/**
 * The command. `arg` is a tree node (a group, the Owned or My shares category), a ShareArgs object
 * (no dialogs except the confirmation, which `confirm: false` skips), or nothing (QuickPick walk).
 * Returns what happened, for callers and tests.
 */
async function shareGroups(env: CommandEnv, arg: unknown, many: boolean): Promise<ShareOutcome> {
  const args = isShareArgs(arg) ? arg : undefined;
  const title = many ? 'Share Feature Groups' : 'Share Feature Group';
  // A walk that starts with the groups has one step more.
  const withGroupStep = !args && (many || !(arg instanceof FeatureGroupNode));
  const total = withGroupStep ? 4 : 3;
  const step = (n: number): StepInfo => ({ title, step: withGroupStep ? n : n - 1, totalSteps: total });
  let owner: ProfileNode | undefined;
  let principals: string[] = [];
  try {
    const nodes = await chooseGroups(env, arg, many, title, step);
    if (!nodes) return { status: 'cancelled' };
    if (nodes.length === 0) return refuse('Name at least one feature group to share.');
    const notOwned = nodes.find((n) => n.summary.access !== 'owner');
    if (notOwned) return refuse(notOwnedMessage(notOwned.summary, notOwned.context.profile.name));
    const ctx = nodes[0].context;
    owner = profileOf(nodes[0]);
    const groups = nodes.map((n) => n.summary);
    const what = groupsPhrase(groups.map((g) => g.name));
    const { sharing, catalog } = env.services();
    const stepTitle = (n: number): StepInfo => ({ ...step(n), title: `${title}: ${what}` });

    let permission: ManagedPermission | undefined;
    if (args) {
      if (!args.permission) return refuse('Name the permission to grant: ReadOnly, ReadWrite or Admin.');
      const permissions = await sharing.listFeatureGroupPermissions(ctx);
      permission = findPermission(permissions, args.permission);
      if (!permission) return refuse(`No feature-group permission matches "${args.permission}". Available: ${permissions.map((p) => p.name).join(', ') || 'none'}.`);
    } else {
      permission = await pickPermission(env, ctx, stepTitle(2));
      if (!permission) return { status: 'cancelled' };
    }

    const ownAccountId = await catalog.callerAccountId(ctx);
    if (args) {
      const r = principalsOrProblem(args.principals ?? args.accounts, ownAccountId);
      if ('problem' in r) return refuse(r.problem);
      principals = r.principals;
    } else {
      const typed = await askPrincipals(stepTitle(3), ownAccountId, 'Share with: AWS account ids (12 digits), or organization, OU, IAM role or IAM user ARNs. Separate several with commas or spaces.');
      if (!typed) return { status: 'cancelled' };
      principals = typed;
    }

    let allowExternalPrincipals: boolean | undefined = args ? (args.allowExternalPrincipals ?? true) : undefined;
    if (allowExternalPrincipals === undefined) {
      allowExternalPrincipals = await pickAudience(stepTitle(4));
      if (allowExternalPrincipals === undefined) return { status: 'cancelled' };
    }

    if (args?.confirm !== false) {
      const text = shareConfirmation(groups, permission, principals, allowExternalPrincipals);
      if (!(await confirmModal(text.message, text.detail, 'Share'))) return { status: 'cancelled' };
    }

    const chosen = permission;
    const external = allowExternalPrincipals;
    const change = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sharing ${what}…` },
      () => sharing.shareFeatureGroups(ctx, { featureGroupArns: groups.map((g) => g.arn), permissionArn: chosen.arn, principals, allowExternalPrincipals: external, shareName: args?.shareName }),
    );
    env.log.info(`Profile ${ctx.profile.name} shared ${groups.map((g) => g.arn).join(', ')} with ${principals.join(', ')} using ${chosen.name} (resource share ${change.share.arn}; ${change.principals.map((p) => `${p.entity} ${p.status}`).join(', ')}).`);
    void vscode.window.showInformationMessage(shareResultMessage(what, change, chosen));
    await refreshAfterShareChange(env, owner, principals);
    return { status: 'shared', share: change.share, accounts: principals, permissionArn: chosen.arn, principals: change.principals, resources: change.resources };
  } catch (err) {
    if (err instanceof UserError || err instanceof EmptyChoice) return refuse(err.message);
    // A share RAM created only in part exists all the same: show it.
    if (err instanceof AwsCallError && err.code === 'AssociationFailed') await refreshAfterShareChange(env, owner, principals);
    return { status: 'failed', message: reportError(env.log, 'Sharing the feature groups', err), code: err instanceof AwsCallError ? err.code : undefined };
  }
}
