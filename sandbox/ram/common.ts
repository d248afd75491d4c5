// RAM errors (lower-case `message`), output shapes and share lookups shared by the RAM handlers.
import { parseRamArn } from '../arn';
import { Check } from '../check';
import { INVITATION_VALIDITY_MS, MANAGED_PERMISSIONS, type ManagedPermission } from '../constants';
import { secs, type Caller, type Core } from '../core';
import { ApiError } from '../errors';
import type { Association, Invitation, ResourceShare } from '../state';

export const ramCheck = new Check('InvalidParameterException', 'MissingRequiredParameterException');

export const DEFAULT_MAX_RESULTS = 100;

export function malformed(arn: string): ApiError {
  return new ApiError('MalformedArnException', `The format of ARN ${arn} is not valid.`);
}

export function unknownShare(arn: string): ApiError {
  return new ApiError('UnknownResourceException', `ResourceShare ${arn} could not be found.`);
}

export function badToken(): ApiError {
  return new ApiError('InvalidNextTokenException', 'The specified value for NextToken is not valid.');
}

export function checkShareArn(arn: string): void {
  if (parseRamArn(arn)?.kind !== 'resource-share') throw malformed(arn);
}

/** A share the caller owns; other accounts' shares are refused without revealing them. */
export function ownedShare(core: Core, caller: Caller, arn: string): ResourceShare {
  checkShareArn(arn);
  const share = core.state.shares[arn];
  if (!share || share.status === 'DELETED') throw unknownShare(arn);
  if (share.owningAccountId !== caller.accountId) throw new ApiError('OperationNotPermittedException', `Account ${caller.accountId} does not own resource share ${arn}.`);
  return share;
}

export function invitationStatus(core: Core, inv: Invitation): Invitation['status'] | 'EXPIRED' {
  if (inv.status === 'PENDING' && core.now() - inv.creationTime >= INVITATION_VALIDITY_MS) return 'EXPIRED';
  return inv.status;
}

export function pendingInvitation(core: Core, share: ResourceShare, accountId: string): Invitation | undefined {
  return Object.values(core.state.invitations).find((i) => i.resourceShareArn === share.arn && i.receiverAccountId === accountId && i.status === 'PENDING');
}

export function shareShape(share: ResourceShare): Record<string, unknown> {
  return {
    resourceShareArn: share.arn,
    name: share.name,
    owningAccountId: share.owningAccountId,
    allowExternalPrincipals: share.allowExternalPrincipals,
    status: share.status,
    tags: share.tags,
    creationTime: secs(share.creationTime),
    lastUpdatedTime: secs(share.lastUpdatedTime),
    featureSet: 'STANDARD',
  };
}

/** A principal waiting on an invitation that has expired shows as FAILED. */
export function associationShape(core: Core, share: ResourceShare, a: Association, type: 'PRINCIPAL' | 'RESOURCE'): Record<string, unknown> {
  let status: string = a.status;
  let statusMessage = a.statusMessage;
  if (type === 'PRINCIPAL' && a.status === 'ASSOCIATING') {
    const inv = pendingInvitation(core, share, a.entity);
    if (inv && invitationStatus(core, inv) === 'EXPIRED') {
      status = 'FAILED';
      statusMessage = 'The invitation expired before it was accepted.';
    }
  }
  return {
    resourceShareArn: share.arn,
    resourceShareName: share.name,
    associatedEntity: a.entity,
    associationType: type,
    status,
    statusMessage,
    creationTime: secs(a.creationTime),
    lastUpdatedTime: secs(a.lastUpdatedTime),
    external: type === 'PRINCIPAL' ? (a.external ?? false) : false,
  };
}

export function invitationShape(core: Core, inv: Invitation): Record<string, unknown> {
  const share = core.state.shares[inv.resourceShareArn];
  return {
    resourceShareInvitationArn: inv.arn,
    resourceShareName: share?.name,
    resourceShareArn: inv.resourceShareArn,
    senderAccountId: inv.senderAccountId,
    receiverAccountId: inv.receiverAccountId,
    invitationTimestamp: secs(inv.creationTime),
    status: invitationStatus(core, inv),
  };
}

/** Permission ARNs match the managed ones case-insensitively (aws-facts §0.1). */
export function findPermission(arn: string): ManagedPermission | undefined {
  const lower = arn.toLowerCase();
  return MANAGED_PERMISSIONS.find((p) => p.arn.toLowerCase() === lower);
}

export function checkPermissionArn(arn: string): ManagedPermission {
  if (!/^arn:aws[a-z-]*:ram:[a-z0-9-]*:(aws|[0-9]{12}):permission\/[\w./-]+$/.test(arn)) throw malformed(arn);
  const permission = findPermission(arn);
  if (!permission) throw new ApiError('UnknownResourceException', `Permission ${arn} could not be found.`);
  return permission;
}

export function permissionShape(p: ManagedPermission): Record<string, unknown> {
  return {
    arn: p.arn,
    version: '1',
    defaultVersion: true,
    name: p.name,
    resourceType: p.resourceType,
    status: 'ATTACHABLE',
    creationTime: PERMISSION_CREATION_TIME,
    lastUpdatedTime: PERMISSION_CREATION_TIME,
    isResourceTypeDefault: p.isResourceTypeDefault,
    permissionType: 'AWS_MANAGED',
    featureSet: 'STANDARD',
  };
}

const PERMISSION_CREATION_TIME = Date.UTC(2024, 1, 14) / 1000;
