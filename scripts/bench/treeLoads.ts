// The loads being measured, through the extension's own services (src/util/services.ts builds them
// exactly as activate() does): what the sidebar fetches when every profile's categories are expanded.
import type { AwsCallLogEntry } from '../../src/aws/clients';
import type { AccountContext, FeatureGroupSummary } from '../../src/aws/model';
import { createServices, type Services } from '../../src/util/services';

export interface CallCounter {
  log: AwsCallLogEntry[];
  services: Services;
}

/** The services that answer over the network; the log also reports credential resolutions. */
const AWS_SERVICES = new Set(['sagemaker', 'featurestoreRuntime', 'ram', 'sts']);

/** A logger that keeps the AWS calls (network round trips) in `log`. */
export function countCalls(log: AwsCallLogEntry[]): (e: AwsCallLogEntry) => void {
  return (e) => {
    if (AWS_SERVICES.has(e.service)) log.push(e);
  };
}

/** Fresh services (cold clients, empty caches) whose every AWS call lands in `log`. */
export function freshServices(): CallCounter {
  const log: AwsCallLogEntry[] = [];
  return { log, services: createServices({ requestTimeoutSeconds: 30, logger: countCalls(log) }) };
}

export interface ProfileTree {
  profile: string;
  accountId: string;
  owned: number;
  shared: number;
  sharedWithAccess: number;
  invitations: number;
  pendingInvitations: number;
}

/** Account id, Owned, Shared with me and Invitations of every profile, all at once (as the tree asks). */
export async function loadFullTree(services: Services, contexts: AccountContext[]): Promise<ProfileTree[]> {
  return Promise.all(
    contexts.map(async (ctx) => {
      const [accountId, owned, shared, invitations] = await Promise.all([
        services.catalog.callerAccountId(ctx),
        services.catalog.listOwned(ctx),
        services.catalog.listSharedWithMe(ctx),
        services.sharing.listInvitations(ctx),
      ]);
      return {
        profile: ctx.profile.name,
        accountId,
        owned: owned.length,
        shared: shared.length,
        sharedWithAccess: shared.filter((g) => g.access !== 'discoverOnly').length,
        invitations: invitations.length,
        pendingInvitations: invitations.filter((i) => i.status === 'PENDING').length,
      };
    }),
  );
}

/** Milliseconds until the first rows of a profile's Owned list can be shown, then until all are in. */
export async function timeFirstOwnedPage(services: Services, ctx: AccountContext): Promise<{ firstMs: number; firstCount: number; allMs: number }> {
  const started = performance.now();
  let firstMs = -1;
  let firstCount = 0;
  const onProgress = (partial: FeatureGroupSummary[]) => {
    if (firstMs >= 0) return;
    firstMs = performance.now() - started;
    firstCount = partial.length;
  };
  const all = await services.catalog.listOwned(ctx, { onProgress });
  const allMs = performance.now() - started;
  if (firstMs < 0) {
    firstMs = allMs;
    firstCount = all.length;
  }
  return { firstMs, firstCount, allMs };
}
