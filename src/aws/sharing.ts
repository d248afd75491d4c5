// AWS RAM for feature groups: the managed permissions to choose from, creating a share, and the
// invitations a consumer receives.
import { randomUUID } from 'node:crypto';
import {
  AcceptResourceShareInvitationCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  RejectResourceShareInvitationCommand,
  paginateGetResourceShareAssociations,
  paginateGetResourceShareInvitations,
  paginateGetResourceShares,
  paginateListPermissions,
  type ResourceShare,
  type ResourceShareAssociation,
  type ResourceShareInvitation,
} from '@aws-sdk/client-ram';
import { accountIdOfArn, parseFeatureGroupArn } from './arn';
import { allPages, awsCall } from './call';
import { effectiveEndpoint, type ClientPool } from './clients';
import { AwsCallError } from './errors';
import type { AccountContext, Invitation, InvitationStatus, ManagedPermission, OwnedResourceShare, ResourceShareSummary, ShareAssociation } from './model';
import { accessFromPermissionName, accessRank, isFeatureGroupPermissionName } from './permissions';
import { validateAccountId } from './validation';

export { accessFromPermissionName } from './permissions';

const RAM_PAGE = 500;

export interface ShareRequest {
  featureGroupArn: string;
  permissionArn: string;
  /** 12-digit account ids, or organization / OU / IAM ARNs. */
  principals: string[];
  shareName?: string;
  /** false keeps the share inside the caller's organization (outside accounts then fail). Default true. */
  allowExternalPrincipals?: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `yyyyMMddHHmmss` in UTC. */
function compactTimestamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

export function defaultShareName(groupName: string, now: Date = new Date()): string {
  return `${groupName}-share-${compactTimestamp(now)}`;
}

function toShareSummary(s: ResourceShare | undefined, fallbackName: string): ResourceShareSummary {
  return {
    arn: s?.resourceShareArn ?? '',
    name: s?.name ?? fallbackName,
    owningAccountId: s?.owningAccountId ?? '',
    status: s?.status ?? 'UNKNOWN',
    allowExternalPrincipals: s?.allowExternalPrincipals ?? true,
    creationTime: s?.creationTime,
  };
}

function toAssociation(a: ResourceShareAssociation): ShareAssociation {
  const out: ShareAssociation = { entity: a.associatedEntity ?? '', status: a.status ?? 'UNKNOWN' };
  if (a.statusMessage) out.statusMessage = a.statusMessage;
  if (a.external !== undefined) out.external = a.external;
  return out;
}

function toInvitation(i: ResourceShareInvitation | undefined): Invitation {
  const arn = i?.resourceShareInvitationArn ?? '';
  return {
    arn,
    resourceShareName: i?.resourceShareName ?? '',
    resourceShareArn: i?.resourceShareArn ?? '',
    senderAccountId: i?.senderAccountId ?? accountIdOfArn(arn) ?? '',
    receiverAccountId: i?.receiverAccountId,
    status: (i?.status ?? 'PENDING') as InvitationStatus,
    invitationTime: i?.invitationTimestamp,
  };
}

export class SharingService {
  constructor(private readonly pool: ClientPool) {}

  /** The managed permissions usable for feature groups, ReadOnly first, then ReadWrite, then Admin. */
  async listFeatureGroupPermissions(ctx: AccountContext): Promise<ManagedPermission[]> {
    const all = await awsCall(ctx, 'ram', 'ListPermissions', () =>
      allPages(paginateListPermissions({ client: this.pool.ram(ctx) }, { maxResults: RAM_PAGE }), (p) => p.permissions),
    );
    const byArn = new Map<string, ManagedPermission>();
    for (const p of all) {
      if (!p.arn || !p.name || !isFeatureGroupPermissionName(p.name) || byArn.has(p.arn)) continue;
      const grants = accessFromPermissionName(p.name);
      if (!grants || grants === 'discoverOnly') continue;
      byArn.set(p.arn, { arn: p.arn, name: p.name, resourceType: p.resourceType, isResourceTypeDefault: p.isResourceTypeDefault ?? false, grants });
    }
    return [...byArn.values()].sort((a, b) => accessRank(a.grants) - accessRank(b.grants) || a.name.localeCompare(b.name));
  }

  /**
   * Creates a RAM share of one feature group with the given principals. Principal associations that
   * RAM marks FAILED are reported as an AwsCallError (code AssociationFailed), the share ARN as target.
   */
  async shareFeatureGroup(ctx: AccountContext, req: ShareRequest): Promise<ResourceShareSummary> {
    const group = parseFeatureGroupArn(req.featureGroupArn);
    const refuse = (code: string, userMessage: string) =>
      new AwsCallError({ code, operation: 'CreateResourceShare', profile: ctx.profile.name, userMessage, detail: userMessage, target: req.featureGroupArn });
    if (!group) throw refuse('InvalidFeatureGroupArn', `"${req.featureGroupArn}" is not a feature group ARN. Pick the group from the tree and try again.`);
    if (!req.permissionArn.trim()) throw refuse('MissingPermission', 'Choose a permission (ReadOnly, ReadWrite or Admin) for the share.');
    const principals = [...new Set(req.principals.map((p) => p.trim()).filter((p) => p.length > 0))];
    if (principals.length === 0) throw refuse('NoPrincipals', 'Enter at least one 12-digit AWS account id to share with.');
    for (const p of principals) {
      if (p.startsWith('arn:')) continue;
      const problem = validateAccountId(p, group.accountId);
      if (problem) throw refuse('InvalidPrincipal', problem);
    }

    const name = req.shareName?.trim() || defaultShareName(group.name);
    const created = await awsCall(ctx, 'ram', 'CreateResourceShare', () =>
      this.pool.ram(ctx).send(
        new CreateResourceShareCommand({
          name,
          resourceArns: [req.featureGroupArn],
          principals,
          permissionArns: [req.permissionArn],
          allowExternalPrincipals: req.allowExternalPrincipals ?? true,
          clientToken: randomUUID(),
        }),
      ),
    { target: group.name });
    const share = toShareSummary(created.resourceShare, name);
    if (share.arn) await this.checkPrincipalAssociations(ctx, share);
    return share;
  }

