// GetResourceShareInvitations, Accept/RejectResourceShareInvitation, ListPendingInvitationResources.
// Invitations are the receiver's; they expire 7 days after they were sent (sandbox clock).
import { parseRamArn } from '../arn';
import type { Json } from '../check';
import { secs, type Caller, type Core } from '../core';
import { ApiError } from '../errors';
import { paginate } from '../paging';
import { compareBy } from '../sorting';
import type { Invitation } from '../state';
import { resourceTypeOf } from './associate';
import { badToken, checkShareArn, DEFAULT_MAX_RESULTS, invitationShape, invitationStatus, malformed, ramCheck as check } from './common';

function notFound(arn: string): ApiError {
  return new ApiError('ResourceShareInvitationArnNotFoundException', `ResourceShareInvitationArn ${arn} could not be found.`);
}

function receivedInvitation(core: Core, caller: Caller, arn: string): Invitation {
  if (parseRamArn(arn)?.kind !== 'resource-share-invitation') throw malformed(arn);
  const inv = core.state.invitations[arn];
  if (!inv || inv.receiverAccountId !== caller.accountId) throw notFound(arn);
  return inv;
}

export function getResourceShareInvitations(core: Core, caller: Caller, input: Json): unknown {
  const invitationArns = check.strList(input, 'resourceShareInvitationArns');
  const shareArns = check.strList(input, 'resourceShareArns');
  shareArns?.forEach(checkShareArn);
  invitationArns?.forEach((arn) => receivedInvitation(core, caller, arn));
  const max = check.num(input, 'maxResults', { integer: true, min: 1, max: 500 }) ?? DEFAULT_MAX_RESULTS;
  const token = check.str(input, 'nextToken');
  const invitations = Object.values(core.state.invitations).filter((i) =>
    i.receiverAccountId === caller.accountId &&
    (!invitationArns || invitationArns.includes(i.arn)) &&
    (!shareArns || shareArns.includes(i.resourceShareArn)));
  invitations.sort(compareBy((i) => i.creationTime, 'Ascending', (i) => i.arn));
  const page = paginate(invitations, (i) => i.arn, token, max, badToken);
  return { resourceShareInvitations: page.items.map((i) => invitationShape(core, i)), nextToken: page.nextToken };
}

function answer(core: Core, caller: Caller, input: Json, accept: boolean): unknown {
  const arn = check.str(input, 'resourceShareInvitationArn', { required: true });
  const clientToken = check.str(input, 'clientToken');
  const inv = receivedInvitation(core, caller, arn);
  const status = invitationStatus(core, inv);
  if (status === 'ACCEPTED') throw new ApiError('ResourceShareInvitationAlreadyAcceptedException', `The invitation ${arn} is already accepted.`);
  if (status === 'REJECTED') throw new ApiError('ResourceShareInvitationAlreadyRejectedException', `The invitation ${arn} is already rejected.`);
  if (status === 'EXPIRED') throw new ApiError('ResourceShareInvitationExpiredException', `The invitation ${arn} expired.`);
  const now = core.now();
  inv.status = accept ? 'ACCEPTED' : 'REJECTED';
  inv.lastUpdatedTime = now;
  const share = core.state.shares[inv.resourceShareArn];
  const assoc = share?.principals.find((p) => p.entity === inv.receiverAccountId && p.status === 'ASSOCIATING');
  if (assoc) {
    Object.assign(assoc, accept
      ? { status: 'ASSOCIATED', statusMessage: undefined, lastUpdatedTime: now }
      : { status: 'DISASSOCIATED', statusMessage: 'The invitation was rejected.', lastUpdatedTime: now });
  }
  return { resourceShareInvitation: invitationShape(core, inv), clientToken };
}

export const acceptResourceShareInvitation = (core: Core, caller: Caller, input: Json): unknown => answer(core, caller, input, true);
export const rejectResourceShareInvitation = (core: Core, caller: Caller, input: Json): unknown => answer(core, caller, input, false);

export function listPendingInvitationResources(core: Core, caller: Caller, input: Json): unknown {
  const arn = check.str(input, 'resourceShareInvitationArn', { required: true });
  const max = check.num(input, 'maxResults', { integer: true, min: 1, max: 500 }) ?? DEFAULT_MAX_RESULTS;
  const token = check.str(input, 'nextToken');
  check.oneOf(input, 'resourceRegionScope', ['ALL', 'REGIONAL', 'GLOBAL'] as const);
  const inv = receivedInvitation(core, caller, arn);
  const status = invitationStatus(core, inv);
  if (status === 'REJECTED') throw new ApiError('ResourceShareInvitationAlreadyRejectedException', `The invitation ${arn} is already rejected.`);
  if (status === 'EXPIRED') throw new ApiError('ResourceShareInvitationExpiredException', `The invitation ${arn} expired.`);
  const share = core.state.shares[inv.resourceShareArn];
  const resources = (share?.resources ?? []).filter((r) => r.status === 'ASSOCIATED').map((r) => ({
    arn: r.entity,
    type: resourceTypeOf(r.entity),
    resourceShareArn: inv.resourceShareArn,
    status: 'AVAILABLE',
    creationTime: secs(r.creationTime),
    lastUpdatedTime: secs(r.lastUpdatedTime),
    resourceRegionScope: 'REGIONAL',
  }));
  const page = paginate(resources, (r) => r.arn, token, max, badToken);
  return { resources: page.items, nextToken: page.nextToken };
}
