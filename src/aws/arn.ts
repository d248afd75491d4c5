// Feature-group, catalog and RAM ARNs. Parsing goes through @aws-sdk/util-arn-parser; this file
// only knows which resource prefixes mean what.
import { build, parse, validate } from '@aws-sdk/util-arn-parser';

const FEATURE_GROUP_PREFIX = 'feature-group/';
const CATALOG_PREFIX = 'sagemaker-catalog/';
const DEFAULT_CATALOG_NAME = 'DefaultFeatureGroupCatalog';
const ACCOUNT_ID = /^\d{12}$/;

export interface FeatureGroupArnParts {
  partition: string;
  region: string;
  accountId: string;
  name: string;
}

function parseOrUndefined(arn: string): ReturnType<typeof parse> | undefined {
  if (!validate(arn)) return undefined;
  try {
    return parse(arn);
  } catch {
    return undefined;
  }
}

export function parseFeatureGroupArn(arn: string): FeatureGroupArnParts | undefined {
  const parts = parseOrUndefined(arn.trim());
  if (!parts || parts.service !== 'sagemaker' || !ACCOUNT_ID.test(parts.accountId)) return undefined;
  if (!parts.resource.startsWith(FEATURE_GROUP_PREFIX)) return undefined;
  const name = parts.resource.slice(FEATURE_GROUP_PREFIX.length);
  if (!name || name.includes('/')) return undefined;
  return { partition: parts.partition, region: parts.region, accountId: parts.accountId, name };
}

export function isFeatureGroupArn(s: string): boolean {
  return parseFeatureGroupArn(s) !== undefined;
}

export function isCatalogArn(s: string): boolean {
  const parts = parseOrUndefined(s.trim());
  return !!parts && parts.service === 'sagemaker' && parts.resource.startsWith(CATALOG_PREFIX) && parts.resource.length > CATALOG_PREFIX.length;
}

export function featureGroupArn(region: string, accountId: string, name: string, partition = 'aws'): string {
  return build({ partition, service: 'sagemaker', region, accountId, resource: FEATURE_GROUP_PREFIX + name });
}

export function catalogArn(region: string, accountId: string, partition = 'aws'): string {
  return build({ partition, service: 'sagemaker', region, accountId, resource: CATALOG_PREFIX + DEFAULT_CATALOG_NAME });
}

/** The account field of any ARN (RAM shares and invitations carry the owner/sender there). */
export function accountIdOfArn(arn: string): string | undefined {
  const parts = parseOrUndefined(arn.trim());
  return parts && ACCOUNT_ID.test(parts.accountId) ? parts.accountId : undefined;
}

/** The name part of a feature-group ARN, or the input itself when it is a plain name. */
export function featureGroupNameOf(nameOrArn: string): string {
  return parseFeatureGroupArn(nameOrArn)?.name ?? nameOrArn;
}