  async listInvitations(ctx: AccountContext): Promise<Invitation[]> {
    const all = await awsCall(ctx, 'ram', 'GetResourceShareInvitations', () =>
      allPages(paginateGetResourceShareInvitations({ client: this.pool.ram(ctx) }, { maxResults: RAM_PAGE }), (p) => p.resourceShareInvitations),
    );
    return all.map(toInvitation);
  }

  async acceptInvitation(ctx: AccountContext, invitationArn: string): Promise<Invitation> {
    const out = await awsCall(ctx, 'ram', 'AcceptResourceShareInvitation', () =>
      this.pool.ram(ctx).send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn, clientToken: randomUUID() })),
    { target: invitationArn, ownerAccountId: accountIdOfArn(invitationArn) });
    return toInvitation(out.resourceShareInvitation);
  }

  async rejectInvitation(ctx: AccountContext, invitationArn: string): Promise<Invitation> {
    const out = await awsCall(ctx, 'ram', 'RejectResourceShareInvitation', () =>
      this.pool.ram(ctx).send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn, clientToken: randomUUID() })),
    { target: invitationArn, ownerAccountId: accountIdOfArn(invitationArn) });
    return toInvitation(out.resourceShareInvitation);
  }

  /**
   * Shares the caller owns that hold at least one feature group, newest first, with their groups and
   * principals (DISASSOCIATED ones left out). Three RAM calls whatever the number of shares.
   */
  async listMyShares(ctx: AccountContext): Promise<OwnedResourceShare[]> {
    const ram = this.pool.ram(ctx);
    const [shares, resources, principals] = await Promise.all([
      awsCall(ctx, 'ram', 'GetResourceShares', () =>
        allPages(paginateGetResourceShares({ client: ram }, { resourceOwner: 'SELF', maxResults: RAM_PAGE }), (p) => p.resourceShares)),
      this.ownAssociations(ctx, 'RESOURCE'),
      this.ownAssociations(ctx, 'PRINCIPAL'),
    ]);
    const live = (a: ResourceShareAssociation) => a.status !== 'DISASSOCIATED' && a.status !== 'DISASSOCIATING';
    const out: OwnedResourceShare[] = [];
    for (const share of shares) {
      if (!share.resourceShareArn || share.status === 'DELETED' || share.status === 'DELETING') continue;
      const mine = (list: ResourceShareAssociation[]) => list.filter((a) => a.resourceShareArn === share.resourceShareArn && live(a)).map(toAssociation);
      const groups = mine(resources).filter((r) => parseFeatureGroupArn(r.entity));
      if (groups.length === 0) continue;
      out.push({ ...toShareSummary(share, share.name ?? ''), resources: groups, principals: mine(principals) });
    }
    return out.sort((a, b) => (b.creationTime?.getTime() ?? 0) - (a.creationTime?.getTime() ?? 0) || a.name.localeCompare(b.name));
  }

  /** Deletes a share the caller owns: every principal loses the access it granted. */
  async deleteShare(ctx: AccountContext, resourceShareArn: string): Promise<void> {
    await awsCall(ctx, 'ram', 'DeleteResourceShare', () =>
      this.pool.ram(ctx).send(new DeleteResourceShareCommand({ resourceShareArn, clientToken: randomUUID() })),
    { target: resourceShareArn });
  }

  private ownAssociations(ctx: AccountContext, associationType: 'RESOURCE' | 'PRINCIPAL'): Promise<ResourceShareAssociation[]> {
    return awsCall(ctx, 'ram', 'GetResourceShareAssociations', () =>
      allPages(paginateGetResourceShareAssociations({ client: this.pool.ram(ctx) }, { associationType, maxResults: RAM_PAGE }), (p) => p.resourceShareAssociations),
    );
  }

  private async principalAssociations(ctx: AccountContext, shareArn: string): Promise<ResourceShareAssociation[]> {
    return awsCall(ctx, 'ram', 'GetResourceShareAssociations', () =>
      allPages(
        paginateGetResourceShareAssociations({ client: this.pool.ram(ctx) }, { associationType: 'PRINCIPAL', resourceShareArns: [shareArn], maxResults: RAM_PAGE }),
        (p) => p.resourceShareAssociations,
      ),
    { target: shareArn });
  }

  private async checkPrincipalAssociations(ctx: AccountContext, share: ResourceShareSummary): Promise<void> {
    // Invited accounts stay ASSOCIATING until they accept, so only FAILED is worth reporting here.
    const associations = await this.principalAssociations(ctx, share.arn);
    const failed = associations.filter((a) => a.status === 'FAILED');
    if (failed.length === 0) return;
    const list = failed.map((a) => `${a.associatedEntity ?? '?'}${a.statusMessage ? ` (${a.statusMessage})` : ''}`).join(', ');
    const message = `The share ${share.name} was created, but RAM could not add ${list}. Check the account ids and whether sharing outside your organization is allowed, then share again.`;
    throw new AwsCallError({
      code: 'AssociationFailed',
      operation: 'CreateResourceShare',
      profile: ctx.profile.name,
      userMessage: message,
      detail: `${message} (endpoint ${effectiveEndpoint(ctx, 'ram')})`,
      target: share.arn,
    });
  }
}
