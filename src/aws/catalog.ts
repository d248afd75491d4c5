// Which feature groups a profile can see: its own (ListFeatureGroups), those shared with it through
// RAM (with the share's permission deciding the access level), and those only discoverable through an
// owner's catalog share (Search CrossAccount). ListFeatureGroups has no cross-account option (aws-facts §0.4).
//
// Speed (docs/performance.md): every independent call starts at once, pages are as large as the API
// allows, nothing is described to list it, the owned list is paged from both ends, and every call
// goes through the pool's response cache (callCache.ts: shared by tree, lookup and inspector;
// concurrent identical calls made once).
import { paginateGetResourceShares, paginateListResourceSharePermissions, paginateListResources } from '@aws-sdk/client-ram';
import {
  DescribeFeatureGroupCommand,
  ListFeatureGroupsCommand,
  paginateSearch,
  type DescribeFeatureGroupCommandOutput,
  type FeatureDefinition as SdkFeatureDefinition,
  type FeatureGroupSummary as SdkFeatureGroupSummary,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { parseFeatureGroupArn } from './arn';
import { allPages, awsCall, mapLimit } from './call';
import type { ClientPool } from './clients';
import type { AccessLevel, AccountContext, FeatureDefinition, FeatureGroupDetail, FeatureGroupSummary } from './model';
import { listFromBothEnds } from './pagingBothEnds';
import { accessFromPermissionName, isFeatureGroupPermissionName, strongerAccess } from './permissions';

const FEATURE_GROUP_PAGE = 100;
const RAM_PAGE = 500;
const SEARCH_PAGE = 100;
/** One ListResourceSharePermissions per share not classified otherwise, a few at a time. */
const PERMISSION_LOOKUPS_IN_FLIGHT = 8;
/**
 * The managed feature-group permissions, asked for by ARN in GetResourceShares at the same time as
 * ListResources, so a share's access level is known without a second round trip. A share with any
 * other permission (customer managed, or a spelling AWS serves differently, aws-facts §0.1) falls back
 * to ListResourceSharePermissions.
 */
const MANAGED_FEATURE_GROUP_PERMISSIONS: readonly { name: string; access: AccessLevel }[] = [
  { name: 'AWSRAMPermissionSageMakerFeatureGroupReadOnly', access: 'readOnly' },
  { name: 'AWSRAMPermissionSageMakerFeatureGroupReadWrite', access: 'readWrite' },
  { name: 'AWSRAMPermissionSageMakerFeatureGroupAdmin', access: 'admin' },
];

export interface ListOwnedOptions {
  /**
   * Told the groups known so far (sorted by name) each time a page arrives while more are to come,
   * so a view can show the first rows after one round trip. Not called for a one-page list (nor
   * when the pages come from the cache): the promise then resolves at once.
   */
  onProgress?: (partial: FeatureGroupSummary[]) => void;
}

interface ShareGrant {
  access: AccessLevel;
  permissionName?: string;
}

function byOwnerThenName(a: FeatureGroupSummary, b: FeatureGroupSummary): number {
  return a.ownerAccountId.localeCompare(b.ownerAccountId) || a.name.localeCompare(b.name);
}

function toFeatureDefinition(d: SdkFeatureDefinition): FeatureDefinition {
  const def: FeatureDefinition = { name: d.FeatureName ?? '', type: (d.FeatureType ?? 'String') as FeatureDefinition['type'] };
  if (d.CollectionType) def.collection = d.CollectionType as FeatureDefinition['collection'];
  const dimension = d.CollectionConfig?.VectorConfig?.Dimension;
  if (dimension !== undefined) def.vectorDimension = dimension;
  return def;
}

function summaryFromArn(arn: string, fallbackRegion: string, access: AccessLevel): FeatureGroupSummary | undefined {
  const parts = parseFeatureGroupArn(arn);
  if (!parts) return undefined;
  return { name: parts.name, arn, ownerAccountId: parts.accountId, region: parts.region || fallbackRegion, access };
}

function byName(a: FeatureGroupSummary, b: FeatureGroupSummary): number {
  return a.name.localeCompare(b.name);
}

function ownedSummary(s: SdkFeatureGroupSummary, region: string): FeatureGroupSummary {
  const arn = s.FeatureGroupArn ?? '';
  const parts = parseFeatureGroupArn(arn);
  return {
    name: s.FeatureGroupName ?? parts?.name ?? arn,
    arn,
    ownerAccountId: parts?.accountId ?? '',
    region: parts?.region || region,
    status: s.FeatureGroupStatus,
    creationTime: s.CreationTime,
    access: 'owner',
  };
}

/** The partition of a region's ARNs (managed permission ARNs carry it). */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

export class FeatureStoreCatalog {
  private readonly accountIds = new Map<string, Promise<string>>();

  constructor(private readonly pool: ClientPool) {}

  /** STS GetCallerIdentity, cached per profile (and endpoint) until forget(). */
  callerAccountId(ctx: AccountContext): Promise<string> {
    const key = JSON.stringify([ctx.profile.name, ctx.profile.endpoints.sts ?? '']);
    let pending = this.accountIds.get(key);
    if (!pending) {
      pending = awsCall(ctx, 'sts', 'GetCallerIdentity', async () => {
        const out = await this.pool.sts(ctx).send(new GetCallerIdentityCommand({}));
        if (!out.Account) throw new Error('GetCallerIdentity returned no account');
        return out.Account;
      });
      this.accountIds.set(key, pending);
      pending.catch(() => this.accountIds.delete(key));
    }
    return pending;
  }

  /** Forget cached account ids and answers (all when no name), e.g. after the profile changed. */
  forget(profileName?: string): void {
    for (const key of this.accountIds.keys()) {
      if (profileName === undefined || (JSON.parse(key) as string[])[0] === profileName) this.accountIds.delete(key);
    }
    this.pool.cache.invalidate(profileName);
  }

  /**
   * ListFeatureGroups, every page (from both ends of the name order at once), sorted by name. Calls
   * identical to ones in flight or recently answered are not repeated (the pool's response cache).
   */
  async listOwned(ctx: AccountContext, opts: ListOwnedOptions = {}): Promise<FeatureGroupSummary[]> {
    const client = this.pool.sagemaker(ctx);
    const all = await awsCall(ctx, 'sagemaker', 'ListFeatureGroups', () =>
      listFromBothEnds(
        async (order, token) => {
          const out = await client.send(new ListFeatureGroupsCommand({ MaxResults: FEATURE_GROUP_PAGE, SortBy: 'Name', SortOrder: order, NextToken: token }));
          return { items: out.FeatureGroupSummaries ?? [], nextToken: out.NextToken };
        },
        {
          idOf: (s) => s.FeatureGroupArn ?? s.FeatureGroupName ?? '',
          onProgress: opts.onProgress && ((known) => opts.onProgress!(known().map((s) => ownedSummary(s, ctx.region)).sort(byName))),
        },
      ),
    );
    return all.map((s) => ownedSummary(s, ctx.region)).sort(byName);
  }

  async listSharedWithMe(ctx: AccountContext): Promise<FeatureGroupSummary[]> {
    const [shared, discoverable] = await Promise.all([this.listSharedThroughRam(ctx), this.searchDiscoverable(ctx)]);
    const byArn = new Map<string, FeatureGroupSummary>(shared.map((s) => [s.arn, s]));
    for (const found of discoverable) {
      const known = byArn.get(found.arn);
      // A group with its own share keeps that access level; Search only adds what RAM does not say.
      byArn.set(found.arn, known ? { ...found, ...known, name: found.name, status: found.status, creationTime: found.creationTime } : found);
    }
    return [...byArn.values()].sort(byOwnerThenName);
  }

  async describe(ctx: AccountContext, nameOrArn: string, access?: AccessLevel): Promise<FeatureGroupDetail> {
    const parts = parseFeatureGroupArn(nameOrArn);
    const details = { target: parts?.name ?? nameOrArn, access, ownerAccountId: parts?.accountId };
    const pages = await awsCall(ctx, 'sagemaker', 'DescribeFeatureGroup', () => this.describePages(ctx, nameOrArn), details);
    const first = pages[0];
    const arn = first.FeatureGroupArn ?? nameOrArn;
    const arnParts = parseFeatureGroupArn(arn);
    const ownerAccountId = arnParts?.accountId ?? '';
    const resolvedAccess = access ?? (parts === undefined || ownerAccountId === (await this.callerAccountId(ctx)) ? 'owner' : 'readOnly');
    const online = first.OnlineStoreConfig;
    const ttl = online?.TtlDuration;
    const detail: FeatureGroupDetail = {
      name: first.FeatureGroupName ?? arnParts?.name ?? nameOrArn,
      arn,
      ownerAccountId,
      region: arnParts?.region || ctx.region,
      status: first.FeatureGroupStatus,
      creationTime: first.CreationTime,
      access: resolvedAccess,
      recordIdentifierFeatureName: first.RecordIdentifierFeatureName ?? '',
      eventTimeFeatureName: first.EventTimeFeatureName ?? '',
      features: pages.flatMap((p) => p.FeatureDefinitions ?? []).map(toFeatureDefinition),
      onlineStoreEnabled: online?.EnableOnlineStore === true,
      offlineStoreEnabled: first.OfflineStoreConfig !== undefined,
    };
    if (online?.StorageType === 'Standard' || online?.StorageType === 'InMemory') detail.storageType = online.StorageType;
    if (ttl?.Unit && ttl.Value !== undefined) detail.defaultTtl = { unit: ttl.Unit, value: ttl.Value };
    if (first.Description) detail.description = first.Description;
    if (first.LastModifiedTime) detail.lastModifiedTime = first.LastModifiedTime;
    if (first.OfflineStoreStatus?.Status) detail.offlineStoreStatus = first.OfflineStoreStatus.Status;
    return detail;
  }

  /** FeatureGroupDefinitions are paged (2,500 per page): every page of one describe. */
  private async describePages(ctx: AccountContext, nameOrArn: string): Promise<DescribeFeatureGroupCommandOutput[]> {
    const client = this.pool.sagemaker(ctx);
    const out: DescribeFeatureGroupCommandOutput[] = [];
    const seenTokens = new Set<string>();
    let nextToken: string | undefined;
    // NextToken is "required" in the model, so an empty or repeated token ends the loop.
    do {
      const page = await client.send(new DescribeFeatureGroupCommand({ FeatureGroupName: nameOrArn, NextToken: nextToken }));
      out.push(page);
      nextToken = page.NextToken && !seenTokens.has(page.NextToken) && (page.FeatureDefinitions?.length ?? 0) > 0 ? page.NextToken : undefined;
      if (nextToken) seenTokens.add(nextToken);
    } while (nextToken);
    return out;
  }

  /** Feature groups of other accounts that a RAM share gives this profile access to. */
  private async listSharedThroughRam(ctx: AccountContext): Promise<FeatureGroupSummary[]> {
    const ram = this.pool.ram(ctx);
    // The shares' access levels are asked for alongside the resources, not after them.
    const [resources, classified] = await Promise.all([
      awsCall(ctx, 'ram', 'ListResources', () =>
        allPages(paginateListResources({ client: ram }, { resourceOwner: 'OTHER-ACCOUNTS', maxResults: RAM_PAGE }), (p) => p.resources),
      ),
      this.sharesByManagedPermission(ctx),
    ]);
    const groupResources = resources.filter(
      (r) => r.arn && parseFeatureGroupArn(r.arn) && (r.status === undefined || r.status === 'AVAILABLE'),
    );
    const shareArns = [...new Set(groupResources.map((r) => r.resourceShareArn).filter((a): a is string => !!a))];
    const unclassified = shareArns.filter((a) => !classified.has(a));
    const grants = new Map<string, ShareGrant>(classified);
    for (const [arn, grant] of await mapLimit(unclassified, PERMISSION_LOOKUPS_IN_FLIGHT, async (shareArn) => [shareArn, await this.shareGrant(ctx, shareArn)] as const)) {
      grants.set(arn, grant);
    }
    const byArn = new Map<string, FeatureGroupSummary>();
    for (const r of groupResources) {
      const grant = (r.resourceShareArn && grants.get(r.resourceShareArn)) || { access: 'readOnly' as const };
      const previous = byArn.get(r.arn!);
      if (previous && strongerAccess(previous.access, grant.access) === previous.access) continue;
      const summary = summaryFromArn(r.arn!, ctx.region, grant.access);
      if (!summary) continue;
      summary.resourceShareArn = r.resourceShareArn;
      if (grant.permissionName) summary.permissionName = grant.permissionName;
      byArn.set(summary.arn, summary);
    }
    return [...byArn.values()];
  }

  /**
   * Shares received, by the managed feature-group permission they carry: one GetResourceShares per
   * permission, all at once. A failed call only leaves its shares to the per-share fallback.
   */
  private async sharesByManagedPermission(ctx: AccountContext): Promise<Map<string, ShareGrant>> {
    const ram = this.pool.ram(ctx);
    const partition = partitionOf(ctx.region);
    const found = await Promise.all(
      MANAGED_FEATURE_GROUP_PERMISSIONS.map(async (p) => {
        try {
          const shares = await allPages(
            paginateGetResourceShares({ client: ram }, { resourceOwner: 'OTHER-ACCOUNTS', permissionArn: `arn:${partition}:ram::aws:permission/${p.name}`, maxResults: RAM_PAGE }),
            (page) => page.resourceShares,
          );
          return shares.map((s) => ({ arn: s.resourceShareArn, grant: { access: p.access, permissionName: p.name } }));
        } catch {
          return [];
        }
      }),
    );
    const out = new Map<string, ShareGrant>();
    for (const { arn, grant } of found.flat()) {
      const previous = arn ? out.get(arn) : undefined;
      if (arn && (!previous || strongerAccess(previous.access, grant.access) !== previous.access)) out.set(arn, grant);
    }
    return out;
  }

  /** The feature-group permission attached to one share, as an access level. */
  private async shareGrant(ctx: AccountContext, resourceShareArn: string): Promise<ShareGrant> {
    const permissions = await awsCall(ctx, 'ram', 'ListResourceSharePermissions', () =>
      allPages(paginateListResourceSharePermissions({ client: this.pool.ram(ctx) }, { resourceShareArn, maxResults: RAM_PAGE }), (p) => p.permissions),
    { target: resourceShareArn });
    const relevant =
      permissions.find((p) => p.name && isFeatureGroupPermissionName(p.name)) ??
      permissions.find((p) => p.resourceType?.toLowerCase().includes('featuregroup')) ??
      permissions[0];
    const name = relevant?.name ?? relevant?.arn;
    const access = name ? accessFromPermissionName(name) : undefined;
    // An unrecognised (customer-managed) permission at least lets the group be read, or it would not be shared.
    return { access: access && access !== 'discoverOnly' ? access : 'readOnly', permissionName: relevant?.name };
  }

  /** Groups made discoverable by an owner's catalog share. */
  private async searchDiscoverable(ctx: AccountContext): Promise<FeatureGroupSummary[]> {
    const results = await awsCall(ctx, 'sagemaker', 'Search', () =>
      allPages(
        paginateSearch({ client: this.pool.sagemaker(ctx) }, { Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount', MaxResults: SEARCH_PAGE }),
        (p) => p.Results,
      ),
    );
    const out: FeatureGroupSummary[] = [];
    for (const r of results) {
      const fg = r.FeatureGroup;
      if (!fg?.FeatureGroupArn) continue;
      const summary = summaryFromArn(fg.FeatureGroupArn, ctx.region, 'discoverOnly');
      if (!summary) continue;
      if (fg.FeatureGroupName) summary.name = fg.FeatureGroupName;
      summary.status = fg.FeatureGroupStatus;
      summary.creationTime = fg.CreationTime;
      out.push(summary);
    }
    return out;
  }
}
