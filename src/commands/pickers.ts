// How commands find what to act on when they are not given a tree node: a QuickPick walk
// (profile → feature group / invitation), or a lookup by name for callers that pass arguments.
// Both reuse the tree's loaded listings, so a pick never repeats an AWS call the tree made.
import * as vscode from 'vscode';
import type { FeatureGroupSummary } from '../aws/model';
import type { OwnedGroupsNode, SharedGroupsNode } from '../tree/categoryNodes';
import type { FeatureGroupNode } from '../tree/featureGroupNode';
import type { InvitationNode } from '../tree/leafNodes';
import type { ExplorerNode } from '../tree/node';
import { ProfileNode } from '../tree/profileNode';
import { endpointHost, formatInvitationDescription, formatProfileDescription, formatSharedGroupDescription } from '../util/format';
import { UserError } from '../util/errors';
import type { CommandEnv } from './env';
import { COMMANDS } from './ids';

type Item<T> = vscode.QuickPickItem & { value?: T };

export interface StepInfo {
  title: string;
  step?: number;
  totalSteps?: number;
}

/**
 * A QuickPick that shows at once (busy) and fills in when `load` settles. Resolves undefined when
 * dismissed; rejects with the load's error, after closing, so the caller reports it.
 */
export function pickAfterLoading<T>(step: StepInfo, placeholder: string, load: () => Promise<Item<T>[]>, emptyText: string): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<Item<T>>();
  qp.title = step.title;
  qp.step = step.step;
  qp.totalSteps = step.totalSteps;
  qp.placeholder = placeholder;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.busy = true;
  return new Promise<T | undefined>((resolve, reject) => {
    let settled = false;
    const finish = (value: T | undefined, error?: unknown) => {
      if (settled) return;
      settled = true;
      qp.dispose();
      if (error !== undefined) reject(error);
      else resolve(value);
    };
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.value));
    qp.onDidHide(() => finish(undefined));
    qp.show();
    load().then(
      (items) => {
        if (settled) return;
        qp.items = items.length > 0 ? items : [{ label: emptyText, alwaysShow: true }];
        qp.busy = false;
      },
      (err: unknown) => finish(undefined, err ?? new Error('loading failed')),
    );
  });
}

export function profileOf(node: ExplorerNode): ProfileNode | undefined {
  let current: ExplorerNode | undefined = node;
  while (current && !(current instanceof ProfileNode)) current = current.parent;
  return current;
}

function profileDescription(p: ProfileNode): string {
  const e = p.profile.endpoints;
  return formatProfileDescription({ accountId: p.knownAccountId(), region: p.region, endpointHost: endpointHost(e.sagemaker ?? e.ram) });
}

export async function pickProfile(env: CommandEnv, step: StepInfo): Promise<ProfileNode | undefined> {
  const profiles = await env.tree.profileNodes();
  if (profiles.length === 0) {
    const choice = await vscode.window.showInformationMessage('No AWS profiles found. Add a profile to your AWS config file first.', 'Open AWS Config File');
    if (choice) await vscode.commands.executeCommand(COMMANDS.openAwsConfig);
    return undefined;
  }
  if (profiles.length === 1) return profiles[0];
  return pickAfterLoading(
    step,
    'Choose an AWS profile',
    async () => profiles.map((p) => ({ label: p.name, description: profileDescription(p), value: p })),
    'No profiles',
  );
}

export async function findProfile(env: CommandEnv, name: string): Promise<ProfileNode> {
  const profile = await env.tree.profileNode(name);
  if (!profile) throw new UserError(`There is no AWS profile named "${name}" in the Feature Store view.`);
  if (!profile.context) throw new UserError(`Profile ${name} has no region. Set region in the profile or in featureStoreExplorer.regionOverride.`);
  return profile;
}

/** The groups of one listing, or its error (which the caller reports). */
async function groupsOf(category: OwnedGroupsNode | SharedGroupsNode | undefined): Promise<FeatureGroupNode[]> {
  if (!category) return [];
  const outcome = await category.items.get();
  if (!outcome.ok) throw outcome.error;
  return (await category.groupNodes()) ?? [];
}

export interface GroupFilter {
  includeShared: boolean;
  accept(group: FeatureGroupSummary): boolean;
}

export async function featureGroupNodes(profile: ProfileNode, filter: GroupFilter): Promise<FeatureGroupNode[]> {
  const [owned, shared] = await Promise.all([groupsOf(profile.owned), filter.includeShared ? groupsOf(profile.shared) : Promise.resolve([])]);
  return [...owned, ...shared].filter((n) => filter.accept(n.summary));
}

export async function pickFeatureGroup(
  profile: ProfileNode,
  filter: GroupFilter,
  step: StepInfo,
  emptyText: string,
): Promise<FeatureGroupNode | undefined> {
  return pickAfterLoading(
    step,
    `Choose a feature group of profile ${profile.name}`,
    async () => {
      const nodes = await featureGroupNodes(profile, filter);
      const owned = nodes.filter((n) => n.summary.access === 'owner');
      const shared = nodes.filter((n) => n.summary.access !== 'owner');
      const items: Item<FeatureGroupNode>[] = [];
      if (owned.length && shared.length) items.push({ label: 'Owned', kind: vscode.QuickPickItemKind.Separator });
      items.push(...owned.map((n) => ({ label: n.summary.name, description: n.summary.status, value: n })));
      if (shared.length) items.push({ label: 'Shared with me', kind: vscode.QuickPickItemKind.Separator });
      items.push(...shared.map((n) => ({ label: n.summary.name, description: formatSharedGroupDescription(n.summary.ownerAccountId, n.summary.access), value: n })));
      return items;
    },
    emptyText,
  );
}

/** A group of the profile by name or ARN; owned groups win over shared ones with the same name. */
export async function findFeatureGroup(env: CommandEnv, profileName: string, nameOrArn: string): Promise<FeatureGroupNode> {
  const profile = await findProfile(env, profileName);
  const nodes = await featureGroupNodes(profile, { includeShared: true, accept: () => true });
  const found = nodes.find((n) => n.summary.arn === nameOrArn) ?? nodes.find((n) => n.summary.name === nameOrArn);
  if (!found) throw new UserError(`Profile ${profileName} has no feature group "${nameOrArn}" (owned or shared with it).`);
  return found;
}

async function invitationNodes(profile: ProfileNode): Promise<InvitationNode[]> {
  const category = profile.invitations;
  if (!category) return [];
  const outcome = await category.items.get();
  if (!outcome.ok) throw outcome.error;
  return (await category.invitationNodes()) ?? [];
}

export async function pickInvitation(profile: ProfileNode, step: StepInfo): Promise<InvitationNode | undefined> {
  return pickAfterLoading(
    step,
    `Choose a pending invitation of profile ${profile.name}`,
    async () =>
      (await invitationNodes(profile))
        .filter((n) => n.invitation.status === 'PENDING')
        .map((n) => ({ label: n.invitation.resourceShareName, description: formatInvitationDescription(n.invitation.senderAccountId, n.invitation.status), value: n })),
    'No pending invitations for this profile.',
  );
}

export async function findInvitation(env: CommandEnv, profileName: string, invitationArn: string): Promise<InvitationNode> {
  const profile = await findProfile(env, profileName);
  const found = (await invitationNodes(profile)).find((n) => n.invitation.arn === invitationArn);
  if (!found) throw new UserError(`Profile ${profileName} has no invitation ${invitationArn}. Refresh the view; it may have been answered or expired.`);
  return found;
}
