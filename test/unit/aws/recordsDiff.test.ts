// The difference shown before a write: PutRecord replaces the whole record.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeatureDefinition } from '../../../src/aws/model';
import { diffRecords, formatValueShort, recordFingerprint } from '../../../src/aws/recordDiff';

const features: FeatureDefinition[] = [
  { name: 'id', type: 'String' },
  { name: 'age', type: 'Integral' },
  { name: 'segment', type: 'String' },
  { name: 'channels', type: 'String', collection: 'List' },
];

describe('diffRecords', () => {
  test('changed, added and removed features in definition order; equal ones left out', () => {
    const before = { id: 'c-1', age: '34', segment: 'gold', channels: ['email', 'sms'] };
    const after = { id: 'c-1', age: '35', channels: ['email', 'sms', 'push'] };
    assert.deepEqual(diffRecords(features, before, after), [
      { feature: 'age', before: '34', after: '35' },
      { feature: 'segment', before: 'gold' },
      { feature: 'channels', before: ['email', 'sms'], after: ['email', 'sms', 'push'] },
    ]);
  });
  test('no stored record: every value is added', () => {
    assert.deepEqual(diffRecords(features, undefined, { id: 'c-2', age: '1' }), [
      { feature: 'id', after: 'c-2' },
      { feature: 'age', after: '1' },
    ]);
  });
  test('the text is compared as stored: 34 and 034 differ, list order matters', () => {
    assert.equal(diffRecords(features, { age: '34' }, { age: '034' }).length, 1);
    assert.equal(diffRecords(features, { channels: ['a', 'b'] }, { channels: ['b', 'a'] }).length, 1);
    assert.equal(diffRecords(features, { channels: ['a'] }, { channels: ['a'] }).length, 0);
  });
});

describe('fingerprints and short values', () => {
  test('a fingerprint ignores key order and tells values apart', () => {
    assert.equal(recordFingerprint({ a: '1', b: ['x'] }), recordFingerprint({ b: ['x'], a: '1' }));
    assert.notEqual(recordFingerprint({ a: '1' }), recordFingerprint({ a: '2' }));
    assert.equal(recordFingerprint(undefined), 'none');
  });
  test('numbers bare, strings quoted, long text cut, missing said', () => {
    assert.equal(formatValueShort('34', features[1]), '34');
    assert.equal(formatValueShort('34', features[2]), '"34"');
    assert.equal(formatValueShort(['a', 'b'], features[3]), '["a", "b"]');
    assert.equal(formatValueShort(undefined), '(not set)');
    assert.equal(formatValueShort('x'.repeat(100), features[2], 20).length, 20);
  });
});
