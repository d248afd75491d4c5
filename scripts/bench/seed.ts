// Seeds the benchmark data through the AWS APIs (latency 0, many calls in parallel), as accounts
// would build it: CreateFeatureGroup, CreateResourceShare, AcceptResourceShareInvitation.
// One exception: the sandbox enforces AWS's default quota of 100 feature groups per account and
// region (real organizations raise it through Service Quotas) and has no control to lift it, so the
// groups beyond the quota are copies of API-created ones, added to a dump of the sandbox's own state
// (GET /_sandbox/state) that a restarted sandbox loads with --state (see cloneGroupsBeyondQuota).
import { randomUUID } from 'node:crypto';
import { AcceptResourceShareInvitationCommand, CreateResourceShareCommand, RAMClient, paginateGetResourceShareInvitations } from '@aws-sdk/client-ram';
import { CreateFeatureGroupCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { catalogArn, featureGroupArn } from '../../src/aws/arn';
import { mapLimit } from '../../src/aws/call';
import { BENCH_PROFILES, BENCH_REGION, SHAPE, ownedGroupName, peersOf, producerGroupName } from './accounts';

const IN_FLIGHT = 48;
const PERMISSION = (name: string) => `arn:aws:ram::aws:permission/AWSRAMPermissionSageMaker${name}`;
const READ_ONLY = PERMISSION('FeatureGroupReadOnly');
const READ_WRITE = PERMISSION('FeatureGroupReadWrite');
const ADMIN = PERMISSION('FeatureGroupAdmin');
const CATALOG_SEARCH = PERMISSION('CatalogResourceSearch');

function clientConfig(url: string, accountId: string) {
  return { region: BENCH_REGION, endpoint: url, credentials: { accessKeyId: accountId, secretAccessKey: 'sandbox' }, maxAttempts: 5 };
}

interface ShareSpec {
  owner: string;
  name: string;
  resourceArns: string[];
  permissionArn: string;
  principal: string;
  accept: boolean;
}

function sharesToMake(): ShareSpec[] {
  const specs: ShareSpec[] = [];
  const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
  for (const profile of BENCH_PROFILES) {
    const { sharer, inviter } = peersOf(profile);
    let next = 0;
    SHAPE.producerShared.forEach((count, k) => {
      const arns = range(next, count).map((i) => featureGroupArn(BENCH_REGION, profile.producerId, producerGroupName(profile, i)));
      next += count;
      specs.push({ owner: profile.producerId, name: `producer-${k}-to-${profile.name}`, resourceArns: arns, permissionArn: [READ_ONLY, READ_WRITE, ADMIN][k % 3], principal: profile.accountId, accept: true });
    });
    specs.push({ owner: profile.producerId, name: `catalog-to-${profile.name}`, resourceArns: [catalogArn(BENCH_REGION, profile.producerId)], permissionArn: CATALOG_SEARCH, principal: profile.accountId, accept: true });
    next = 0;
    SHAPE.peerShared.forEach((count, k) => {
      const arns = range(next, count).map((i) => featureGroupArn(BENCH_REGION, sharer.accountId, ownedGroupName(sharer, i)));
      next += count;
      specs.push({ owner: sharer.accountId, name: `${sharer.name}-${k}-to-${profile.name}`, resourceArns: arns, permissionArn: [READ_ONLY, READ_WRITE][k % 2], principal: profile.accountId, accept: true });
    });
    for (let k = 0; k < SHAPE.pendingInvitations; k++) {
      const arn = featureGroupArn(BENCH_REGION, inviter.accountId, ownedGroupName(inviter, SHAPE.owned - 1 - k));
      specs.push({ owner: inviter.accountId, name: `${inviter.name}-offer-${k}-to-${profile.name}`, resourceArns: [arn], permissionArn: READ_ONLY, principal: profile.accountId, accept: false });
    }
  }
  return specs;
}

/** The sandbox's feature-group quota per account and region (AWS's default). */
export const GROUP_QUOTA = 100;

interface GroupSpec {
  owner: string;
  name: string;
}

function groupsToMake(): GroupSpec[] {
  const groups: GroupSpec[] = [];
  for (const p of BENCH_PROFILES) {
    for (let i = 0; i < SHAPE.owned; i++) groups.push({ owner: p.accountId, name: ownedGroupName(p, i) });
    for (let i = 0; i < SHAPE.producerGroups; i++) groups.push({ owner: p.producerId, name: producerGroupName(p, i) });
  }
  return groups;
}

class Clients {
  private readonly sagemaker = new Map<string, SageMakerClient>();
  private readonly ramClients = new Map<string, RAMClient>();
  constructor(private readonly url: string) {}
  sm(account: string): SageMakerClient {
    return this.sagemaker.get(account) ?? this.sagemaker.set(account, new SageMakerClient(clientConfig(this.url, account))).get(account)!;
  }
  ram(account: string): RAMClient {
    return this.ramClients.get(account) ?? this.ramClients.set(account, new RAMClient(clientConfig(this.url, account))).get(account)!;
  }
  destroy(): void {
    for (const c of [...this.sagemaker.values(), ...this.ramClients.values()]) c.destroy();
  }
}

/** Phase 1: CreateFeatureGroup for as many groups per account as the quota allows. */
export async function createGroupsWithinQuota(url: string): Promise<number> {
  const perOwner = new Map<string, number>();
  const within = groupsToMake().filter((g) => {
    const n = perOwner.get(g.owner) ?? 0;
    perOwner.set(g.owner, n + 1);
    return n < GROUP_QUOTA;
  });
  const clients = new Clients(url);
  try {
    await mapLimit(within, IN_FLIGHT, (g) =>
      clients.sm(g.owner).send(
        new CreateFeatureGroupCommand({
          FeatureGroupName: g.name,
          RecordIdentifierFeatureName: 'entity_id',
          EventTimeFeatureName: 'event_time',
          FeatureDefinitions: [
            { FeatureName: 'entity_id', FeatureType: 'String' },
            { FeatureName: 'event_time', FeatureType: 'String' },
            { FeatureName: 'score', FeatureType: 'Fractional' },
          ],
          OnlineStoreConfig: { EnableOnlineStore: true },
          Description: `Benchmark group ${g.name}`,
        }),
      ),
    );
    return within.length;
  } finally {
    clients.destroy();
  }
}

interface DumpedGroup {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  creationTime: number;
  lastModifiedTime?: number;
  description?: string;
  [more: string]: unknown;
}

/**
 * Phase 2 (only beyond the quota): adds the remaining groups to a state dump, each a copy of an
 * API-created group of the same owner with its own name, ARN and creation time. Returns how many.
 */
export function cloneGroupsBeyondQuota(state: { featureGroups: Record<string, DumpedGroup> }): number {
  const byOwner = new Map<string, DumpedGroup[]>();
  for (const g of Object.values(state.featureGroups)) byOwner.set(g.accountId, [...(byOwner.get(g.accountId) ?? []), g]);
  let cloned = 0;
  for (const spec of groupsToMake()) {
    const arn = featureGroupArn(BENCH_REGION, spec.owner, spec.name);
    if (state.featureGroups[arn]) continue;
    const templates = byOwner.get(spec.owner);
    if (!templates?.length) throw new Error(`no API-created group of ${spec.owner} to copy`);
    const template = templates[cloned % templates.length];
    const creationTime = template.creationTime + 1 + cloned;
    state.featureGroups[arn] = {
      ...structuredClone(template),
      arn,
      name: spec.name,
      creationTime,
      lastModifiedTime: creationTime,
      description: `Benchmark group ${spec.name}`,
    };
    cloned++;
  }
  return cloned;
}

/** Phase 3: the shares (RAM and catalog), accepted by their receivers except the pending offers. */
export async function shareAndAccept(url: string): Promise<{ shares: number; accepted: number }> {
  const clients = new Clients(url);
  try {
    const specs = sharesToMake();
    const created = await mapLimit(specs, IN_FLIGHT, async (s) => {
      const out = await clients.ram(s.owner).send(
        new CreateResourceShareCommand({ name: s.name, resourceArns: s.resourceArns, principals: [s.principal], permissionArns: [s.permissionArn], clientToken: randomUUID() }),
      );
      return { spec: s, arn: out.resourceShare?.resourceShareArn ?? '' };
    });
    const toAccept = new Set(created.filter((c) => c.spec.accept).map((c) => c.arn));
    let accepted = 0;
    await Promise.all(
      BENCH_PROFILES.map(async (p) => {
        const pending: string[] = [];
        for await (const page of paginateGetResourceShareInvitations({ client: clients.ram(p.accountId) }, { maxResults: 500 })) {
          for (const inv of page.resourceShareInvitations ?? []) {
            if (inv.status === 'PENDING' && inv.resourceShareArn && toAccept.has(inv.resourceShareArn)) pending.push(inv.resourceShareInvitationArn!);
          }
        }
        await mapLimit(pending, IN_FLIGHT, (arn) =>
          clients.ram(p.accountId).send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken: randomUUID() })),
        );
        accepted += pending.length;
      }),
    );
    return { shares: specs.length, accepted };
  } finally {
    clients.destroy();
  }
}
