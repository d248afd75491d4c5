// ListPermissions, ListResourceSharePermissions, GetPermission, ListResourceTypes,
// and EnableSharingWithAwsOrganization.
import { permissionFor } from '../access';
import type { Json } from '../check';
import { CATALOG_TYPE, FEATURE_GROUP_TYPE, MANAGED_PERMISSIONS, OPS_BY_LEVEL } from '../constants';
import type { Caller, Core } from '../core';
import { ApiError } from '../errors';
import { paginate } from '../paging';
import { resourceTypeOf } from './associate';
import { badToken, checkPermissionArn, checkShareArn, DEFAULT_MAX_RESULTS, pendingInvitation, permissionShape, ramCheck as check, unknownShare } from './common';
import { isSharedWith } from './shares';

export function listPermissions(_core: Core, _caller: Caller, input: Json): unknown {
  const type = check.str(input, 'resourceType')?.toLowerCase();
  const kind = check.oneOf(input, 'permissionType', ['ALL', 'AWS_MANAGED', 'CUSTOMER_MANAGED'] as const) ?? 'ALL';
  const max = check.num(input, 'maxResults', { integer: true, min: 1, max: 500 }) ?? DEFAULT_MAX_RESULTS;
  const token = check.str(input, 'nextToken');
  const list = kind === 'CUSTOMER_MANAGED' ? [] : MANAGED_PERMISSIONS.filter((p) => !type || p.resourceType.toLowerCase() === type);
  const page = paginate(list, (p) => p.arn, token, max, badToken);
  return { permissions: page.items.map(permissionShape), nextToken: page.nextToken };
}

export function listResourceSharePermissions(core: Core, caller: Caller, input: Json): unknown {
  const arn = check.str(input, 'resourceShareArn', { required: true });
  const max = check.num(input, 'maxResults', { integer: true, min: 1, max: 500 }) ?? DEFAULT_MAX_RESULTS;
  const token = check.str(input, 'nextToken');
  checkShareArn(arn);
  const share = core.state.shares[arn];
  const visible = share && (share.owningAccountId === caller.accountId || isSharedWith(core, share, caller.accountId) || pendingInvitation(core, share, caller.accountId));
  if (!share || !visible) throw unknownShare(arn);
  // Each resource type in the share uses its explicit permission or the type's default one.
  const types = new Set(share.resources.map((r) => resourceTypeOf(r.entity)).filter((t): t is string => !!t));
  for (const p of share.permissionArns) types.add(checkPermissionArn(p).resourceType);
  const permissions = [...types].map((t) => {
    const level = permissionFor(share, t);
    return MANAGED_PERMISSIONS.find((p) => p.resourceType === t && p.level === level)!;
  });
  const page = paginate(permissions, (p) => p.arn, token, max, badToken);
  return { permissions: page.items.map(permissionShape), nextToken: page.nextToken };
}

export function getPermission(_core: Core, _caller: Caller, input: Json): unknown {
  const arn = check.str(input, 'permissionArn', { required: true });
  const version = check.num(input, 'permissionVersion', { integer: true });
  const p = checkPermissionArn(arn);
  if (version !== undefined && version !== 1) throw new ApiError('InvalidParameterException', `Permission ${arn} has no version ${version}.`);
  const actions = p.level === 'CatalogSearch' ? ['sagemaker:Search'] : [...OPS_BY_LEVEL[p.level]].map((op) => `sagemaker:${op}`);
  return { permission: { ...permissionShape(p), permission: JSON.stringify({ Effect: 'Allow', Action: actions }) } };
}

export function listResourceTypes(_core: Core, _caller: Caller, input: Json): unknown {
  check.num(input, 'maxResults', { integer: true, min: 1, max: 500 });
  const types = [FEATURE_GROUP_TYPE, CATALOG_TYPE].map((t) => ({ resourceType: t, serviceName: 'sagemaker', resourceRegionScope: 'REGIONAL' }));
  return { resourceTypes: types };
}

export function enableSharingWithAwsOrganization(core: Core, caller: Caller): unknown {
  const org = core.state.organizations.find((o) => o.managementAccountId === caller.accountId);
  if (!org) throw new ApiError('OperationNotPermittedException', 'Only the management account of an organization can enable sharing with AWS Organizations.');
  org.sharingEnabled = true;
  return { returnValue: true };
}
