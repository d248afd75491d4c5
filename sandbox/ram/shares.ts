// CreateResourceShare, GetResourceShares, UpdateResourceShare, DeleteResourceShare.
import { principalCovers } from '../access';
import { ramArn } from '../arn';
import type { Json } from '../check';
import type { Caller, Core } from '../core';
import { ApiError } from '../errors';
import { paginate } from '../paging';
import { compareBy } from '../sorting';
import type { RamTag, ResourceShare } from '../state';
import { applyAssociations, planPrincipals, planResources } from './associate';
import { badToken, checkPermissionArn, checkShareArn, DEFAULT_MAX_RESULTS, ownedShare, ramCheck as check, shareShape } from './common';

function checkTags(input: Json): RamTag[] {
  return (check.objList(input, 'tags', { max: 50 }) ?? []).map((t) => ({ key: check.str(t, 'key', { required: true, min: 1, max: 128 }), value: check.str(t, 'value', { max: 256 }) ?? '' }));
}

export function createResourceShare(core: Core, caller: Caller, input: Json): unknown {
  const name = check.str(input, 'name', { required: true, min: 1, max: 255 });
  const resourceArns = check.strList(input, 'resourceArns') ?? [];
  const principals = check.strList(input, 'principals') ?? [];
  const tags = checkTags(input);
  const allowExternalPrincipals = check.bool(input, 'allowExternalPrincipals') ?? true;
  const clientToken = check.str(input, 'clientToken', { max: 64 });
  const permissions = (check.strList(input, 'permissionArns') ?? []).map(checkPermissionArn);
  check.strList(input, 'sources');

  const resources = planResources(core, caller.accountId, caller.region, resourceArns);
  const types = new Set(resources.map((r) => r.type));
  const permissionTypes = new Set<string>();
  for (const p of permissions) {
    if (permissionTypes.has(p.resourceType)) throw new ApiError('InvalidParameterException', `You can associate only one permission with each resource type (${p.resourceType}).`);
    permissionTypes.add(p.resourceType);
    if (resources.length > 0 && !types.has(p.resourceType)) {
      throw new ApiError('InvalidParameterException', `Permission ${p.arn} applies to resource type ${p.resourceType}, which no resource of this share has.`);
    }
  }
  if (clientToken) {
    const earlier = Object.values(core.state.shares).find((s) => s.owningAccountId === caller.accountId && s.clientToken === clientToken);
    if (earlier) {
      if (earlier.name !== name) throw new ApiError('IdempotentParameterMismatchException', `The client token ${clientToken} was already used with different parameters.`);
      return { resourceShare: shareShape(earlier), clientToken };
    }
  }
  const plannedPrincipals = planPrincipals(core, { owningAccountId: caller.accountId, allowExternalPrincipals }, principals);
  const now = core.now();
  const arn = ramArn(caller.region, caller.accountId, 'resource-share', crypto.randomUUID());
  const share: ResourceShare = {
    arn, name, owningAccountId: caller.accountId, region: caller.region, allowExternalPrincipals, status: 'ACTIVE', tags,
    creationTime: now, lastUpdatedTime: now, permissionArns: permissions.map((p) => p.arn), resources: [], principals: [], clientToken,
  };
  core.state.shares[arn] = share;
  applyAssociations(core, share, resources, plannedPrincipals);
  return { resourceShare: shareShape(share), clientToken };
}

export function getResourceShares(core: Core, caller: Caller, input: Json): unknown {
  const owner = check.oneOf(input, 'resourceOwner', ['SELF', 'OTHER-ACCOUNTS'] as const, true);
  const arns = check.strList(input, 'resourceShareArns');
  arns?.forEach(checkShareArn);
  const status = check.oneOf(input, 'resourceShareStatus', ['PENDING', 'ACTIVE', 'FAILED', 'DELETING', 'DELETED'] as const);
  const name = check.str(input, 'name');
  const tagFilters = (check.objList(input, 'tagFilters') ?? []).map((f) => ({ key: check.str(f, 'tagKey'), values: check.strList(f, 'tagValues') }));
  const permissionArn = check.str(input, 'permissionArn');
  if (permissionArn) checkPermissionArn(permissionArn);
  const max = check.num(input, 'maxResults', { integer: true, min: 1, max: 500 }) ?? DEFAULT_MAX_RESULTS;
  const token = check.str(input, 'nextToken');
  const shares = Object.values(core.state.shares).filter((s) =>
    s.region === caller.region &&
    (owner === 'SELF' ? s.owningAccountId === caller.accountId : isSharedWith(core, s, caller.accountId)) &&
    (status ? s.status === status : s.status !== 'DELETED' || !!arns) &&
    (!arns || arns.includes(s.arn)) &&
    (!name || s.name === name) &&
    (!permissionArn || s.permissionArns.some((p) => p.toLowerCase() === permissionArn.toLowerCase())) &&
    tagFilters.every((f) => s.tags.some((t) => (!f.key || t.key === f.key) && (!f.values || f.values.includes(t.value)))));
  shares.sort(compareBy((s) => s.creationTime, 'Ascending', (s) => s.arn));
  const page = paginate(shares, (s) => s.arn, token, max, badToken);
  return { resourceShares: page.items.map(shareShape), nextToken: page.nextToken };
}

/** The caller reaches this share: an ASSOCIATED principal covers its account. */
export function isSharedWith(core: Core, share: ResourceShare, accountId: string): boolean {
  return share.owningAccountId !== accountId && share.status === 'ACTIVE' &&
    share.principals.some((p) => p.status === 'ASSOCIATED' && principalCovers(core.state, p.entity, accountId));
}

export function updateResourceShare(core: Core, caller: Caller, input: Json): unknown {
  const arn = check.str(input, 'resourceShareArn', { required: true });
  const name = check.str(input, 'name', { min: 1, max: 255 });
  const allowExternal = check.bool(input, 'allowExternalPrincipals');
  const clientToken = check.str(input, 'clientToken');
  const share = ownedShare(core, caller, arn);
  if (name !== undefined) share.name = name;
  if (allowExternal !== undefined) share.allowExternalPrincipals = allowExternal;
  share.lastUpdatedTime = core.now();
  return { resourceShare: shareShape(share), clientToken };
}

export function deleteResourceShare(core: Core, caller: Caller, query: URLSearchParams): unknown {
  const arn = query.get('resourceShareArn');
  if (!arn) throw check.missing('resourceShareArn');
  const clientToken = query.get('clientToken') ?? undefined;
  checkShareArn(arn);
  const existing = core.state.shares[arn];
  if (existing?.status === 'DELETED' && existing.owningAccountId === caller.accountId) {
    throw new ApiError('InvalidStateTransitionException', `Resource share ${arn} is already deleted.`);
  }
  const share = ownedShare(core, caller, arn);
  const now = core.now();
  share.status = 'DELETED';
  share.lastUpdatedTime = now;
  for (const a of [...share.resources, ...share.principals]) {
    if (a.status !== 'DISASSOCIATED') Object.assign(a, { status: 'DISASSOCIATED', lastUpdatedTime: now });
  }
  // Invitations that were never answered go away with the share.
  for (const inv of Object.values(core.state.invitations)) {
    if (inv.resourceShareArn === arn && inv.status === 'PENDING') delete core.state.invitations[inv.arn];
  }
  return { returnValue: true, clientToken };
}
