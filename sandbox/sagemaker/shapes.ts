// Feature group → the response shapes DescribeFeatureGroup and Search return (epoch seconds).
import { secs, type Core } from '../core';
import type { FeatureGroup } from '../state';

export function describeShape(core: Core, fg: FeatureGroup): Record<string, unknown> {
  return {
    FeatureGroupArn: fg.arn,
    FeatureGroupName: fg.name,
    RecordIdentifierFeatureName: fg.recordIdentifierFeatureName,
    EventTimeFeatureName: fg.eventTimeFeatureName,
    FeatureDefinitions: fg.featureDefinitions,
    CreationTime: secs(fg.creationTime),
    LastModifiedTime: fg.lastModifiedTime === undefined ? undefined : secs(fg.lastModifiedTime),
    OnlineStoreConfig: fg.onlineStoreConfig,
    OfflineStoreConfig: fg.offlineStoreConfig,
    ThroughputConfig: fg.throughputConfig,
    RoleArn: fg.roleArn,
    FeatureGroupStatus: fg.status,
    OfflineStoreStatus: fg.offlineStoreStatus,
    LastUpdateStatus: fg.lastUpdateStatus,
    Description: fg.description,
    NextToken: '',
    OnlineStoreTotalSizeBytes: fg.onlineStoreConfig?.EnableOnlineStore ? onlineSize(core, fg) : undefined,
  };
}

/** The Search result shape; tags only for the caller's own groups (aws-facts §1.2). */
export function searchShape(fg: FeatureGroup, withTags: boolean): Record<string, unknown> {
  return {
    FeatureGroupArn: fg.arn,
    FeatureGroupName: fg.name,
    RecordIdentifierFeatureName: fg.recordIdentifierFeatureName,
    EventTimeFeatureName: fg.eventTimeFeatureName,
    FeatureDefinitions: fg.featureDefinitions,
    CreationTime: secs(fg.creationTime),
    LastModifiedTime: secs(fg.lastModifiedTime ?? fg.creationTime),
    OnlineStoreConfig: fg.onlineStoreConfig,
    OfflineStoreConfig: fg.offlineStoreConfig,
    RoleArn: fg.roleArn,
    FeatureGroupStatus: fg.status,
    OfflineStoreStatus: fg.offlineStoreStatus,
    LastUpdateStatus: fg.lastUpdateStatus,
    Description: fg.description,
    Tags: withTags ? fg.tags : undefined,
  };
}

function onlineSize(core: Core, fg: FeatureGroup): number {
  const records = core.state.records[fg.arn];
  if (!records) return 0;
  let bytes = 0;
  for (const record of Object.values(records)) {
    if (!record.deleted) bytes += JSON.stringify(record.values).length;
  }
  return bytes;
}
