// SageMaker control plane over the real SageMakerClient: feature group lifecycle, listing with
// filters, sorting and paging, metadata, tags, catalogs, and the validation errors.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  AddTagsCommand, CreateFeatureGroupCommand, DeleteFeatureGroupCommand, DeleteTagsCommand, DescribeFeatureGroupCommand,
  DescribeFeatureMetadataCommand, ListFeatureGroupsCommand, ListResourceCatalogsCommand, ListTagsCommand,
  UpdateFeatureGroupCommand, UpdateFeatureMetadataCommand, paginateListFeatureGroups, type CreateFeatureGroupCommandInput,
} from '@aws-sdk/client-sagemaker';
import { ANALYTICS, authHeader, catalogArn, fgArn, MARKETING, rejectsWith, TestSandbox, type Clients } from './helpers';

let sb: TestSandbox;
let owner: Clients;

before(async () => {
  sb = await TestSandbox.start();
  owner = sb.clients(ANALYTICS);
});
after(() => sb.stop());
beforeEach(() => sb.reset());

function group(name: string, extra: Partial<CreateFeatureGroupCommandInput> = {}): CreateFeatureGroupCommandInput {
  return {
    FeatureGroupName: name,
    RecordIdentifierFeatureName: 'id',
    EventTimeFeatureName: 'ts',
    FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }, { FeatureName: 'score', FeatureType: 'Fractional' }],
    OnlineStoreConfig: { EnableOnlineStore: true },
    ...extra,
  };
}

describe('feature group lifecycle', () => {
  test('create, describe by name and ARN, delete', async () => {
    const created = await owner.sm.send(new CreateFeatureGroupCommand(group('scores', { Description: 'model scores', Tags: [{ Key: 'k', Value: 'v' }] })));
    assert.equal(created.FeatureGroupArn, fgArn(ANALYTICS, 'scores'));
    const byName = await owner.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'scores' }));
    assert.equal(byName.FeatureGroupStatus, 'Created');
    assert.equal(byName.Description, 'model scores');
    assert.equal(byName.OnlineStoreConfig?.StorageType, 'Standard');
    assert.ok(byName.CreationTime instanceof Date);
    assert.equal(byName.ThroughputConfig?.ThroughputMode, 'OnDemand');
    const byArn = await owner.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: created.FeatureGroupArn }));
    assert.deepEqual(byArn.FeatureDefinitions, byName.FeatureDefinitions);
    await rejectsWith(owner.sm.send(new CreateFeatureGroupCommand(group('scores'))), 'ResourceInUse', 400);
    await owner.sm.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'scores' }));
    await rejectsWith(owner.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'scores' })), 'ResourceNotFound', 400);
    await rejectsWith(owner.sm.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'scores' })), 'ResourceNotFound', 400);
  });

  test('offline store configuration is resolved as SageMaker does', async () => {
    await owner.sm.send(new CreateFeatureGroupCommand(group('offline-only', {
      OnlineStoreConfig: undefined,
      OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://bucket/prefix' } },
      RoleArn: 'arn:aws:iam::111111111111:role/FS',
    })));
    const out = await owner.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'offline-only' }));
    assert.equal(out.OfflineStoreStatus?.Status, 'Active');
    assert.match(out.OfflineStoreConfig?.S3StorageConfig?.ResolvedOutputS3Uri ?? '', /^s3:\/\/bucket\/prefix\/111111111111\/sagemaker\/us-east-1\/offline-store\/offline-only-\d+\/data$/);
  });

  const invalid: [string, Partial<CreateFeatureGroupCommandInput>][] = [
    ['a bad name', { FeatureGroupName: 'bad name!' }],
    ['a reserved feature name', { FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }, { FeatureName: 'is_deleted', FeatureType: 'String' }] }],
    ['a duplicate feature', { FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }, { FeatureName: 'id', FeatureType: 'String' }] }],
    ['an unknown feature type', { FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }, { FeatureName: 'x', FeatureType: 'Bool' as 'String' }] }],
    ['no store at all', { OnlineStoreConfig: undefined }],
    ['a missing record identifier definition', { RecordIdentifierFeatureName: 'nope' }],
    ['an Integral event time', { FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Integral' }] }],
    ['a collection outside InMemory', { FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }, { FeatureName: 'l', FeatureType: 'String', CollectionType: 'List' }] }],
    ['a String vector', { OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' }, FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }, { FeatureName: 'v', FeatureType: 'String', CollectionType: 'Vector', CollectionConfig: { VectorConfig: { Dimension: 2 } } }] }],
    ['an offline store without a role', { OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/p' } } }],
    ['a too long description', { Description: 'x'.repeat(129) }],
  ];
  for (const [what, extra] of invalid) {
    test(`CreateFeatureGroup refuses ${what} with ValidationException`, async () => {
      await rejectsWith(owner.sm.send(new CreateFeatureGroupCommand(group('invalid', extra))), 'ValidationException', 400);
    });
  }

  test('UpdateFeatureGroup adds features and sets or removes the default TTL', async () => {
    await owner.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: 'churn-scores', FeatureAdditions: [{ FeatureName: 'model_version', FeatureType: 'String' }] }));
    await owner.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: 'churn-scores', OnlineStoreConfig: { TtlDuration: { Unit: 'Hours', Value: 6 } } }));
    let out = await owner.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'churn-scores' }));
    assert.ok(out.FeatureDefinitions?.some((d) => d.FeatureName === 'model_version'));
    assert.deepEqual(out.OnlineStoreConfig?.TtlDuration, { Unit: 'Hours', Value: 6 });
    assert.equal(out.LastUpdateStatus?.Status, 'Successful');
    assert.ok(out.LastModifiedTime instanceof Date);
    await owner.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: 'churn-scores', OnlineStoreConfig: { TtlDuration: {} as never } }));
    out = await owner.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'churn-scores' }));
    assert.equal(out.OnlineStoreConfig?.TtlDuration, undefined);
    await rejectsWith(owner.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: 'churn-scores', FeatureAdditions: [{ FeatureName: 'model_version', FeatureType: 'String' }] })), 'ValidationException', 400);
    await rejectsWith(owner.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: 'churn-scores' })), 'ValidationException', 400);
    await rejectsWith(owner.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: 'nope', FeatureAdditions: [{ FeatureName: 'x', FeatureType: 'String' }] })), 'ResourceNotFound', 400);
  });
});

