// Change what an existing share holds: add feature groups or principals, remove them (confirmed:
// principals lose access at once), or invite an account again whose invitation expired or was
// declined. After each change RAM's associations are read back; a FAILED one is a failure.
import * as vscode from 'vscode';
import { AwsCallError } from '../aws/errors';
import type { ShareAssociation, ShareChange } from '../aws/model';
import { ShareMemberNode, ShareNode } from '../tree/shareNodes';
import { permissionWords, principalLabel, resourceLabel } from '../tree/shareLabels';
import { reportError, UserError } from '../util/errors';
import type { CommandEnv } from './env';
import { findFeatureGroup, pickAfterLoading, profileOf, type StepInfo } from './pickers';
import { chooseShare, findShare, isShareRefArgs, refuse, type ShareRefArgs } from './sharePickers';
import { accessSummary, principalsOrProblem, principalsPhrase } from './sharePlan';
import { refreshAfterShareChange } from './shareRefresh';
import { askPrincipals, confirmModal, EmptyChoice, pickManyAfterLoading, pickOwnedGroups } from './shareSteps';

/** Arguments of Add to Share / Remove from Share for callers without a tree node. */
export interface ShareMembersArgs extends ShareRefArgs {
  /** Feature group names or ARNs. */
  featureGroups?: string[];
  /** Principals separated by commas or spaces. */
  principals?: string;
}

export type ShareChangeOutcome =
  | { status: 'changed'; change: ShareChange }
  | { status: 'invalid'; message: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string; code?: string };

function isMembersArgs(v: unknown): v is ShareMembersArgs {
  if (!isShareRefArgs(v)) return false;
  const a = v as unknown as Record<string, unknown>;
  const groups = a.featureGroups;
  return (groups === undefined || (Array.isArray(groups) && groups.every((g) => typeof g === 'string'))) && (a.principals === undefined || typeof a.principals === 'string');
}

function membersPhrase(resources: string[], principals: string[]): string {
  const parts: string[] = [];
  if (resources.length) parts.push(resources.length === 1 ? resourceLabel(resources[0]) : `${resources.length} feature groups (${resources.map(resourceLabel).join(', ')})`);
  if (principals.length) parts.push(principalsPhrase(principals));
  return parts.join(' and ');
}

function isActive(n: ShareNode): boolean {
  return n.share.status === 'ACTIVE';
}

async function failed(env: CommandEnv, node: ShareNode | undefined, principals: string[], what: string, err: unknown): Promise<ShareChangeOutcome> {
  if (err instanceof UserError || err instanceof EmptyChoice) return refuse(err.message);
  // RAM may have done part of it: show the share as it is now.
  if (node && err instanceof AwsCallError) await refreshAfterShareChange(env, node, principals);
  return { status: 'failed', message: reportError(env.log, what, err), code: err instanceof AwsCallError ? err.code : undefined };
}

// ---- Add to Share ------------------------------------------------------------------------------

