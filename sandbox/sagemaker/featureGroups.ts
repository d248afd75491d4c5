// CreateFeatureGroup, DescribeFeatureGroup, ListFeatureGroups, DeleteFeatureGroup, UpdateFeatureGroup.
import { resolveFeatureGroup } from '../access';
import { featureGroupArn } from '../arn';
import type { Json } from '../check';
import { FEATURE_GROUP_NAME_RE } from '../constants';
import { secs, type Caller, type Core } from '../core';
import { ApiError } from '../errors';
import { paginate } from '../paging';
import { dict, type FeatureGroup, type OnlineStoreConfig } from '../state';
import { checkDefinitions, checkTtl } from './definitions';
import { smCheck as check, smResolveErrors } from './errors';
import { describeShape } from './shapes';
import { compareBy } from '../sorting';

const MAX_GROUPS_PER_ACCOUNT = 100;
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const S3_URI_RE = /^(https|s3):\/\/([^/]+)\/?(.*)$/;

export function createFeatureGroup(core: Core, caller: Caller, input: Json): unknown {
  const name = check.str(input, 'FeatureGroupName', { required: true, min: 1, max: 64, pattern: FEATURE_GROUP_NAME_RE });
  const recordId = check.str(input, 'RecordIdentifierFeatureName', { required: true, min: 1, max: 64 });
  const eventTime = check.str(input, 'EventTimeFeatureName', { required: true, min: 1, max: 64 });
  const rawDefs = check.objList(input, 'FeatureDefinitions', { required: true, min: 1, max: 2500 })!;
  const online = checkOnlineConfig(input);
  const offlineRaw = check.obj(input, 'OfflineStoreConfig');
  if (!online && !offlineRaw) throw check.fail('You must provide at least one of OnlineStoreConfig and OfflineStoreConfig');
  const defs = checkDefinitions(check, rawDefs, online?.StorageType === 'InMemory');
  const idDef = defs.find((d) => d.FeatureName === recordId);
  if (!idDef) throw check.fail(`The RecordIdentifierFeatureName ${recordId} must be one of the feature definitions`);
  if (idDef.FeatureType === 'Fractional' || idDef.CollectionType) throw check.fail(`The RecordIdentifierFeatureName ${recordId} must be of type Integral or String`);
  const etDef = defs.find((d) => d.FeatureName === eventTime);
  if (!etDef) throw check.fail(`The EventTimeFeatureName ${eventTime} must be one of the feature definitions`);
  if (etDef.FeatureType === 'Integral' || etDef.CollectionType) throw check.fail(`The EventTimeFeatureName ${eventTime} must be of type Fractional or String`);
  const roleArn = check.str(input, 'RoleArn', { min: 20, max: 2048, pattern: ROLE_ARN_RE });
  const description = check.str(input, 'Description', { max: 128 });
  const tags = checkTags(input);
  const throughput = check.obj(input, 'ThroughputConfig');
  const arn = featureGroupArn(caller.region, caller.accountId, name);
  const state = core.state;
  if (state.featureGroups[arn]) throw new ApiError('ResourceInUse', `Resource Already Exists: FeatureGroup with name ${name} already exists. Choose a different name.`);
  const owned = Object.values(state.featureGroups).filter((g) => g.accountId === caller.accountId && g.region === caller.region).length;
  if (owned >= MAX_GROUPS_PER_ACCOUNT) throw new ApiError('ResourceLimitExceeded', `The account-level service limit 'Total number of feature groups' is ${MAX_GROUPS_PER_ACCOUNT} FeatureGroups.`);
  const now = core.now();
  const offline = offlineRaw ? checkOfflineConfig(offlineRaw, caller, name, now, roleArn) : undefined;
  const fg: FeatureGroup = {
    arn,
    name,
    accountId: caller.accountId,
    region: caller.region,
    recordIdentifierFeatureName: recordId,
    eventTimeFeatureName: eventTime,
    featureDefinitions: defs,
    creationTime: now,
    onlineStoreConfig: online,
    offlineStoreConfig: offline,
    throughputConfig: throughput ? { ...throughput } : { ThroughputMode: 'OnDemand' },
    roleArn,
    description,
    status: 'Created',
    offlineStoreStatus: offline ? { Status: 'Active' } : undefined,
    tags,
    featureMetadata: dict(),
  };
  state.featureGroups[arn] = fg;
  state.records[arn] = dict();
  return { FeatureGroupArn: arn };
}

