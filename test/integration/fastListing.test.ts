// The listing shortcuts against the sandbox: share access levels known without a per-share lookup
// (and the lookup still there when needed), and ListFeatureGroups read from both ends.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AcceptResourceShareInvitationCommand, CreateResourceShareCommand, GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { CreateFeatureGroupCommand, ListFeatureGroupsCommand, paginateListFeatureGroups } from '@aws-sdk/client-sagemaker';
import { featureGroupArn } from '../../src/aws/arn';
import { mapLimit } from '../../src/aws/call';
import { listFromBothEnds } from '../../src/aws/pagingBothEnds';
import { ANALYTICS, MARKETING, REGION, startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

let t: AwsTestEnv;

before(async () => {
  t = await startAwsTestEnv();
  // analytics shares transactions with marketing as Admin, and churn-scores with no permission
  // named (RAM then uses the resource type's default); marketing accepts both.
  const ram = t.pool.ram(t.ctx('analytics'));
  const share = (name: string, group: string, permissionArns?: string[]) =>
    ram.send(new CreateResourceShareCommand({ name, resourceArns: [featureGroupArn(REGION, ANALYTICS, group)], principals: [MARKETING], permissionArns }));
  await share('transactions-admin', 'transactions', ['arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerFeatureGroupAdmin']);
  await share('churn-default', 'churn-scores');
  const marketingRam = t.pool.ram(t.ctx('marketing'));
  const invitations = await marketingRam.send(new GetResourceShareInvitationsCommand({}));
  for (const i of invitations.resourceShareInvitations ?? []) {
    if (i.status === 'PENDING') await marketingRam.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: i.resourceShareInvitationArn! }));
  }
});

afterEach(async () => {
  await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
});

after(async () => {
  await t.close();
});

const ops = () => t.log.map((e) => e.operation);

describe('shared with me: access levels without a round trip per share', () => {
  const expected = [
    ['churn-scores', 'readOnly'],
    ['customer-profile', 'readOnly'],
    ['product-catalog', 'discoverOnly'],
    ['transactions', 'admin'],
  ];

  test('managed permissions come from GetResourceShares alongside ListResources; only the default-permission share is looked up', async () => {
    t.log.length = 0;
    const shared = await t.catalog.listSharedWithMe(t.ctx('marketing'));
    assert.deepEqual(shared.map((g) => [g.name, g.access]), expected);
    assert.equal(ops().filter((o) => o === 'GetResourceShares').length, 3);
    assert.equal(ops().filter((o) => o === 'ListResourceSharePermissions').length, 1);
    assert.match(shared.find((g) => g.name === 'transactions')!.permissionName ?? '', /FeatureGroupAdmin$/);
  });

  test('when GetResourceShares fails, every share is looked up instead and the answer is the same', async () => {
    await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ operation: 'GetResourceShares', kind: 'error500', rate: 1 }) });
    t.log.length = 0;
    const shared = await t.catalog.listSharedWithMe(t.ctx('marketing'));
    assert.deepEqual(shared.map((g) => [g.name, g.access]), expected);
    assert.equal(ops().filter((o) => o === 'ListResourceSharePermissions').length, 3);
  });
});

describe('ListFeatureGroups from both ends', () => {
  const partner = () => t.ctx('partner');
  const names = Array.from({ length: 45 }, (_, i) => `partner-group-${String(i).padStart(2, '0')}`);

  before(async () => {
    const sm = t.pool.sagemaker(partner());
    await mapLimit(names, 8, (name) =>
      sm.send(new CreateFeatureGroupCommand({
        FeatureGroupName: name,
        RecordIdentifierFeatureName: 'id',
        EventTimeFeatureName: 'event_time',
        FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'event_time', FeatureType: 'String' }],
        OnlineStoreConfig: { EnableOnlineStore: true },
      })),
    );
  });

  test('the sandbox honours SortOrder: pages of 7 from both ends give the whole list in 4 round trips instead of 7', async () => {
    const sm = t.pool.sagemaker(partner());
    const plain: string[] = [];
    for await (const page of paginateListFeatureGroups({ client: sm }, { MaxResults: 7 })) plain.push(...(page.FeatureGroupSummaries ?? []).map((g) => g.FeatureGroupName!));
    t.log.length = 0;
    const both = await listFromBothEnds(async (order, token) => {
      const out = await sm.send(new ListFeatureGroupsCommand({ MaxResults: 7, SortBy: 'Name', SortOrder: order, NextToken: token }));
      return { items: out.FeatureGroupSummaries ?? [], nextToken: out.NextToken };
    }, { idOf: (g) => g.FeatureGroupArn! });
    assert.deepEqual(both.map((g) => g.FeatureGroupName!).sort(), [...plain].sort());
    assert.deepEqual([...plain].sort(), names);
    // Rounds: ascending 1; then ascending 2..4 with descending 1..3 side by side.
    assert.equal(t.log.length, 7);
  });

  test('listOwned returns them all, sorted, with owner and access', async () => {
    const owned = await t.catalog.listOwned(partner());
    assert.deepEqual(owned.map((g) => g.name), names);
    assert.ok(owned.every((g) => g.access === 'owner' && g.ownerAccountId === '333333333333'));
  });
});
