// Domain types shared by every layer. Tree nodes, commands, the inspector and the lookup hold
// these, never raw SDK responses, so the editor layers do not depend on SDK shapes.

/** How the caller may use a feature group. `owner` for groups of the caller's own account. */
export type AccessLevel = 'owner' | 'admin' | 'readWrite' | 'readOnly' | 'discoverOnly';

/** What kind of credentials a profile uses; shown in tooltips and used to explain failures. */
export type ProfileKind =
  | 'static'
  | 'assumeRole'
  | 'sso'
  | 'credentialProcess'
  | 'webIdentity'
  | 'unknown';

/** One profile from the shared config/credentials files, with everything needed to build clients. */
export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  /** Region from the profile (or the region override setting); undefined when none is set. */
  region?: string;
  /**
   * Endpoint overrides resolved from AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's
   * `services` section and its `endpoint_url` (in that order, as the SDK does for AWS_PROFILE).
   */
  endpoints: ServiceEndpoints;
  /** The files the profile was read from, so credentials resolve from the same files. */
  configFile?: string;
  credentialsFile?: string;
  /** For assume-role and web-identity profiles: the role that will be assumed. */
  roleArn?: string;
  /** Set when assuming the role needs an MFA code (the client pool asks through mfaCodeProvider). */
  mfaSerial?: string;
  /** Problems found while reading the profile that do not stop it from being listed. */
  warnings?: string[];
  /**
   * Hash of everything in the files that decides who the profile is (its section, its source_profile
   * chain, its sso-session and services sections, the files and endpoints): a changed value means
   * another identity may answer, so nothing loaded under the old one may be shown.
   */
  fingerprint?: string;
  /** For assume-role profiles: the kind of the profile at the end of the source_profile chain. */
  sourceKind?: ProfileKind;
  /** Credentials resolve with no one involved: static keys, or roles assumed from them without MFA. */
  unattended?: boolean;
}

export interface ServiceEndpoints {
  sagemaker?: string;
  featurestoreRuntime?: string;
  ram?: string;
  sts?: string;
}

export type FeatureType = 'Integral' | 'Fractional' | 'String';
export type CollectionType = 'List' | 'Set' | 'Vector';

export interface FeatureDefinition {
  name: string;
  type: FeatureType;
  /** Absent for scalar features. */
  collection?: CollectionType;
  /** Only for Vector collections. */
  vectorDimension?: number;
}

export interface TtlDuration {
  unit: 'Seconds' | 'Minutes' | 'Hours' | 'Days' | 'Weeks';
  value: number;
}

/** What a listing returns: enough for a tree row, no per-group describe needed. */
export interface FeatureGroupSummary {
  name: string;
  arn: string;
  /** 12-digit account that owns the group (taken from the ARN). */
  ownerAccountId: string;
  region: string;
  status?: string;
  creationTime?: Date;
  access: AccessLevel;
  /** For shared groups: the RAM share that grants access, when known. */
  resourceShareArn?: string;
  /** For shared groups: the managed permission name, when known. */
  permissionName?: string;
}

/** DescribeFeatureGroup (or a Search result, which carries the same fields). */
export interface FeatureGroupDetail extends FeatureGroupSummary {
  recordIdentifierFeatureName: string;
  eventTimeFeatureName: string;
  features: FeatureDefinition[];
  onlineStoreEnabled: boolean;
  offlineStoreEnabled: boolean;
  storageType?: 'Standard' | 'InMemory';
  defaultTtl?: TtlDuration;
  description?: string;
  lastModifiedTime?: Date;
  offlineStoreStatus?: string;
}

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';

export interface Invitation {
  arn: string;
  resourceShareName: string;
  resourceShareArn: string;
  senderAccountId: string;
  receiverAccountId?: string;
  status: InvitationStatus;
  invitationTime?: Date;
}

/** A RAM managed permission usable for feature groups or the catalog. */
export interface ManagedPermission {
  arn: string;
  name: string;
  resourceType?: string;
  isResourceTypeDefault: boolean;
  /** What it grants, derived from the name case-insensitively. */
  grants: AccessLevel;
}

export interface ResourceShareSummary {
  arn: string;
  name: string;
  owningAccountId: string;
  status: string;
  allowExternalPrincipals: boolean;
  creationTime?: Date;
}

/** A record as the inspector and lookup show it: feature name → value (strings or string lists on the wire). */
export interface FeatureRecord {
  values: Record<string, string | string[]>;
  /** ISO string, only when the group has a TTL and ExpirationTimeResponse was enabled. */
  expiresAt?: string;
}

/** Identifies one account's view in one region: every call in src/aws takes this. */
export interface AccountContext {
  profile: ProfileInfo;
  region: string;
}

/** A share the caller owns, with what it shares and with whom ("My shares"). */
export interface OwnedResourceShare extends ResourceShareSummary {
  resources: ShareAssociation[];
  principals: ShareAssociation[];
  /** The managed permission per resource type (ListResourceSharePermissions), when loaded. */
  permissions?: SharePermission[];
}

/** A permission a share applies; `grants` is undefined for permissions this extension does not know. */
export interface SharePermission {
  arn: string;
  name: string;
  resourceType?: string;
  grants?: AccessLevel;
}

/** What one change to a share (create, add, remove) left behind, as RAM reports it afterwards. */
export interface ShareChange {
  share: ResourceShareSummary;
  /** The associations the change touched, with their status after the change. */
  resources: ShareAssociation[];
  principals: ShareAssociation[];
}

export interface ShareAssociation {
  /** Resource ARN, or principal (account id / organization, OU or IAM ARN). */
  entity: string;
  /** ASSOCIATING (e.g. invitation not yet accepted), ASSOCIATED, FAILED, ... */
  status: string;
  statusMessage?: string;
  external?: boolean;
}