function checkOnlineConfig(input: Json): OnlineStoreConfig | undefined {
  const raw = check.obj(input, 'OnlineStoreConfig');
  if (!raw) return undefined;
  const config: OnlineStoreConfig = { EnableOnlineStore: check.bool(raw, 'EnableOnlineStore') ?? false };
  const security = check.obj(raw, 'SecurityConfig');
  if (security) config.SecurityConfig = { KmsKeyId: check.str(security, 'KmsKeyId', { max: 2048 }) };
  const ttl = checkTtl(check, check.obj(raw, 'TtlDuration'));
  if (ttl) config.TtlDuration = ttl;
  const storage = check.oneOf(raw, 'StorageType', ['Standard', 'InMemory'] as const);
  if (storage) config.StorageType = storage;
  if (!config.EnableOnlineStore && (ttl || storage)) throw check.fail('TtlDuration and StorageType require EnableOnlineStore to be true');
  if (config.EnableOnlineStore && !config.StorageType) config.StorageType = 'Standard';
  return config;
}

function checkOfflineConfig(raw: Json, caller: Caller, name: string, now: number, roleArn: string | undefined): Record<string, unknown> {
  const s3 = check.obj(raw, 'S3StorageConfig', true)!;
  const uri = check.str(s3, 'S3Uri', { required: true, max: 1024, pattern: S3_URI_RE }).replace(/\/$/, '');
  if (!roleArn) throw check.fail('RoleArn is required when OfflineStoreConfig is provided');
  const stamp = Math.floor(now / 1000);
  const catalog = check.obj(raw, 'DataCatalogConfig');
  return {
    S3StorageConfig: {
      S3Uri: uri,
      KmsKeyId: check.str(s3, 'KmsKeyId', { max: 2048 }),
      ResolvedOutputS3Uri: `${uri}/${caller.accountId}/sagemaker/${caller.region}/offline-store/${name}-${stamp}/data`,
    },
    DisableGlueTableCreation: check.bool(raw, 'DisableGlueTableCreation') ?? false,
    DataCatalogConfig: catalog ?? { TableName: `${name.replace(/-/g, '_')}_${stamp}`, Catalog: 'AwsDataCatalog', Database: 'sagemaker_featurestore' },
    TableFormat: check.oneOf(raw, 'TableFormat', ['Default', 'Glue', 'Iceberg'] as const) ?? 'Glue',
  };
}

export function checkTags(input: Json): { Key: string; Value: string }[] {
  const tags = check.objList(input, 'Tags', { max: 50 }) ?? [];
  return tags.map((t) => ({ Key: check.str(t, 'Key', { required: true, min: 1, max: 128 }), Value: check.str(t, 'Value', { required: true, max: 256 }) }));
}

export function describeFeatureGroup(core: Core, caller: Caller, input: Json): unknown {
  const nameOrArn = check.str(input, 'FeatureGroupName', { required: true, min: 1, max: 256 });
  check.str(input, 'NextToken', { max: 8192 });
  return describeShape(core, resolveFeatureGroup(core, caller, nameOrArn, 'DescribeFeatureGroup', smResolveErrors));
}

const LIST_SORT_KEYS = {
  Name: (g: FeatureGroup) => g.name,
  FeatureGroupStatus: (g: FeatureGroup) => g.status,
  OfflineStoreStatus: (g: FeatureGroup) => g.offlineStoreStatus?.Status ?? '',
  CreationTime: (g: FeatureGroup) => g.creationTime,
};

