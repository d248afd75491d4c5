// Texts shown for domain values in the tree, the pickers and the inspector.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canWriteRecords,
  endpointHost,
  eventTimePlaceholder,
  formatAccess,
  formatCategoryLabel,
  formatFeatureType,
  formatInvitationDescription,
  formatProfileDescription,
  formatSharedGroupDescription,
  formatTimestamp,
  formatTtl,
  valuePlaceholder,
} from '../../../src/util/format';

describe('formatFeatureType', () => {
  test('scalars are their type', () => {
    assert.equal(formatFeatureType({ type: 'Integral' }), 'Integral');
  });
  test('collections show their element type', () => {
    assert.equal(formatFeatureType({ type: 'String', collection: 'List' }), 'List<String>');
    assert.equal(formatFeatureType({ type: 'String', collection: 'Set' }), 'Set<String>');
  });
  test('vectors show their dimension', () => {
    assert.equal(formatFeatureType({ type: 'Fractional', collection: 'Vector', vectorDimension: 4 }), 'Vector<Fractional>[4]');
    assert.equal(formatFeatureType({ type: 'Fractional', collection: 'Vector' }), 'Vector<Fractional>');
  });
});

describe('descriptions', () => {
  test('shared groups name the owner and the access in words', () => {
    assert.equal(formatSharedGroupDescription('111111111111', 'readOnly'), 'read-only · owner 111111111111');
    assert.equal(formatSharedGroupDescription('111111111111', 'readWrite'), 'read/write · owner 111111111111');
    assert.equal(formatSharedGroupDescription('111111111111', 'discoverOnly'), 'discoverable only · owner 111111111111');
    assert.equal(formatAccess('admin'), 'admin');
  });

  test('profile roots show account, region and the endpoint host only when known', () => {
    assert.equal(formatProfileDescription({ region: 'us-east-1' }), 'us-east-1');
    assert.equal(
      formatProfileDescription({ accountId: '111111111111', region: 'us-east-1', endpointHost: '127.0.0.1:4566' }),
      '111111111111 · us-east-1 · 127.0.0.1:4566',
    );
    assert.equal(formatProfileDescription({ accountId: '111111111111' }), '111111111111 · no region');
  });

  test('endpointHost keeps host and port, and tolerates non-URLs', () => {
    assert.equal(endpointHost('http://127.0.0.1:4566'), '127.0.0.1:4566');
    assert.equal(endpointHost('https://api.sagemaker.eu-west-1.amazonaws.com/'), 'api.sagemaker.eu-west-1.amazonaws.com');
    assert.equal(endpointHost('not a url'), 'not a url');
    assert.equal(endpointHost(undefined), undefined);
  });

  test('category labels carry a count unless the load failed', () => {
    assert.equal(formatCategoryLabel('Owned', 4), 'Owned (4)');
    assert.equal(formatCategoryLabel('Owned', 0), 'Owned (0)');
    assert.equal(formatCategoryLabel('Owned', undefined), 'Owned');
  });

  test('invitations name the sender and the status', () => {
    assert.equal(formatInvitationDescription('111111111111', 'PENDING'), 'from 111111111111 · pending');
  });

  test('TTL and timestamps', () => {
    assert.equal(formatTtl({ unit: 'Days', value: 30 }), '30 days');
    assert.equal(formatTtl({ unit: 'Days', value: 1 }), '1 day');
    assert.equal(formatTimestamp(new Date('2025-01-15T12:00:00.123Z')), '2025-01-15T12:00:00Z');
    assert.equal(formatTimestamp('garbage'), 'garbage');
    assert.equal(formatTimestamp(undefined), undefined);
  });
});

describe('write access and placeholders', () => {
  test('only owner, admin and read/write may write', () => {
    assert.deepEqual(
      (['owner', 'admin', 'readWrite', 'readOnly', 'discoverOnly'] as const).filter(canWriteRecords),
      ['owner', 'admin', 'readWrite'],
    );
  });

  test('placeholders say what to type for each type', () => {
    assert.match(valuePlaceholder({ type: 'Integral' }), /whole number/);
    assert.match(valuePlaceholder({ type: 'Fractional' }), /number/);
    assert.equal(valuePlaceholder({ type: 'String', collection: 'List' }), 'JSON array of values, e.g. ["text", "text"]');
    assert.equal(valuePlaceholder({ type: 'Integral', collection: 'List' }), 'JSON array of values, e.g. [42, 42]');
    assert.equal(valuePlaceholder({ type: 'Fractional', collection: 'Vector', vectorDimension: 4 }), 'JSON array of 4 numbers, e.g. [0.1, 0.2, 0.3, 0.4]');
    assert.match(valuePlaceholder({ type: 'String', collection: 'Set' }), /distinct/);
    assert.match(eventTimePlaceholder({ type: 'String' }), /ISO-8601/);
    assert.match(eventTimePlaceholder({ type: 'Fractional' }), /epoch seconds/);
  });
});
