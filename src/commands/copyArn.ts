// Copy the ARN of a feature group (or of an invitation: what `aws ram accept-resource-share-invitation` needs).
import * as vscode from 'vscode';
import { FeatureGroupNode } from '../tree/featureGroupNode';
import { InvitationNode } from '../tree/leafNodes';
import { reportError, UserError } from '../util/errors';
import type { CommandEnv } from './env';
import { isFeatureGroupArgs } from './featureGroupArgs';
import { findFeatureGroup, pickFeatureGroup, pickProfile } from './pickers';

const TITLE = 'Copy ARN';

/** Returns the copied ARN, or undefined when nothing was copied. */
export async function copyArn(env: CommandEnv, arg?: unknown): Promise<string | undefined> {
  try {
    let name: string;
    let arn: string;
    if (arg instanceof InvitationNode) {
      name = `invitation "${arg.invitation.resourceShareName}"`;
      arn = arg.invitation.arn;
    } else {
      let node: FeatureGroupNode | undefined;
      if (arg instanceof FeatureGroupNode) node = arg;
      else if (isFeatureGroupArgs(arg)) node = await findFeatureGroup(env, arg.profile, arg.featureGroup);
      else {
        const profile = await pickProfile(env, { title: TITLE });
        node = profile && (await pickFeatureGroup(profile, { includeShared: true, accept: () => true }, { title: `${TITLE}: ${profile.name}` }, `Profile ${profile.name} sees no feature groups.`));
      }
      if (!node) return undefined;
      name = node.summary.name;
      arn = node.summary.arn;
    }
    await vscode.env.clipboard.writeText(arn);
    vscode.window.setStatusBarMessage(`Copied the ARN of ${name}`, 4000);
    return arn;
  } catch (err) {
    if (err instanceof UserError) void vscode.window.showErrorMessage(err.message);
    else reportError(env.log, 'Copying the ARN', err);
    return undefined;
  }
}