describe('listing', () => {
  test('ListFeatureGroups filters by name and status and sorts', async () => {
    const contains = await owner.sm.send(new ListFeatureGroupsCommand({ NameContains: 'CUSTOMER' }));
    assert.deepEqual(contains.FeatureGroupSummaries?.map((s) => s.FeatureGroupName), ['customer-profile']);
    const byName = await owner.sm.send(new ListFeatureGroupsCommand({ SortBy: 'Name', SortOrder: 'Ascending' }));
    assert.deepEqual(byName.FeatureGroupSummaries?.map((s) => s.FeatureGroupName), ['churn-scores', 'customer-profile', 'product-catalog', 'transactions']);
    const newest = await owner.sm.send(new ListFeatureGroupsCommand({}));
    assert.equal(newest.FeatureGroupSummaries?.[0].FeatureGroupName, 'churn-scores');
    const failed = await owner.sm.send(new ListFeatureGroupsCommand({ FeatureGroupStatusEquals: 'CreateFailed' }));
    assert.deepEqual(failed.FeatureGroupSummaries, []);
    const offline = await owner.sm.send(new ListFeatureGroupsCommand({ OfflineStoreStatusEquals: 'Active' }));
    assert.deepEqual(offline.FeatureGroupSummaries?.map((s) => [s.FeatureGroupName, s.OfflineStoreStatus?.Status]), [['transactions', 'Active']]);
  });

  test('paging ListFeatureGroups across several pages without duplicates', async () => {
    for (let i = 0; i < 9; i++) await owner.sm.send(new CreateFeatureGroupCommand(group(`paged-${i}`)));
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListFeatureGroups({ client: owner.sm, pageSize: 4 }, { SortBy: 'Name', SortOrder: 'Ascending' })) {
      pages++;
      names.push(...page.FeatureGroupSummaries!.map((s) => s.FeatureGroupName!));
    }
    assert.equal(pages, 4);
    assert.equal(names.length, 13);
    assert.equal(new Set(names).size, 13);
    assert.deepEqual(names, [...names].sort());
    await rejectsWith(owner.sm.send(new ListFeatureGroupsCommand({ NextToken: 'not-a-token' })), 'ValidationException', 400);
  });

  test('ListResourceCatalogs returns the account catalog', async () => {
    const out = await owner.sm.send(new ListResourceCatalogsCommand({}));
    assert.deepEqual(out.ResourceCatalogs?.map((c) => [c.ResourceCatalogName, c.ResourceCatalogArn]), [['DefaultFeatureGroupCatalog', catalogArn(ANALYTICS)]]);
  });
});

