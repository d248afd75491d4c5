// Which profiles can reach the feature group a reference names. A bare name always means the
// caller's own account, so it reaches only the profiles that own a group of that name; profiles
// that see a same-named group of another account (shared or discoverable) need its ARN. An ARN
// reaches its owner's profiles and those it is shared with. Pure (no 'vscode').
import { parseFeatureGroupArn } from '../aws/arn';
import { AwsCallError } from '../aws/errors';
import type { AccessLevel, FeatureGroupDetail, FeatureGroupSummary, FeatureRecord } from '../aws/model';
import { accessRank } from '../aws/permissions';
import { canReadRecords } from '../util/format';
import { isCancelled, throwIfCancelled, type CancellationLike } from './cancel';
import type { GroupDirectory, ProfileGroups } from './directory';
import type { LookupProfile } from './source';

export interface Reach {
  profile: LookupProfile;
  group: FeatureGroupSummary;
  access: AccessLevel;
}

export interface ListingProblem {
  profile: string;
  listing: 'owned' | 'shared' | 'profiles';
  message: string;
}

export interface Resolution {
  target: string;
  isArn: boolean;
  /** The group's name (from the ARN when the target is one). */
  name: string;
  /** Profiles that can use the reference as written, best access first. */
  reach: Reach[];
  /** Bare names only: profiles that see a same-named group of another account, which they must address by ARN. */
  byArnOnly: Reach[];
  /**
   * Bare names no profile owns: the ARNs of the same-named groups other accounts share or show.
   * The name cannot work as written for any profile; each ARN is a quick fix.
   */
  otherAccountArns: string[];
  /** Listings that failed: the answer may be incomplete. */
  problems: ListingProblem[];
}

function byAccess(a: Reach, b: Reach): number {
  return accessRank(b.access) - accessRank(a.access) || a.profile.name.localeCompare(b.profile.name);
}

function messageOf(err: unknown): string {
  if (err instanceof AwsCallError) return err.userMessage;
  return err instanceof Error ? err.message : String(err);
}

/** Resolves from listings already fetched (no call): many references share one fetch. */
export function resolveFrom(target: string, listings: ProfileGroups[], problems: ListingProblem[] = []): Resolution {
  const arnParts = parseFeatureGroupArn(target);
  const resolution: Resolution = { target, isArn: !!arnParts, name: arnParts?.name ?? target, reach: [], byArnOnly: [], otherAccountArns: [], problems: [...problems] };
  for (const { profile, owned, shared } of listings) {
    if (!owned.ok) resolution.problems.push({ profile: profile.name, listing: 'owned', message: messageOf(owned.error) });
    if (!shared.ok) resolution.problems.push({ profile: profile.name, listing: 'shared', message: messageOf(shared.error) });
    const ownedGroups = owned.ok ? owned.value : [];
    const sharedGroups = shared.ok ? shared.value : [];
    if (arnParts) {
      const group = ownedGroups.find((g) => g.arn === target) ?? sharedGroups.find((g) => g.arn === target);
      if (group) resolution.reach.push({ profile, group, access: group.access });
      continue;
    }
    const own = ownedGroups.find((g) => g.name === target);
    if (own) resolution.reach.push({ profile, group: own, access: 'owner' });
    for (const group of sharedGroups) {
      if (group.name === target) resolution.byArnOnly.push({ profile, group, access: group.access });
    }
  }
  resolution.reach.sort(byAccess);
  resolution.byArnOnly.sort(byAccess);
  if (!arnParts && resolution.reach.length === 0) {
    resolution.otherAccountArns = [...new Set(resolution.byArnOnly.map((r) => r.group.arn))].sort();
  }
  return resolution;
}

export async function resolveReference(directory: GroupDirectory, target: string, token?: CancellationLike): Promise<Resolution> {
  let listings: ProfileGroups[];
  try {
    listings = await directory.allGroups(token);
  } catch (err) {
    if (isCancelled(err)) throw err;
    return resolveFrom(target, [], [{ profile: '(all)', listing: 'profiles', message: messageOf(err) }]);
  }
  return resolveFrom(target, listings);
}

/** The profile to read through: the strongest access that includes GetRecord. */
export function readerOf(resolution: Resolution): Reach | undefined {
  return resolution.reach.find((r) => canReadRecords(r.access));
}

export type DefinitionOutcome =
  | { kind: 'described'; reach: Reach; detail: FeatureGroupDetail }
  /** No profile may read it: nobody reaches it, or only as discoverable. */
  | { kind: 'unreadable' }
  | { kind: 'error'; reach: Reach; message: string };

export async function definitionOf(directory: GroupDirectory, resolution: Resolution, token?: CancellationLike): Promise<DefinitionOutcome> {
  const reach = readerOf(resolution);
  if (!reach) return { kind: 'unreadable' };
  try {
    const detail = await directory.describe(reach.profile, reach.group, token);
    return { kind: 'described', reach, detail: { ...detail, access: reach.access } };
  } catch (err) {
    if (isCancelled(err)) throw err;
    return { kind: 'error', reach, message: messageOf(err) };
  }
}

export type RecordLookup =
  | { kind: 'found'; recordId: string; profile: string; group: FeatureGroupDetail; record: FeatureRecord }
  | { kind: 'notFound'; recordId: string; profile: string; group: FeatureGroupDetail }
  | { kind: 'unreadable'; recordId: string }
  | { kind: 'error'; recordId: string; profile?: string; message: string };

/** GetRecord through the profile with the best read access. */
export async function lookUpRecord(directory: GroupDirectory, resolution: Resolution, recordId: string, token?: CancellationLike): Promise<RecordLookup> {
  const definition = await definitionOf(directory, resolution, token);
  if (definition.kind === 'unreadable') return { kind: 'unreadable', recordId };
  if (definition.kind === 'error') return { kind: 'error', recordId, profile: definition.reach.profile.name, message: definition.message };
  throwIfCancelled(token);
  const { reach, detail } = definition;
  try {
    const record = await directory.record(reach.profile, detail, recordId, token);
    return record
      ? { kind: 'found', recordId, profile: reach.profile.name, group: detail, record }
      : { kind: 'notFound', recordId, profile: reach.profile.name, group: detail };
  } catch (err) {
    if (isCancelled(err)) throw err;
    return { kind: 'error', recordId, profile: reach.profile.name, message: messageOf(err) };
  }
}
