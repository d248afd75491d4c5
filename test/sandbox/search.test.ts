// Search over FeatureGroup and FeatureMetadata, in the caller's account and across accounts
// through a shared catalog: filters, tags visibility, sorting and paging.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CreateFeatureGroupCommand, SearchCommand, paginateSearch } from '@aws-sdk/client-sagemaker';
import { DisassociateResourceShareCommand, GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { ANALYTICS, fgArn, MARKETING, PARTNER, rejectsWith, TestSandbox, type Clients } from './helpers';

let sb: TestSandbox;
let owner: Clients;
let marketing: Clients;

before(async () => {
  sb = await TestSandbox.start();
  owner = sb.clients(ANALYTICS);
  marketing = sb.clients(MARKETING);
});
after(() => sb.stop());
beforeEach(() => sb.reset());

const names = (out: { Results?: { FeatureGroup?: { FeatureGroupName?: string } }[] }) => out.Results?.map((r) => r.FeatureGroup?.FeatureGroupName);

describe('Search FeatureGroup', () => {
  test('SameAccount (and the default) searches own groups, with tags', async () => {
    const out = await owner.sm.send(new SearchCommand({ Resource: 'FeatureGroup', SortBy: 'Name', SortOrder: 'Ascending' }));
    assert.deepEqual(names(out), ['churn-scores', 'customer-profile', 'product-catalog', 'transactions']);
    assert.deepEqual(out.TotalHits, { Value: 4, Relation: 'EqualTo' });
    const cp = out.Results?.find((r) => r.FeatureGroup?.FeatureGroupName === 'customer-profile');
    assert.ok(cp?.FeatureGroup?.Tags?.some((t) => t.Key === 'team'));
    const same = await owner.sm.send(new SearchCommand({ Resource: 'FeatureGroup', CrossAccountFilterOption: 'SameAccount' }));
    assert.equal(same.Results?.length, 4);
  });

  test('CrossAccount finds the catalog owner groups, without tags; nothing of the caller', async () => {
    const out = await marketing.sm.send(new SearchCommand({ Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount' }));
    assert.deepEqual(names(out)?.sort(), ['churn-scores', 'customer-profile', 'product-catalog', 'transactions']);
    assert.ok(out.Results?.every((r) => r.FeatureGroup?.Tags === undefined && r.FeatureGroup?.FeatureGroupArn?.includes(`:${ANALYTICS}:`)));
    const partnerOut = await sb.clients(PARTNER).sm.send(new SearchCommand({ Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount' }));
    assert.deepEqual(partnerOut.Results, []);
  });

  test('removing marketing from the catalog share hides the groups again', async () => {
    const shares = await owner.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'analytics-catalog-for-marketing' }));
    await owner.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: shares.resourceShares![0].resourceShareArn, principals: [MARKETING] }));
    const out = await marketing.sm.send(new SearchCommand({ Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount' }));
    assert.deepEqual(out.Results, []);
  });

  test('filters: Contains, Equals, Or, SubExpressions, timestamps', async () => {
    const contains = await marketing.sm.send(new SearchCommand({
      Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount',
      SearchExpression: { Filters: [{ Name: 'FeatureGroupName', Operator: 'Contains', Value: 'CUSTOMER' }] },
    }));
    assert.deepEqual(names(contains), ['customer-profile']);
    const or = await owner.sm.send(new SearchCommand({
      Resource: 'FeatureGroup', SortBy: 'Name', SortOrder: 'Ascending',
      SearchExpression: { Operator: 'Or', Filters: [{ Name: 'FeatureGroupName', Operator: 'Equals', Value: 'transactions' }, { Name: 'RecordIdentifierFeatureName', Operator: 'Equals', Value: 'product_id' }] },
    }));
    assert.deepEqual(names(or), ['product-catalog', 'transactions']);
    const sub = await owner.sm.send(new SearchCommand({
      Resource: 'FeatureGroup',
      SearchExpression: { SubExpressions: [{ Filters: [{ Name: 'OfflineStoreStatus.Status', Operator: 'Equals', Value: 'Active' }] }], Filters: [{ Name: 'CreationTime', Operator: 'GreaterThan', Value: '2000-01-01T00:00:00Z' }] },
    }));
    assert.deepEqual(names(sub), ['transactions']);
    const tag = await owner.sm.send(new SearchCommand({ Resource: 'FeatureGroup', SearchExpression: { Filters: [{ Name: 'Tags.domain', Operator: 'Equals', Value: 'catalog' }] } }));
    assert.deepEqual(names(tag), ['product-catalog']);
  });

  test('tags are not searchable across accounts', async () => {
    const out = await marketing.sm.send(new SearchCommand({
      Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount',
      SearchExpression: { Filters: [{ Name: 'Tags.domain', Operator: 'Equals', Value: 'catalog' }] },
    }));
    assert.deepEqual(out.Results, []);
  });

  test('paging across several pages without duplicates', async () => {
    for (let i = 0; i < 7; i++) {
      await owner.sm.send(new CreateFeatureGroupCommand({
        FeatureGroupName: `extra-${i}`, RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts',
        FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'String' }],
        OnlineStoreConfig: { EnableOnlineStore: true },
      }));
    }
    const arns: string[] = [];
    let pages = 0;
    for await (const page of paginateSearch({ client: marketing.sm, pageSize: 3 }, { Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount' })) {
      pages++;
      arns.push(...page.Results!.map((r) => r.FeatureGroup!.FeatureGroupArn!));
    }
    assert.equal(pages, 4);
    assert.equal(arns.length, 11);
    assert.equal(new Set(arns).size, 11);
    await rejectsWith(owner.sm.send(new SearchCommand({ Resource: 'FeatureGroup', NextToken: '%%%' })), 'ValidationException', 400);
  });

  test('bad input is a ValidationException', async () => {
    await rejectsWith(owner.sm.send(new SearchCommand({ Resource: 'FeatureGroup', SearchExpression: { Filters: [{ Name: 'FeatureGroupName', Operator: 'Sounds' as 'Equals', Value: 'x' }] } })), 'ValidationException', 400);
    await rejectsWith(owner.sm.send(new SearchCommand({ Resource: 'FeatureGroup', MaxResults: 1000 })), 'ValidationException', 400);
  });
});

describe('Search FeatureMetadata', () => {
  test('finds features by name in own and discoverable groups', async () => {
    const own = await owner.sm.send(new SearchCommand({ Resource: 'FeatureMetadata', SearchExpression: { Filters: [{ Name: 'FeatureName', Operator: 'Equals', Value: 'embedding' }] } }));
    assert.deepEqual(own.Results?.map((r) => [r.FeatureMetadata?.FeatureGroupName, r.FeatureMetadata?.FeatureType]), [['product-catalog', 'Fractional']]);
    const cross = await marketing.sm.send(new SearchCommand({ Resource: 'FeatureMetadata', CrossAccountFilterOption: 'CrossAccount', SearchExpression: { Filters: [{ Name: 'FeatureName', Operator: 'Equals', Value: 'customer_id' }] } }));
    assert.deepEqual(cross.Results?.map((r) => r.FeatureMetadata?.FeatureGroupArn).sort(), [fgArn(ANALYTICS, 'churn-scores'), fgArn(ANALYTICS, 'customer-profile'), fgArn(ANALYTICS, 'transactions')]);
  });
});
