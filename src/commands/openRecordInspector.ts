// Open (or reveal) the record inspector of a feature group the profile may read.
import * as vscode from 'vscode';
import { FeatureGroupNode } from '../tree/featureGroupNode';
import { canReadRecords, explainAccess } from '../util/format';
import { reportError, UserError } from '../util/errors';
import type { RecordInspectorPanel } from '../inspector/panel';
import type { CommandEnv } from './env';
import { isFeatureGroupArgs } from './featureGroupArgs';
import { findFeatureGroup, pickFeatureGroup, pickProfile } from './pickers';

const TITLE = 'Open Record Inspector';

export async function openRecordInspector(env: CommandEnv, arg?: unknown): Promise<RecordInspectorPanel | undefined> {
  try {
    let node: FeatureGroupNode | undefined;
    if (arg instanceof FeatureGroupNode) node = arg;
    else if (isFeatureGroupArgs(arg)) node = await findFeatureGroup(env, arg.profile, arg.featureGroup);
    else {
      const profile = await pickProfile(env, { title: TITLE });
      node =
        profile &&
        (await pickFeatureGroup(
          profile,
          { includeShared: true, accept: (g) => canReadRecords(g.access) },
          { title: `${TITLE}: ${profile.name}` },
          `Profile ${profile.name} has no feature group it may read.`,
        ));
    }
    if (!node) return undefined;
    if (!canReadRecords(node.summary.access)) throw new UserError(`${node.summary.name}: ${explainAccess(node.summary.access)}`);
    const target = node;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Describing ${target.summary.name}…` },
      () => target.detail.get(),
    );
    if (!outcome.ok) {
      // Let the next attempt (and the tree row) describe again instead of replaying this failure.
      target.reload();
      throw outcome.error;
    }
    return env.inspectors.open(target.context, outcome.value);
  } catch (err) {
    if (err instanceof UserError) void vscode.window.showErrorMessage(err.message);
    else reportError(env.log, 'Opening the record inspector', err);
    return undefined;
  }
}