export function listFeatureGroups(core: Core, caller: Caller, input: Json): unknown {
  const contains = check.str(input, 'NameContains', { min: 1, max: 64 })?.toLowerCase();
  const status = check.oneOf(input, 'FeatureGroupStatusEquals', ['Creating', 'Created', 'CreateFailed', 'Deleting', 'DeleteFailed'] as const);
  const offline = check.oneOf(input, 'OfflineStoreStatusEquals', ['Active', 'Blocked', 'Disabled'] as const);
  const after = check.num(input, 'CreationTimeAfter');
  const before = check.num(input, 'CreationTimeBefore');
  const order = check.oneOf(input, 'SortOrder', ['Ascending', 'Descending'] as const) ?? 'Descending';
  const sortBy = check.oneOf(input, 'SortBy', ['Name', 'FeatureGroupStatus', 'OfflineStoreStatus', 'CreationTime'] as const) ?? 'CreationTime';
  const max = check.num(input, 'MaxResults', { integer: true, min: 1, max: 100 }) ?? 10;
  const token = check.str(input, 'NextToken', { max: 8192 });
  const groups = Object.values(core.state.featureGroups).filter((g) =>
    g.accountId === caller.accountId &&
    g.region === caller.region &&
    (!contains || g.name.toLowerCase().includes(contains)) &&
    (!status || g.status === status) &&
    (!offline || g.offlineStoreStatus?.Status === offline) &&
    (after === undefined || g.creationTime > after * 1000) &&
    (before === undefined || g.creationTime < before * 1000));
  groups.sort(compareBy(LIST_SORT_KEYS[sortBy], order, (g) => g.arn));
  const page = paginate(groups, (g) => g.arn, token, max, () => check.fail('The NextToken is invalid'));
  return {
    FeatureGroupSummaries: page.items.map((g) => ({
      FeatureGroupName: g.name,
      FeatureGroupArn: g.arn,
      CreationTime: secs(g.creationTime),
      FeatureGroupStatus: g.status,
      OfflineStoreStatus: g.offlineStoreStatus,
    })),
    NextToken: page.nextToken,
  };
}

export function deleteFeatureGroup(core: Core, caller: Caller, input: Json): unknown {
  const name = check.str(input, 'FeatureGroupName', { required: true, min: 1, max: 64, pattern: FEATURE_GROUP_NAME_RE });
  const arn = featureGroupArn(caller.region, caller.accountId, name);
  const state = core.state;
  if (!state.featureGroups[arn]) throw new ApiError('ResourceNotFound', `Resource Not Found: Amazon SageMaker can't find a feature group with name ${name}`);
  delete state.featureGroups[arn];
  delete state.records[arn];
  // RAM drops associations of resources that no longer exist.
  const now = core.now();
  for (const share of Object.values(state.shares)) {
    for (const r of share.resources) {
      if (r.entity === arn && r.status === 'ASSOCIATED') Object.assign(r, { status: 'DISASSOCIATED', statusMessage: 'The resource was deleted', lastUpdatedTime: now });
    }
  }
  return undefined;
}

export function updateFeatureGroup(core: Core, caller: Caller, input: Json): unknown {
  const nameOrArn = check.str(input, 'FeatureGroupName', { required: true, min: 1, max: 256 });
  const additions = check.objList(input, 'FeatureAdditions', { min: 1, max: 100 });
  const online = check.obj(input, 'OnlineStoreConfig');
  const throughput = check.obj(input, 'ThroughputConfig');
  const given = [additions, online, throughput].filter((x) => x !== undefined).length;
  if (given === 0) throw check.fail('Provide one of FeatureAdditions, OnlineStoreConfig or ThroughputConfig');
  if (given > 1) throw check.fail('Use only one of FeatureAdditions, OnlineStoreConfig or ThroughputConfig at a time');
  const fg = resolveFeatureGroup(core, caller, nameOrArn, 'UpdateFeatureGroup', smResolveErrors);
  const now = core.now();
  if (additions) {
    const defs = checkDefinitions(check, additions, fg.onlineStoreConfig?.StorageType === 'InMemory', fg.featureDefinitions);
    if (fg.featureDefinitions.length + defs.length > 2500) throw new ApiError('ResourceLimitExceeded', 'A feature group can have at most 2500 features');
    fg.featureDefinitions.push(...defs);
    for (const d of defs) fg.featureMetadata[d.FeatureName] = { parameters: [], creationTime: now, lastModifiedTime: now };
  }
  if (online) {
    if (!fg.onlineStoreConfig?.EnableOnlineStore) throw check.fail(`Feature group ${fg.name} does not have an online store`);
    const rawTtl = check.obj(online, 'TtlDuration');
    // Unit and Value set to null remove the group's default TTL.
    if (!rawTtl || (rawTtl.Unit == null && rawTtl.Value == null)) delete fg.onlineStoreConfig.TtlDuration;
    else fg.onlineStoreConfig.TtlDuration = checkTtl(check, rawTtl);
  }
  if (throughput) fg.throughputConfig = { ...fg.throughputConfig, ...throughput };
  fg.lastModifiedTime = now;
  fg.lastUpdateStatus = { Status: 'Successful' };
  return { FeatureGroupArn: fg.arn };
}