describe('metadata and tags', () => {
  test('DescribeFeatureMetadata and UpdateFeatureMetadata', async () => {
    await owner.sm.send(new UpdateFeatureMetadataCommand({
      FeatureGroupName: 'customer-profile', FeatureName: 'segment', Description: 'RFM segment',
      ParameterAdditions: [{ Key: 'owner', Value: 'crm' }, { Key: 'pii', Value: 'no' }],
    }));
    await owner.sm.send(new UpdateFeatureMetadataCommand({ FeatureGroupName: 'customer-profile', FeatureName: 'segment', ParameterRemovals: ['pii'] }));
    const meta = await owner.sm.send(new DescribeFeatureMetadataCommand({ FeatureGroupName: fgArn(ANALYTICS, 'customer-profile'), FeatureName: 'segment' }));
    assert.equal(meta.Description, 'RFM segment');
    assert.equal(meta.FeatureType, 'String');
    assert.deepEqual(meta.Parameters, [{ Key: 'owner', Value: 'crm' }]);
    await rejectsWith(owner.sm.send(new DescribeFeatureMetadataCommand({ FeatureGroupName: 'customer-profile', FeatureName: 'nope' })), 'ResourceNotFound', 400);
  });

  test('AddTags, ListTags, DeleteTags on own groups only', async () => {
    const arn = fgArn(ANALYTICS, 'churn-scores');
    await owner.sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'stage', Value: 'beta' }, { Key: 'team', Value: 'ds' }] }));
    await owner.sm.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ['team'] }));
    const tags = await owner.sm.send(new ListTagsCommand({ ResourceArn: arn }));
    assert.deepEqual(tags.Tags, [{ Key: 'stage', Value: 'beta' }]);
    await rejectsWith(sb.clients(MARKETING).sm.send(new ListTagsCommand({ ResourceArn: fgArn(ANALYTICS, 'customer-profile') })), 'AccessDeniedException', 400);
    await rejectsWith(owner.sm.send(new ListTagsCommand({ ResourceArn: fgArn(ANALYTICS, 'nope') })), 'ResourceNotFound', 400);
  });
});

describe('wire-level refusals', () => {
  async function raw(headers: Record<string, string>, body: string) {
    const res = await fetch(`${sb.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, body });
    return { status: res.status, type: res.headers.get('x-amzn-errortype'), body: (await res.json()) as Record<string, string> };
  }

  test('unknown operation', async () => {
    const out = await raw({ 'x-amz-target': 'SageMaker.LaunchRocket', authorization: authHeader(ANALYTICS) }, '{}');
    assert.deepEqual([out.status, out.type, out.body.__type], [400, 'UnknownOperationException', 'UnknownOperationException']);
  });

  test('malformed JSON body', async () => {
    const out = await raw({ 'x-amz-target': 'SageMaker.ListFeatureGroups', authorization: authHeader(ANALYTICS) }, '{"MaxResults":');
    assert.deepEqual([out.status, out.body.__type], [400, 'SerializationException']);
    assert.ok(out.body.Message);
  });

  test('wrong member types are validation errors', async () => {
    const out = await raw({ 'x-amz-target': 'SageMaker.DescribeFeatureGroup', authorization: authHeader(ANALYTICS) }, '{"FeatureGroupName":42}');
    assert.deepEqual([out.status, out.body.__type], [400, 'ValidationException']);
  });

  test('missing and ill-formed Authorization headers are refused', async () => {
    const missing = await raw({ 'x-amz-target': 'SageMaker.ListFeatureGroups' }, '{}');
    assert.deepEqual([missing.status, missing.body.__type], [403, 'MissingAuthenticationTokenException']);
    const bad = await raw({ 'x-amz-target': 'SageMaker.ListFeatureGroups', authorization: 'Bearer abc' }, '{}');
    assert.deepEqual([bad.status, bad.body.__type], [403, 'IncompleteSignatureException']);
    const unknown = await raw({ 'x-amz-target': 'SageMaker.ListFeatureGroups', authorization: authHeader('AKIAIOSFODNN7EXAMPLE') }, '{}');
    assert.deepEqual([unknown.status, unknown.body.__type], [400, 'UnrecognizedClientException']);
  });
});
