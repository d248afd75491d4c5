// Fixed names and limits of the sandbox. Resource type strings are one constant each
// (aws-facts §0.10: the real strings are unverified, clients should filter by ARN).

export const DEFAULT_REGION = 'us-east-1';
export const FEATURE_GROUP_TYPE = 'sagemaker:FeatureGroup';
export const CATALOG_TYPE = 'sagemaker:SagemakerCatalog';
export const CATALOG_NAME = 'DefaultFeatureGroupCatalog';

/** What a managed permission lets a consumer do with a shared resource. */
export type PermissionLevel = 'ReadOnly' | 'ReadWrite' | 'Admin' | 'CatalogSearch';

export interface ManagedPermission {
  arn: string;
  name: string;
  resourceType: string;
  level: PermissionLevel;
  isResourceTypeDefault: boolean;
}

function managed(name: string, resourceType: string, level: PermissionLevel, isDefault: boolean): ManagedPermission {
  return { arn: `arn:aws:ram::aws:permission/${name}`, name, resourceType, level, isResourceTypeDefault: isDefault };
}

export const MANAGED_PERMISSIONS: readonly ManagedPermission[] = [
  managed('AWSRAMPermissionSageMakerFeatureGroupReadOnly', FEATURE_GROUP_TYPE, 'ReadOnly', true),
  managed('AWSRAMPermissionSageMakerFeatureGroupReadWrite', FEATURE_GROUP_TYPE, 'ReadWrite', false),
  managed('AWSRAMPermissionSageMakerFeatureGroupAdmin', FEATURE_GROUP_TYPE, 'Admin', false),
  managed('AWSRAMPermissionSageMakerCatalogResourceSearch', CATALOG_TYPE, 'CatalogSearch', true),
];

/** Operations each feature-group permission allows (aws-facts §1.2). */
const READ_OPS = ['DescribeFeatureGroup', 'DescribeFeatureMetadata', 'GetRecord', 'BatchGetRecord', 'ListRecords'];
const WRITE_OPS = [...READ_OPS, 'PutRecord', 'DeleteRecord', 'BatchWriteRecord', 'UpdateRecord'];
const ADMIN_OPS = [...WRITE_OPS, 'UpdateFeatureGroup', 'UpdateFeatureMetadata'];
export const OPS_BY_LEVEL: Record<PermissionLevel, ReadonlySet<string>> = {
  ReadOnly: new Set(READ_OPS),
  ReadWrite: new Set(WRITE_OPS),
  Admin: new Set(ADMIN_OPS),
  CatalogSearch: new Set(),
};

export const INVITATION_VALIDITY_MS = 7 * 24 * 3600 * 1000;
export const RESERVED_FEATURE_NAMES = new Set(['is_deleted', 'write_time', 'api_invocation_time']);
export const MAX_RECORD_BYTES = 350 * 1024;
export const MAX_RECORD_ID_BYTES = 2 * 1024;
/** Bodies beyond this are read and dropped, then refused; records themselves stop at 350 KB. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const FEATURE_GROUP_NAME_RE = /^[a-zA-Z0-9]([_-]*[a-zA-Z0-9]){0,63}$/;
export const FEATURE_NAME_RE = /^[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63}$/;
