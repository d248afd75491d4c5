// Share the feature group catalog of a profile's account and region (discoverability):
// profile → what it grants and what not → principals → who may be a principal → modal confirmation →
// ListResourceCatalogs, ListPermissions (CatalogResourceSearch), CreateResourceShare → associations.
import * as vscode from 'vscode';
import { AwsCallError } from '../aws/errors';
import { ExplorerNode } from '../tree/node';
import type { ProfileNode } from '../tree/profileNode';
import { reportError, UserError } from '../util/errors';
import type { CommandEnv } from './env';
import { findProfile, pickAfterLoading, pickProfile, profileOf, type StepInfo } from './pickers';
import { refuse } from './sharePickers';
import { catalogShareConfirmation, isCatalogShareArgs, principalsOrProblem, shareResultMessage, type ShareOutcome } from './sharePlan';
import { refreshAfterShareChange } from './shareRefresh';
import { askPrincipals, confirmModal, pickAudience } from './shareSteps';

const TITLE = 'Share Feature Group Catalog';

/** The first step says what a catalog share is; going on is an explicit choice. */
async function explain(step: StepInfo, account: string, region: string): Promise<boolean> {
  const go = await pickAfterLoading(
    step,
    `Share the catalog of ${account} in ${region}: what it grants and what not`,
    async () => [
      { label: '$(search) Continue: choose who may discover these feature groups', detail: `Grants: Search over every group of ${account} in ${region} (metadata only)`, value: true },
      { label: '$(lock) Not what I need: they should read records', detail: 'Does not grant: full definitions, reading or writing records; share the groups for that', value: false },
    ],
    'No choices',
  );
  if (go === false) void vscode.window.showInformationMessage('To let other accounts read records, share the feature groups themselves: "Share Feature Groups…" on Owned or My shares.');
  return go === true;
}

export async function shareCatalog(env: CommandEnv, arg?: unknown): Promise<ShareOutcome> {
  const args = isCatalogShareArgs(arg) ? arg : undefined;
  let profile: ProfileNode | undefined;
  let principals: string[] = [];
  try {
    if (args) profile = await findProfile(env, args.profile);
    else profile = arg instanceof ExplorerNode ? profileOf(arg) : await pickProfile(env, { title: TITLE });
    if (!profile) return { status: 'cancelled' };
    const ctx = profile.context;
    if (!ctx) throw new UserError(`Profile ${profile.name} has no region. Set region in the profile or in featureStoreExplorer.regionOverride.`);
    const { sharing, catalog } = env.services();
    const account = await catalog.callerAccountId(ctx);
    const step = (n: number): StepInfo => ({ title: `${TITLE}: ${profile!.name}`, step: n, totalSteps: 3 });

    if (args) {
      const r = principalsOrProblem(args.principals, account);
      if ('problem' in r) return refuse(r.problem);
      principals = r.principals;
    } else {
      if (!(await explain(step(1), account, ctx.region))) return { status: 'cancelled' };
      const typed = await askPrincipals(step(2), account, `Who may discover the feature groups of ${account} in ${ctx.region}: account ids, or organization, OU, IAM role or IAM user ARNs.`);
      if (!typed) return { status: 'cancelled' };
      principals = typed;
    }

    let allowExternalPrincipals = args ? (args.allowExternalPrincipals ?? true) : undefined;
    if (allowExternalPrincipals === undefined) {
      allowExternalPrincipals = await pickAudience(step(3));
      if (allowExternalPrincipals === undefined) return { status: 'cancelled' };
    }

    // Read before confirming, so the dialog names the permission RAM really has.
    const permission = await sharing.catalogPermission(ctx);
    if (args?.confirm !== false) {
      const text = catalogShareConfirmation(account, ctx.region, principals, allowExternalPrincipals, permission.name);
      if (!(await confirmModal(text.message, text.detail, 'Share Catalog'))) return { status: 'cancelled' };
    }

    const external = allowExternalPrincipals;
    const change = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Sharing the feature group catalog…' }, () =>
      sharing.shareCatalog(ctx, { principals, allowExternalPrincipals: external, shareName: args?.shareName }),
    );
    env.log.info(`Profile ${ctx.profile.name} shared its feature group catalog with ${principals.join(', ')} (resource share ${change.share.arn}).`);
    void vscode.window.showInformationMessage(shareResultMessage('the feature group catalog', change));
    await refreshAfterShareChange(env, profile, principals);
    return { status: 'shared', share: change.share, accounts: principals, permissionArn: permission.arn, principals: change.principals, resources: change.resources };
  } catch (err) {
    if (err instanceof UserError) return refuse(err.message);
    if (err instanceof AwsCallError && err.code === 'AssociationFailed') await refreshAfterShareChange(env, profile, principals);
    return { status: 'failed', message: reportError(env.log, 'Sharing the feature group catalog', err), code: err instanceof AwsCallError ? err.code : undefined };
  }
}
