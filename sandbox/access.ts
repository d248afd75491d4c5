// AWS's cross-account rules for feature groups (aws-facts §1):
// - a bare name always resolves in the caller's own account and region;
// - another account's group is reached by ARN and only through an ACTIVE share that has the
//   group ASSOCIATED and a principal covering the caller ASSOCIATED (invitation accepted, or
//   shared inside an Organization with RAM sharing enabled); the share's managed permission
//   decides which operations pass;
// - a catalog share (CatalogResourceSearch) only makes the owner's groups findable by Search.
// Cross-account ARNs without any grant are refused as access denied whether or not the group
// exists, so existence never leaks (the workshop notebook sees AccessDeniedException there).
import { accountsOfPrincipalArn } from './accounts';
import { featureGroupArn, parseCatalogArn, parseFeatureGroupArn } from './arn';
import { CATALOG_TYPE, FEATURE_GROUP_NAME_RE, FEATURE_GROUP_TYPE, MANAGED_PERMISSIONS, OPS_BY_LEVEL, type PermissionLevel } from './constants';
import type { Caller, Core } from './core';
import { ApiError } from './errors';
import type { FeatureGroup, ResourceShare, State } from './state';

export function principalCovers(state: State, principal: string, accountId: string): boolean {
  if (principal === accountId) return true;
  const iam = /^arn:aws[a-z-]*:iam::([0-9]{12}):/.exec(principal);
  if (iam) return iam[1] === accountId;
  return accountsOfPrincipalArn(state, principal)?.includes(accountId) ?? false;
}

/** The share's managed permission for a resource type (case-insensitive ARN match). */
export function permissionFor(share: ResourceShare, resourceType: string): PermissionLevel | undefined {
  for (const arn of share.permissionArns) {
    const p = MANAGED_PERMISSIONS.find((m) => m.arn.toLowerCase() === arn.toLowerCase());
    if (p && p.resourceType === resourceType) return p.level;
  }
  return MANAGED_PERMISSIONS.find((m) => m.resourceType === resourceType && m.isResourceTypeDefault)?.level;
}

/** Active shares from other accounts through which `accountId` currently reaches `resourceArn`. */
export function grantingShares(state: State, accountId: string, resourceArn: string): ResourceShare[] {
  const found: ResourceShare[] = [];
  for (const share of Object.values(state.shares)) {
    if (share.status !== 'ACTIVE' || share.owningAccountId === accountId) continue;
    if (!share.resources.some((r) => r.entity === resourceArn && r.status === 'ASSOCIATED')) continue;
    if (share.principals.some((p) => p.status === 'ASSOCIATED' && principalCovers(state, p.entity, accountId))) found.push(share);
  }
  return found;
}

export function sharedLevels(state: State, accountId: string, resourceArn: string, resourceType: string): PermissionLevel[] {
  const levels: PermissionLevel[] = [];
  for (const share of grantingShares(state, accountId, resourceArn)) {
    const level = permissionFor(share, resourceType);
    if (level) levels.push(level);
  }
  return levels;
}

export interface ResolveErrors {
  denied(message: string): ApiError;
  notFound(message: string): ApiError;
  invalid(message: string): ApiError;
}

/**
 * Finds the feature group a name or ARN designates for this caller and operation,
 * or throws the error AWS gives (not found, access denied, validation).
 */
export function resolveFeatureGroup(core: Core, caller: Caller, nameOrArn: string, operation: string, errors: ResolveErrors): FeatureGroup {
  const state = core.state;
  const parsed = parseFeatureGroupArn(nameOrArn);
  if (!parsed) {
    if (!FEATURE_GROUP_NAME_RE.test(nameOrArn)) {
      throw errors.invalid(`1 validation error detected: Value '${nameOrArn}' at 'featureGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:feature-group/)?([a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63})`);
    }
    const own = state.featureGroups[featureGroupArn(caller.region, caller.accountId, nameOrArn)];
    if (!own) throw errors.notFound(`Resource Not Found: Amazon SageMaker can't find a feature group with name ${nameOrArn}`);
    return own;
  }
  const arn = featureGroupArn(parsed.region, parsed.accountId, parsed.name);
  if (parsed.accountId !== caller.accountId) {
    const levels = sharedLevels(state, caller.accountId, arn, FEATURE_GROUP_TYPE);
    if (!levels.some((level) => OPS_BY_LEVEL[level].has(operation))) {
      throw errors.denied(`User: ${caller.arn} is not authorized to perform: sagemaker:${operation} on resource: ${arn} because no resource-based policy allows the sagemaker:${operation} action`);
    }
  }
  const fg = parsed.region === caller.region ? state.featureGroups[arn] : undefined;
  if (!fg) throw errors.notFound(`Resource Not Found: Amazon SageMaker can't find a feature group with name ${nameOrArn}`);
  return fg;
}

/** Accounts whose feature-group catalog in `region` is shared with the caller (Search CrossAccount). */
export function catalogOwnersVisibleTo(state: State, accountId: string, region: string): Set<string> {
  const owners = new Set<string>();
  for (const share of Object.values(state.shares)) {
    if (share.status !== 'ACTIVE' || share.owningAccountId === accountId || share.region !== region) continue;
    if (permissionFor(share, CATALOG_TYPE) !== 'CatalogSearch') continue;
    const catalog = share.resources.some((r) => r.status === 'ASSOCIATED' && parseCatalogArn(r.entity)?.region === region);
    if (!catalog) continue;
    if (share.principals.some((p) => p.status === 'ASSOCIATED' && principalCovers(state, p.entity, accountId))) owners.add(share.owningAccountId);
  }
  return owners;
}
