// Open (or reveal) the record inspector of a feature group. A discoverable-only group opens too,
// showing what is known of it and why its records cannot be read.
import * as vscode from 'vscode';
import type { FeatureGroupDetail, FeatureGroupSummary } from '../aws/model';
import type { InspectorTarget, RecordInspectorPanel } from '../inspector/panel';
import { FeatureGroupNode } from '../tree/featureGroupNode';
import { reportError, UserError } from '../util/errors';
import { canReadRecords } from '../util/format';
import type { CommandEnv } from './env';
import { isFeatureGroupArgs } from './featureGroupArgs';
import { findFeatureGroup, pickFeatureGroup, pickProfile } from './pickers';

const TITLE = 'Open Record Inspector';

/** A discoverable-only group cannot be described: the inspector shows its summary and the reason. */
function undescribed(summary: FeatureGroupSummary): FeatureGroupDetail {
  return { ...summary, recordIdentifierFeatureName: '', eventTimeFeatureName: '', features: [], onlineStoreEnabled: false, offlineStoreEnabled: false };
}

async function targetOf(node: FeatureGroupNode): Promise<InspectorTarget> {
  if (!canReadRecords(node.summary.access)) return { context: node.context, group: undescribed(node.summary) };
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Describing ${node.summary.name}…` },
    () => node.detail.get(),
  );
  if (!outcome.ok) {
    // Let the next attempt (and the tree row) describe again instead of replaying this failure.
    node.reload();
    throw outcome.error;
  }
  return { context: node.context, group: outcome.value };
}

/** The serializer's lookup after a window reload: the same profile and group, described again. */
export async function findInspectorTarget(env: CommandEnv, profile: string, featureGroupArn: string): Promise<InspectorTarget> {
  return targetOf(await findFeatureGroup(env, profile, featureGroupArn));
}

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
    const recordId = isFeatureGroupArgs(arg) ? arg.recordId : undefined;
    let panel = env.inspectors.find(node.profileName, node.summary.arn);
    if (panel) panel.reveal();
    else {
      const { context, group } = await targetOf(node);
      panel = env.inspectors.open(context, group);
    }
    if (recordId !== undefined) panel.lookUp(recordId);
    return panel;
  } catch (err) {
    if (err instanceof UserError) void vscode.window.showErrorMessage(err.message);
    else reportError(env.log, 'Opening the record inspector', err);
    return undefined;
  }
}
