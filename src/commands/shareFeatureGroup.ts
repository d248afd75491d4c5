// Share an owned feature group with other accounts through AWS RAM:
// group → managed permission → account ids (checked while typing) → modal confirmation → CreateResourceShare.
import * as vscode from 'vscode';
import type { AccountContext, FeatureGroupSummary, ManagedPermission } from '../aws/model';
import { FeatureGroupNode } from '../tree/featureGroupNode';
import { reportError, UserError } from '../util/errors';
import type { CommandEnv } from './env';
import { findFeatureGroup, pickAfterLoading, pickFeatureGroup, pickProfile, profileOf } from './pickers';
import {
  accountsOrProblem,
  findPermission,
  isShareArgs,
  notOwnedMessage,
  permissionExplanation,
  permissionLabel,
  shareConfirmation,
  shareResultMessage,
  type ShareArgs,
  type ShareOutcome,
} from './sharePlan';

const TITLE = 'Share Feature Group';

function refuse(message: string): ShareOutcome {
  void vscode.window.showErrorMessage(message);
  return { status: 'invalid', message };
}

async function chooseGroup(env: CommandEnv, arg: unknown): Promise<FeatureGroupNode | undefined> {
  if (arg instanceof FeatureGroupNode) return arg;
  if (isShareArgs(arg)) return findFeatureGroup(env, arg.profile, arg.featureGroup);
  const profile = await pickProfile(env, { title: TITLE });
  if (!profile) return undefined;
  return pickFeatureGroup(
    profile,
    { includeShared: false, accept: (g) => g.access === 'owner' },
    { title: `${TITLE}: ${profile.name}` },
    `Profile ${profile.name} owns no feature groups in ${profile.region}.`,
  );
}

function pickPermission(env: CommandEnv, ctx: AccountContext, group: FeatureGroupSummary): Promise<ManagedPermission | undefined> {
  return pickAfterLoading(
    { title: `${TITLE}: ${group.name}`, step: 1, totalSteps: 2 },
    'What may the other accounts do with this feature group?',
    async () =>
      (await env.services().sharing.listFeatureGroupPermissions(ctx)).map((p) => ({
        label: permissionLabel(p),
        description: p.name,
        detail: permissionExplanation(p),
        value: p,
      })),
    'RAM lists no managed permissions for feature groups in this region.',
  );
}

async function askAccounts(group: FeatureGroupSummary, ownAccountId: string): Promise<string[] | undefined> {
  const check = (text: string) => {
    const r = accountsOrProblem(text, ownAccountId);
    return 'problem' in r ? { message: r.problem, severity: vscode.InputBoxValidationSeverity.Error } : undefined;
  };
  const text = await vscode.window.showInputBox({
    title: `${TITLE}: ${group.name}`,
    prompt: 'AWS account ids to share with (12 digits each; separate several with commas or spaces)',
    placeHolder: 'e.g. 222222222222, 333333333333',
    ignoreFocusOut: true,
    validateInput: check,
  });
  if (text === undefined) return undefined;
  const r = accountsOrProblem(text, ownAccountId);
  return 'ids' in r ? r.ids : undefined;
}

/**
 * The command. `arg` is a tree node, a ShareArgs object (no dialogs except the confirmation, which
 * `confirm: false` skips), or nothing (QuickPick walk). Returns what happened, for callers and tests.
 */
export async function shareFeatureGroup(env: CommandEnv, arg?: unknown): Promise<ShareOutcome> {
  const args: ShareArgs | undefined = isShareArgs(arg) ? arg : undefined;
  try {
    const node = await chooseGroup(env, arg);
    if (!node) return { status: 'cancelled' };
    const group = node.summary;
    const ctx = node.context;
    if (group.access !== 'owner') return refuse(notOwnedMessage(group, ctx.profile.name));
    const { sharing, catalog } = env.services();

    let permission: ManagedPermission | undefined;
    if (args) {
      if (!args.permission) return refuse('Name the permission to grant: ReadOnly, ReadWrite or Admin.');
      const permissions = await sharing.listFeatureGroupPermissions(ctx);
      permission = findPermission(permissions, args.permission);
      if (!permission) {
        return refuse(`No feature-group permission matches "${args.permission}". Available: ${permissions.map((p) => p.name).join(', ') || 'none'}.`);
      }
    } else {
      permission = await pickPermission(env, ctx, group);
      if (!permission) return { status: 'cancelled' };
    }

    const ownAccountId = await catalog.callerAccountId(ctx);
    let accounts: string[] | undefined;
    if (args) {
      const r = accountsOrProblem(args.accounts, ownAccountId);
      if ('problem' in r) return refuse(r.problem);
      accounts = r.ids;
    } else {
      accounts = await askAccounts(group, ownAccountId);
      if (!accounts) return { status: 'cancelled' };
    }

    if (args?.confirm !== false) {
      const text = shareConfirmation(group, permission, accounts);
      const choice = await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, 'Share');
      if (choice !== 'Share') return { status: 'cancelled' };
    }

    const chosen = permission;
    const principals = accounts;
    const share = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sharing ${group.name} with ${principals.join(', ')}…` },
      () => sharing.shareFeatureGroup(ctx, { featureGroupArn: group.arn, permissionArn: chosen.arn, principals }),
    );
    env.log.info(`Profile ${ctx.profile.name} shared ${group.arn} with ${principals.join(', ')} using ${chosen.name} (resource share ${share.arn}).`);
    void vscode.window.showInformationMessage(shareResultMessage(group, chosen, principals, share));
    const profile = profileOf(node);
    if (profile) env.tree.refresh(profile);
    return { status: 'shared', share, accounts: principals, permissionArn: chosen.arn };
  } catch (err) {
    if (err instanceof UserError) return refuse(err.message);
    return { status: 'failed', message: reportError(env.log, 'Sharing the feature group', err) };
  }
}
