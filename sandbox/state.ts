// The whole sandbox state: plain JSON-serialisable objects, so --state can save it as is.
// Times are epoch milliseconds on the sandbox clock. Dictionaries are null-prototype objects
// so that user-chosen keys (record ids) can never reach Object.prototype.

export interface Tag { Key: string; Value: string }
export interface RamTag { key: string; value: string }

export interface FeatureDefinition {
  FeatureName: string;
  FeatureType: 'Integral' | 'Fractional' | 'String';
  CollectionType?: 'List' | 'Set' | 'Vector';
  CollectionConfig?: { VectorConfig?: { Dimension: number } };
}

export interface TtlDuration { Unit: 'Seconds' | 'Minutes' | 'Hours' | 'Days' | 'Weeks'; Value: number }

export interface FeatureValue { FeatureName: string; ValueAsString?: string; ValueAsStringList?: string[] }

export interface FeatureMetadata {
  description?: string;
  parameters: { Key: string; Value: string }[];
  creationTime: number;
  lastModifiedTime: number;
}

export interface OnlineStoreConfig {
  EnableOnlineStore?: boolean;
  SecurityConfig?: { KmsKeyId?: string };
  TtlDuration?: TtlDuration;
  StorageType?: 'Standard' | 'InMemory';
}

export interface FeatureGroup {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  recordIdentifierFeatureName: string;
  eventTimeFeatureName: string;
  featureDefinitions: FeatureDefinition[];
  creationTime: number;
  lastModifiedTime?: number;
  onlineStoreConfig?: OnlineStoreConfig;
  offlineStoreConfig?: Record<string, unknown>;
  throughputConfig: Record<string, unknown>;
  roleArn?: string;
  description?: string;
  status: 'Creating' | 'Created' | 'CreateFailed' | 'Deleting' | 'DeleteFailed';
  offlineStoreStatus?: { Status: 'Active' | 'Blocked' | 'Disabled' };
  lastUpdateStatus?: { Status: 'Successful' | 'Failed' | 'InProgress'; FailureReason?: string };
  tags: Tag[];
  featureMetadata: Record<string, FeatureMetadata>;
}

/** One online-store record. A soft delete keeps a tombstone so older writes stay historic. */
export interface StoredRecord {
  values: FeatureValue[];
  /** Event time in (fractional) epoch seconds, for ordering writes and deletes. */
  eventTime: number;
  expiresAt?: number;
  deleted?: boolean;
}

export type AssociationStatus = 'ASSOCIATING' | 'ASSOCIATED' | 'FAILED' | 'DISASSOCIATING' | 'DISASSOCIATED';

export interface Association {
  entity: string;
  status: AssociationStatus;
  statusMessage?: string;
  external?: boolean;
  creationTime: number;
  lastUpdatedTime: number;
}

export interface ResourceShare {
  arn: string;
  name: string;
  owningAccountId: string;
  region: string;
  allowExternalPrincipals: boolean;
  status: 'ACTIVE' | 'DELETED';
  tags: RamTag[];
  creationTime: number;
  lastUpdatedTime: number;
  /** Canonical managed permission ARNs, at most one per resource type. */
  permissionArns: string[];
  resources: Association[];
  principals: Association[];
  /** CreateResourceShare's clientToken, for idempotent retries. */
  clientToken?: string;
}

export interface Invitation {
  arn: string;
  resourceShareArn: string;
  senderAccountId: string;
  receiverAccountId: string;
  /** Stored status; EXPIRED is derived from the clock (see ram/invitations.ts). */
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  creationTime: number;
  lastUpdatedTime: number;
}

export interface OrganizationalUnit { id: string; arn: string; name: string; accounts: string[] }

export interface Organization {
  id: string;
  arn: string;
  managementAccountId: string;
  accounts: string[];
  units: OrganizationalUnit[];
  /** RAM EnableSharingWithAwsOrganization has been called by the management account. */
  sharingEnabled: boolean;
}

export interface TemporaryCredential {
  accountId: string;
  /** Assumed-role ARN, e.g. arn:aws:sts::222222222222:assumed-role/Reader/session. */
  arn: string;
  userId: string;
  roleArn: string;
  expiration: number;
}

export interface State {
  version: 1;
  /** Added to the wall clock; moved by POST /_sandbox/clock. */
  clockOffsetMs: number;
  accounts: Record<string, { name: string }>;
  organizations: Organization[];
  temporaryCredentials: Record<string, TemporaryCredential>;
  /** Keyed by feature group ARN. */
  featureGroups: Record<string, FeatureGroup>;
  /** Feature group ARN → record identifier → record. */
  records: Record<string, Record<string, StoredRecord>>;
  /** Keyed by resource share ARN. */
  shares: Record<string, ResourceShare>;
  /** Keyed by invitation ARN. */
  invitations: Record<string, Invitation>;
}

export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function toDict<T>(obj: Record<string, T> | undefined): Record<string, T> {
  return Object.assign(dict<T>(), obj ?? {});
}

export function emptyState(): State {
  return {
    version: 1,
    clockOffsetMs: 0,
    accounts: dict(),
    organizations: [],
    temporaryCredentials: dict(),
    featureGroups: dict(),
    records: dict(),
    shares: dict(),
    invitations: dict(),
  };
}

/** Rebuilds a state read from disk, restoring null-prototype dictionaries. */
export function reviveState(raw: State): State {
  const records = dict<Record<string, StoredRecord>>();
  for (const [arn, recs] of Object.entries(raw.records ?? {})) records[arn] = toDict(recs);
  const featureGroups = toDict(raw.featureGroups);
  for (const fg of Object.values(featureGroups)) fg.featureMetadata = toDict(fg.featureMetadata);
  return {
    version: 1,
    clockOffsetMs: raw.clockOffsetMs ?? 0,
    accounts: toDict(raw.accounts),
    organizations: raw.organizations ?? [],
    temporaryCredentials: toDict(raw.temporaryCredentials),
    featureGroups,
    records,
    shares: toDict(raw.shares),
    invitations: toDict(raw.invitations),
  };
}
