// The same tree loaded the naive way, for contrast: one call after another, default page sizes,
// DescribeFeatureGroup for every listed group and the share permission looked up per resource.
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ListResourceSharePermissionsCommand, paginateGetResourceShareInvitations, paginateListResources } from '@aws-sdk/client-ram';
import { DescribeFeatureGroupCommand, paginateListFeatureGroups, paginateSearch } from '@aws-sdk/client-sagemaker';
import type { ClientPool } from '../../src/aws/clients';
import type { AccountContext } from '../../src/aws/model';

export async function loadTreeNaively(pool: ClientPool, contexts: AccountContext[]): Promise<{ owned: number; shared: number; invitations: number }> {
  const totals = { owned: 0, shared: 0, invitations: 0 };
  for (const ctx of contexts) {
    const sm = pool.sagemaker(ctx);
    const ram = pool.ram(ctx);
    await pool.sts(ctx).send(new GetCallerIdentityCommand({}));
    for await (const page of paginateListFeatureGroups({ client: sm }, {})) {
      for (const g of page.FeatureGroupSummaries ?? []) {
        await sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: g.FeatureGroupArn! }));
        totals.owned++;
      }
    }
    const seen = new Set<string>();
    for await (const page of paginateListResources({ client: ram }, { resourceOwner: 'OTHER-ACCOUNTS' })) {
      for (const r of page.resources ?? []) {
        if (!r.arn?.includes(':feature-group/')) continue;
        await ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: r.resourceShareArn! }));
        await sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: r.arn }));
        if (!seen.has(r.arn)) totals.shared++;
        seen.add(r.arn);
      }
    }
    // Discoverable-only groups cannot be described (access denied): Search already says what can be said.
    for await (const page of paginateSearch({ client: sm }, { Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount' })) {
      for (const r of page.Results ?? []) {
        const arn = r.FeatureGroup?.FeatureGroupArn;
        if (arn && !seen.has(arn)) {
          seen.add(arn);
          totals.shared++;
        }
      }
    }
    for await (const page of paginateGetResourceShareInvitations({ client: ram }, {})) totals.invitations += page.resourceShareInvitations?.length ?? 0;
  }
  return totals;
}