export async function addToShare(env: CommandEnv, arg?: unknown): Promise<ShareChangeOutcome> {
  const title = 'Add to Share';
  const args = isMembersArgs(arg) ? arg : undefined;
  let node: ShareNode | undefined;
  let principals: string[] = [];
  try {
    node = await chooseShare(env, arg, title, isActive);
    if (!node) return { status: 'cancelled' };
    const share = node.share;
    if (!isActive(node)) return refuse(`The share "${share.name}" is ${share.status.toLowerCase()}: only an active share can take new members.`);
    const ctx = node.context;
    const ownAccountId = await env.services().catalog.callerAccountId(ctx);
    let resourceArns: string[] = [];
    const step = (n: number, total: number): StepInfo => ({ title: `${title}: ${share.name}`, step: n, totalSteps: total });

    if (args) {
      resourceArns = await Promise.all((args.featureGroups ?? []).map(async (g) => (await findFeatureGroup(env, args.profile, g)).summary.arn));
      if (args.principals !== undefined) {
        const r = principalsOrProblem(args.principals, ownAccountId);
        if ('problem' in r) return refuse(r.problem);
        principals = r.principals;
      }
    } else {
      // A catalog share takes principals only: its one permission is for the catalog.
      const kind = node.isCatalogShare
        ? 'principals'
        : await pickAfterLoading(
            step(1, 2),
            'What to add to the share?',
            async () => [
              { label: '$(database) Feature groups…', detail: 'Every principal of the share gets its permission on them too.', value: 'groups' as const },
              { label: '$(account) Principals…', detail: 'Accounts, an organization, OUs, IAM roles or users get access to what the share holds.', value: 'principals' as const },
            ],
            'No choices',
          );
      if (!kind) return { status: 'cancelled' };
      const total = node.isCatalogShare ? 1 : 2;
      if (kind === 'groups') {
        const profile = profileOf(node);
        if (!profile) return { status: 'cancelled' };
        const picked = await pickOwnedGroups(profile, step(2, total), [], share.resources.map((r) => r.entity));
        if (!picked) return { status: 'cancelled' };
        resourceArns = picked.map((g) => g.summary.arn);
      } else {
        const audience = share.allowExternalPrincipals ? 'Outside accounts get an invitation.' : 'This share allows principals inside your organization only.';
        const typed = await askPrincipals(step(total, total), ownAccountId, `Add principals to "${share.name}": account ids, or organization, OU, IAM role or IAM user ARNs. ${audience}`);
        if (!typed) return { status: 'cancelled' };
        principals = typed;
      }
    }
    if (resourceArns.length === 0 && principals.length === 0) return refuse('Name feature groups or principals to add to the share.');

    if (args?.confirm !== false) {
      const permission = share.permissions?.map(permissionWords).join(' + ') || "the share's permission";
      const detail = [
        resourceArns.length ? `The share's principals get ${permission} on the added groups.` : undefined,
        principals.length ? `The added principals get ${permission} on what the share holds.` : undefined,
        principals.length && !share.allowExternalPrincipals ? 'This share allows principals inside your organization only: adding an outside account fails.' : undefined,
        principals.length && share.allowExternalPrincipals ? 'Accounts outside your organization get an invitation and have access once they accept it.' : undefined,
      ].filter(Boolean).join('\n\n');
      if (!(await confirmModal(`Add ${membersPhrase(resourceArns, principals)} to the share "${share.name}"?`, detail, 'Add'))) return { status: 'cancelled' };
    }

    const shareArn = share.arn;
    const change = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Adding to "${share.name}"…` }, () =>
      env.services().sharing.addToShare(ctx, shareArn, { resourceArns, principals }),
    );
    env.log.info(`Profile ${ctx.profile.name} added ${[...resourceArns, ...principals].join(', ')} to ${shareArn}.`);
    void vscode.window.showInformationMessage([`Added ${membersPhrase(resourceArns, principals)} to "${share.name}".`, accessSummary(change.principals)].filter(Boolean).join(' '));
    await refreshAfterShareChange(env, node, principals);
    return { status: 'changed', change };
  } catch (err) {
    return failed(env, node, principals, 'Adding to the share', err);
  }
}

/**
 * "Invite Again" on an account whose invitation expired, failed or was declined: adds it to the share
 * again, which sends a new invitation. `arg` is the principal's row, or { profile, share, principals }.
 */
export async function reinvitePrincipal(env: CommandEnv, arg?: unknown): Promise<ShareChangeOutcome> {
  let node: ShareNode;
  let principal: string;
  try {
    if (arg instanceof ShareMemberNode && arg.type === 'principal') {
      node = arg.parent;
      principal = arg.association.entity;
    } else if (isMembersArgs(arg) && arg.principals?.trim()) {
      node = await findShare(env, arg.profile, arg.share);
      principal = arg.principals.trim();
      if (!node.share.principals.some((p) => p.entity === principal)) return refuse(`The share "${node.share.name}" has no principal ${principal} to invite again.`);
    } else {
      return refuse('Choose an account under My shares whose invitation expired or was declined, then use "Invite Again".');
    }
  } catch (err) {
    return failed(env, undefined, [], 'Inviting the account again', err);
  }
  try {
    const change = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Inviting ${principal} again…` }, () =>
      env.services().sharing.addToShare(node.context, node.share.arn, { principals: [principal] }),
    );
    void vscode.window.showInformationMessage(`${principal} is part of "${node.share.name}" again. ${accessSummary(change.principals)}`.trim());
    await refreshAfterShareChange(env, node, [principal]);
    return { status: 'changed', change };
  } catch (err) {
    return failed(env, node, [principal], 'Inviting the account again', err);
  }
}

// ---- Remove from Share -------------------------------------------------------------------------

interface Member {
  type: 'resource' | 'principal';
  entity: string;
}

const REMOVABLE = new Set(['ASSOCIATED', 'ASSOCIATING', 'FAILED']);

