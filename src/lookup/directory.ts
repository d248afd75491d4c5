// The lookup's memory of what every profile can see: listings and definitions for a short time
// (30 s by default), records for less (they change more often). Concurrent askers share one call,
// a definition is fetched once per group whatever the number of references, and a caller that
// gives up (cancellation) leaves the call running for the others. Pure (no 'vscode').
import type { FeatureGroupDetail, FeatureGroupSummary, FeatureRecord } from '../aws/model';
import { TtlCache } from './cache';
import { untilCancelled, type CancellationLike } from './cancel';
import type { GroupSource, LookupProfile } from './source';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface ProfileGroups {
  profile: LookupProfile;
  owned: Outcome<FeatureGroupSummary[]>;
  shared: Outcome<FeatureGroupSummary[]>;
}

export interface DirectoryOptions {
  /** Lifetime of listings and definitions (default 30 s). */
  ttlMs?: number;
  /** Lifetime of records (default 10 s). */
  recordTtlMs?: number;
  now?: () => number;
}

function settle<T>(p: Promise<T>): Promise<Outcome<T>> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

export class GroupDirectory {
  private readonly profileList: TtlCache<LookupProfile[]>;
  /** Every profile's listings together: what each of many references resolves against. */
  private readonly everything: TtlCache<ProfileGroups[]>;
  private readonly listings: TtlCache<FeatureGroupSummary[]>;
  private readonly details: TtlCache<FeatureGroupDetail>;
  private readonly records: TtlCache<FeatureRecord | undefined>;

  constructor(
    private readonly source: GroupSource,
    opts: DirectoryOptions = {},
  ) {
    const ttlMs = opts.ttlMs ?? 30_000;
    const now = opts.now;
    this.profileList = new TtlCache({ ttlMs, errorTtlMs: Math.min(ttlMs, 5_000), now });
    this.everything = new TtlCache({ ttlMs, errorTtlMs: Math.min(ttlMs, 5_000), now });
    this.listings = new TtlCache({ ttlMs, now });
    this.details = new TtlCache({ ttlMs, now });
    this.records = new TtlCache({ ttlMs: opts.recordTtlMs ?? 10_000, now, maxEntries: 500 });
  }

  profiles(token?: CancellationLike): Promise<LookupProfile[]> {
    return untilCancelled(this.profileList.get('profiles', () => this.source.profiles()), token);
  }

  /** Both listings of one profile; a failed one is reported in its place, never hiding the other. */
  async groupsOf(profile: LookupProfile, token?: CancellationLike): Promise<ProfileGroups> {
    const key = (kind: string) => JSON.stringify([kind, profile.name, profile.context.region]);
    const [owned, shared] = await untilCancelled(
      Promise.all([
        settle(this.listings.get(key('owned'), () => this.source.owned(profile))),
        settle(this.listings.get(key('shared'), () => this.source.shared(profile))),
      ]),
      token,
    );
    return { profile, owned, shared };
  }

  allGroups(token?: CancellationLike): Promise<ProfileGroups[]> {
    return untilCancelled(
      this.everything.get('all', async () => Promise.all((await this.profiles()).map((p) => this.groupsOf(p)))),
      token,
    );
  }

  /** The definition of a group, described once (keyed by ARN) through whichever profile asks first. */
  describe(profile: LookupProfile, group: FeatureGroupSummary, token?: CancellationLike): Promise<FeatureGroupDetail> {
    return untilCancelled(this.details.get(group.arn, () => this.source.describe(profile, group)), token);
  }

  record(profile: LookupProfile, group: FeatureGroupDetail, recordId: string, token?: CancellationLike): Promise<FeatureRecord | undefined> {
    const key = JSON.stringify([profile.name, group.arn, recordId]);
    return untilCancelled(this.records.get(key, () => this.source.getRecord(profile, group, recordId)), token);
  }

  /** Forget what may have changed (after a refresh of the tree or the settings); records too when asked. */
  invalidate(opts: { records?: boolean } = {}): void {
    this.profileList.clear();
    this.everything.clear();
    this.listings.clear();
    this.details.clear();
    if (opts.records) this.records.clear();
  }
}
