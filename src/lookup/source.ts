// Where the lookup gets its data: the profiles, each profile's owned and shared feature groups, a
// group's definition and a record. The extension answers from the Feature Store tree's loaded data
// (treeSource.ts); scripts and tests answer straight from src/aws (servicesSource below).
import type { FeatureStoreCatalog } from '../aws/catalog';
import type { AccountContext, FeatureGroupDetail, FeatureGroupSummary, FeatureRecord } from '../aws/model';
import type { RecordService } from '../aws/records';

/** A profile the lookup may act as: one with a region (the tree shows the others as errors). */
export interface LookupProfile {
  name: string;
  context: AccountContext;
}

export interface GroupSource {
  profiles(): Promise<LookupProfile[]>;
  owned(profile: LookupProfile): Promise<FeatureGroupSummary[]>;
  shared(profile: LookupProfile): Promise<FeatureGroupSummary[]>;
  /** DescribeFeatureGroup as `profile`, addressed by the summary's ARN, with its access level. */
  describe(profile: LookupProfile, group: FeatureGroupSummary): Promise<FeatureGroupDetail>;
  getRecord(profile: LookupProfile, group: FeatureGroupDetail, recordId: string): Promise<FeatureRecord | undefined>;
}

export interface AwsServices {
  catalog: FeatureStoreCatalog;
  records: RecordService;
}

/** A source calling src/aws directly, with the given profiles. */
export function servicesSource(services: () => AwsServices, profiles: () => Promise<LookupProfile[]>): GroupSource {
  return {
    profiles,
    owned: (p) => services().catalog.listOwned(p.context),
    shared: (p) => services().catalog.listSharedWithMe(p.context),
    describe: (p, group) => services().catalog.describe(p.context, group.arn, group.access),
    getRecord: (p, group, recordId) => services().records.get(p.context, group, recordId),
  };
}