function removable(list: ShareAssociation[]): ShareAssociation[] {
  return list.filter((a) => REMOVABLE.has(a.status));
}

async function chooseMembers(node: ShareNode, args: ShareMembersArgs | undefined): Promise<Member[] | undefined> {
  const share = node.share;
  if (args) {
    const members: Member[] = [];
    for (const g of args.featureGroups ?? []) {
      const found = share.resources.find((r) => r.entity === g || resourceLabel(r.entity) === g);
      if (!found) throw new UserError(`The share "${share.name}" holds no feature group "${g}".`);
      members.push({ type: 'resource', entity: found.entity });
    }
    for (const p of (args.principals ?? '').split(/[\s,;]+/).filter(Boolean)) {
      if (!share.principals.some((a) => a.entity === p)) throw new UserError(`The share "${share.name}" has no principal ${p}.`);
      members.push({ type: 'principal', entity: p });
    }
    return members;
  }
  return pickManyAfterLoading<Member>(
    { title: `Remove from Share: ${share.name}` },
    'Check what to remove (Space toggles, Enter confirms)',
    async () => {
      const resources = removable(share.resources).map((a) => ({ label: resourceLabel(a.entity), description: `feature group · ${a.status.toLowerCase()}`, value: { type: 'resource' as const, entity: a.entity } }));
      const principals = removable(share.principals).map((a) => ({ label: principalLabel(a.entity), description: `principal · ${a.status.toLowerCase()}`, value: { type: 'principal' as const, entity: a.entity } }));
      const sep = (label: string) => ({ label, kind: vscode.QuickPickItemKind.Separator, value: { type: 'resource' as const, entity: '' } });
      return [...(resources.length ? [sep('Resources'), ...resources] : []), ...(principals.length ? [sep('Principals'), ...principals] : [])];
    },
    `The share "${share.name}" holds nothing that can be removed.`,
  );
}

export async function removeFromShare(env: CommandEnv, arg?: unknown): Promise<ShareChangeOutcome> {
  const title = 'Remove from Share';
  const args = isMembersArgs(arg) ? arg : undefined;
  let node: ShareNode | undefined;
  let principals: string[] = [];
  try {
    let members: Member[] | undefined;
    if (arg instanceof ShareMemberNode) {
      node = arg.parent;
      members = [{ type: arg.type, entity: arg.association.entity }];
    } else {
      node = await chooseShare(env, arg, title, isActive);
      if (!node) return { status: 'cancelled' };
      members = await chooseMembers(node, args);
    }
    if (!members) return { status: 'cancelled' };
    members = members.filter((m) => m.entity);
    if (members.length === 0) return refuse('Choose feature groups or principals to remove from the share.');
    const share = node.share;
    const resourceArns = members.filter((m) => m.type === 'resource').map((m) => m.entity);
    principals = members.filter((m) => m.type === 'principal').map((m) => m.entity);

    const confirm = args?.confirm ?? (arg instanceof ShareMemberNode ? true : undefined);
    if (confirm !== false) {
      const remaining = removable(share.principals).length - principals.length;
      const detail = [
        principals.length ? 'They lose the access this share gives them at once; pending invitations are withdrawn.' : undefined,
        resourceArns.length ? `The share's ${remaining} remaining principal${remaining === 1 ? '' : 's'} lose${remaining === 1 ? 's' : ''} access to ${resourceArns.length === 1 ? 'it' : 'them'} at once.` : undefined,
        'Other shares are not changed. Adding them again later may send new invitations.',
      ].filter(Boolean).join('\n\n');
      if (!(await confirmModal(`Remove ${membersPhrase(resourceArns, principals)} from the share "${share.name}"?`, detail, 'Remove'))) return { status: 'cancelled' };
    }

    const ctx = node.context;
    const change = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Removing from "${share.name}"…` }, () =>
      env.services().sharing.removeFromShare(ctx, share.arn, { resourceArns, principals }),
    );
    env.log.info(`Profile ${ctx.profile.name} removed ${[...resourceArns, ...principals].join(', ')} from ${share.arn}.`);
    void vscode.window.showInformationMessage(`Removed ${membersPhrase(resourceArns, principals)} from "${share.name}".`);
    await refreshAfterShareChange(env, node, principals.length ? principals : share.principals.map((p) => p.entity));
    return { status: 'changed', change };
  } catch (err) {
    return failed(env, node, principals, 'Removing from the share', err);
  }
}
