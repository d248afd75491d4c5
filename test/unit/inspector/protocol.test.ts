// The inspector protocol guards: each side accepts only well-formed messages from the other.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isHostMessage, isRecordValues, isWebviewMessage, RESPONSE_TYPE, type GroupView, type WritePreview } from '../../../src/inspector/protocol';

const group: GroupView = {
  profile: 'marketing',
  name: 'customer-profile',
  arn: 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile',
  ownerAccountId: '111111111111',
  region: 'us-east-1',
  access: 'readOnly',
  canRead: true,
  canWrite: false,
  accessNote: 'Read only.',
  recordIdentifierFeatureName: 'customer_id',
  eventTimeFeatureName: 'event_time',
  features: [
    { name: 'customer_id', type: 'String' },
    { name: 'preferred_channels', type: 'String', collection: 'List' },
    { name: 'embedding', type: 'Fractional', collection: 'Vector', vectorDimension: 4 },
  ],
  onlineStoreEnabled: true,
  offlineStoreEnabled: false,
  defaultTtl: { unit: 'Days', value: 30 },
};

const preview: WritePreview = {
  recordId: 'c-1',
  exists: true,
  changes: [{ feature: 'age', before: '1', after: '2' }, { feature: 'tags', before: ['a'] }],
  unchanged: 3,
  storedEventTime: '2025-01-01T00:00:00Z',
  newEventTime: '2025-02-01T00:00:00Z',
  baseline: 'x',
};

describe('page → host', () => {
  test('accepts every request shape', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'state', state: { v: 1, profile: 'marketing' } },
      { type: 'getRecord', id: 1, recordId: 'c-1001' },
      { type: 'getRecord', id: 1, recordId: 'c-1001', featureNames: ['age'] },
      { type: 'batchGet', id: 2, recordIds: ['a', 'b'] },
      { type: 'previewWrite', id: 3, values: { customer_id: 'c-1' }, ttl: { unit: 'Hours', value: 2 } },
      { type: 'putRecord', id: 4, values: { customer_id: 'c-1', preferred_channels: ['email'] }, baseline: 'none' },
      { type: 'deleteRecord', id: 5, recordId: 'c-1', mode: 'HardDelete' },
      { type: 'copy', id: 6, format: 'python', recordId: 'c-1' },
      { type: 'copy', id: 7, format: 'json', recordId: 'c-1', values: { a: 'b' } },
    ]) {
      assert.ok(isWebviewMessage(m), JSON.stringify(m));
    }
  });

  test('refuses unknown types, missing ids and badly typed fields', () => {
    for (const m of [
      { type: 'deleteEverything', id: 1 },
      { type: 'state', state: 'everything' },
      { type: 'getRecord', recordId: 'c-1001' },
      { type: 'getRecord', id: -1, recordId: 'c-1001' },
      { type: 'getRecord', id: 1.5, recordId: 'c-1001' },
      { type: 'getRecord', id: 1, recordId: 42 },
      { type: 'getRecord', id: 1, recordId: 'c', featureNames: 'age' },
      { type: 'batchGet', id: 1, recordIds: ['a', 2] },
      { type: 'putRecord', id: 1, values: { age: 42 } },
      { type: 'putRecord', id: 1, values: { tags: ['a', 1] } },
      { type: 'putRecord', id: 1, values: ['a'] },
      { type: 'putRecord', id: 1, values: {}, ttl: { unit: 'Years', value: 1 } },
      { type: 'putRecord', id: 1, values: {}, baseline: 5 },
      { type: 'deleteRecord', id: 1, recordId: 'c', mode: 'Obliterate' },
      { type: 'copy', id: 1, format: 'cobol', recordId: 'c' },
      null,
      'ready',
    ]) {
      assert.ok(!isWebviewMessage(m), JSON.stringify(m));
    }
  });
});

describe('host → page', () => {
  test('accepts init, unavailable and every outcome', () => {
    for (const m of [
      { type: 'init', group },
      { type: 'init', group, savedState: { v: 1 } },
      { type: 'unavailable', title: 'Could not open', message: 'Profile gone.' },
      { type: 'recordResult', id: 1, outcome: { kind: 'found', recordId: 'c-1', values: { a: 'b' }, expiresAt: '2030-01-01T00:00:00Z', featureNames: ['a'] } },
      { type: 'recordResult', id: 1, outcome: { kind: 'notFound', recordId: 'c-9' } },
      { type: 'recordResult', id: 1, outcome: { kind: 'error', message: 'Denied.' } },
      { type: 'batchResult', id: 2, outcome: { kind: 'batch', rows: [{ recordId: 'a', status: 'found', values: { x: '1' } }, { recordId: 'b', status: 'error', errorCode: 'X', error: 'y' }], calls: 1, retriedIds: 0 } },
      { type: 'previewResult', id: 3, outcome: { kind: 'preview', preview } },
      { type: 'previewResult', id: 3, outcome: { kind: 'invalid', problems: [{ feature: 'age', message: 'Not a number.' }] } },
      { type: 'putResult', id: 4, outcome: { kind: 'written', recordId: 'c-1', readBack: { kind: 'notFound', recordId: 'c-1' }, warning: 'older' } },
      { type: 'putResult', id: 4, outcome: { kind: 'conflict', preview } },
      { type: 'putResult', id: 4, outcome: { kind: 'cancelled' } },
      { type: 'deleteResult', id: 5, outcome: { kind: 'deleted', recordId: 'c-1', mode: 'SoftDelete', eventTime: 't' } },
      { type: 'deleteResult', id: 5, outcome: { kind: 'cancelled' } },
      { type: 'copyResult', id: 6, outcome: { kind: 'copied', format: 'typescript', text: 'x' } },
    ]) {
      assert.ok(isHostMessage(m), JSON.stringify(m));
    }
  });

  test('refuses malformed groups and outcomes', () => {
    for (const m of [
      { type: 'init', group: { ...group, access: 'superuser' } },
      { type: 'init', group: { ...group, canWrite: 'yes' } },
      { type: 'init', group: { ...group, canRead: undefined } },
      { type: 'init', group: { ...group, features: [{ name: 'x', type: 'Blob' }] } },
      { type: 'recordResult', id: 1, outcome: { kind: 'found', recordId: 'c-1' } },
      { type: 'recordResult', outcome: { kind: 'notFound', recordId: 'x' } },
      { type: 'batchResult', id: 1, outcome: { kind: 'batch', rows: [{ recordId: 'a', status: 'maybe' }], calls: 1, retriedIds: 0 } },
      { type: 'previewResult', id: 1, outcome: { kind: 'preview', preview: { ...preview, changes: [{ feature: 'a', before: 1 }] } } },
      { type: 'putResult', id: 1, outcome: { kind: 'invalid', problems: [{ feature: 'a' }] } },
      { type: 'deleteResult', id: 1, outcome: { kind: 'deleted', recordId: 'c', mode: 'SoftDelete' } },
      { type: 'copyResult', id: 1, outcome: { kind: 'copied', format: 'json' } },
      { type: 'unavailable', title: 'x' },
    ]) {
      assert.ok(!isHostMessage(m), JSON.stringify(m));
    }
  });

  test('every request type has its response type', () => {
    assert.deepEqual(RESPONSE_TYPE, { getRecord: 'recordResult', batchGet: 'batchResult', previewWrite: 'previewResult', putRecord: 'putResult', deleteRecord: 'deleteResult', copy: 'copyResult' });
    assert.ok(isRecordValues({}));
  });
});
