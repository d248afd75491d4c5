// The yardstick: pagination is sequential, so a list of P pages needs P round trips; everything
// else can overlap. The full tree therefore cannot arrive before the longest list of any profile,
// counted here in pages of the largest size each API allows (read at latency 0, with plain SDK
// clients, independently of the code under test).
import { RAMClient, paginateGetResourceShareInvitations, paginateListResources } from '@aws-sdk/client-ram';
import { SageMakerClient, paginateListFeatureGroups, paginateSearch } from '@aws-sdk/client-sagemaker';
import { BENCH_PROFILES, BENCH_REGION } from './accounts';

export interface ListShape {
  items: number;
  pages: number;
}

export interface ProfileShape {
  profile: string;
  owned: ListShape;
  ramResources: ListShape;
  discoverable: ListShape;
  invitations: ListShape & { pending: number };
  /** Round trips of this profile's longest chain (GetCallerIdentity counts 1). */
  chain: number;
  chainList: string;
  /** The same when ListFeatureGroups is read from both ends (src/aws/pagingBothEnds.ts). */
  bothEndsChain: number;
}

/** Round trips to read `items` in pages of `pageSize` from both ends: the reads must share an item. */
export function bothEndsRoundTrips(items: number, pageSize: number): number {
  if (items <= pageSize) return 1;
  let rounds = 2;
  while ((2 * rounds - 1) * pageSize <= items) rounds++;
  return rounds;
}

async function count<P>(pages: AsyncIterable<P>, items: (p: P) => unknown[] | undefined): Promise<ListShape> {
  const shape = { items: 0, pages: 0 };
  for await (const page of pages) {
    shape.pages++;
    shape.items += items(page)?.length ?? 0;
  }
  return shape;
}

export async function measureShapes(url: string): Promise<ProfileShape[]> {
  return Promise.all(
    BENCH_PROFILES.map(async (p) => {
      const config = { region: BENCH_REGION, endpoint: url, credentials: { accessKeyId: p.accountId, secretAccessKey: 'sandbox' } };
      const sm = new SageMakerClient(config);
      const ram = new RAMClient(config);
      try {
        let pending = 0;
        const [owned, ramResources, discoverable, invitations] = await Promise.all([
          count(paginateListFeatureGroups({ client: sm }, { MaxResults: 100 }), (page) => page.FeatureGroupSummaries),
          count(paginateListResources({ client: ram }, { resourceOwner: 'OTHER-ACCOUNTS', maxResults: 500 }), (page) => page.resources),
          count(paginateSearch({ client: sm }, { Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount', MaxResults: 100 }), (page) => page.Results),
          count(paginateGetResourceShareInvitations({ client: ram }, { maxResults: 500 }), (page) => {
            pending += page.resourceShareInvitations?.filter((i) => i.status === 'PENDING').length ?? 0;
            return page.resourceShareInvitations;
          }),
        ]);
        const chains: [string, number][] = [
          ['GetCallerIdentity', 1],
          ['ListFeatureGroups', owned.pages],
          ['ListResources', ramResources.pages],
          ['Search', discoverable.pages],
          ['GetResourceShareInvitations', invitations.pages],
        ];
        const [chainList, chain] = chains.reduce((a, b) => (b[1] > a[1] ? b : a));
        const bothEndsChain = Math.max(...chains.map(([list, n]) => (list === 'ListFeatureGroups' ? bothEndsRoundTrips(owned.items, 100) : n)));
        return { profile: p.name, owned, ramResources, discoverable, invitations: { ...invitations, pending }, chain, chainList, bothEndsChain };
      } finally {
        sm.destroy();
        ram.destroy();
      }
    }),
  );
}
