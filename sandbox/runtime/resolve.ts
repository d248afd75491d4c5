// Runtime-flavoured errors and group resolution: denied is 403 AccessForbidden, a missing group
// 404 ResourceNotFound, bad input 400 ValidationError (aws-facts §4).
import { resolveFeatureGroup, type ResolveErrors } from '../access';
import { Check } from '../check';
import type { Caller, Core } from '../core';
import { ApiError } from '../errors';
import type { FeatureGroup } from '../state';

export const rtCheck = new Check('ValidationError');

export const rtResolveErrors: ResolveErrors = {
  denied: (message) => new ApiError('AccessForbidden', message, 403),
  notFound: (message) => new ApiError('ResourceNotFound', message, 404),
  invalid: (message) => new ApiError('ValidationError', message),
};

export function resolveGroup(core: Core, caller: Caller, nameOrArn: string, operation: string): FeatureGroup {
  if (nameOrArn.length < 1 || nameOrArn.length > 150) throw rtCheck.fail(`1 validation error detected: Value '${nameOrArn}' at 'featureGroupName' failed to satisfy constraint: Member must have length between 1 and 150`);
  return resolveFeatureGroup(core, caller, nameOrArn, operation, rtResolveErrors);
}

export function requireOnlineStore(fg: FeatureGroup): void {
  if (!fg.onlineStoreConfig?.EnableOnlineStore) throw rtCheck.fail(`Feature group ${fg.name} does not have an online store enabled`);
}
