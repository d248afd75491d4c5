// Row texts of the tree: feature types with roles, shared-group and invitation summaries.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeatureGroupSummary, Invitation } from '../../../src/aws/model';
import { featureDescription, featureGroupDescription, featureRole, invitationsSummary, sharedSummary, sortInvitations } from '../../../src/tree/labels';

const group = { recordIdentifierFeatureName: 'customer_id', eventTimeFeatureName: 'event_time' };

function summary(name: string, access: FeatureGroupSummary['access'], status = 'Created'): FeatureGroupSummary {
  return { name, arn: `arn:aws:sagemaker:us-east-1:111111111111:feature-group/${name}`, ownerAccountId: '111111111111', region: 'us-east-1', access, status };
}

function invitation(name: string, status: Invitation['status'], time: string): Invitation {
  return { arn: `arn:${name}`, resourceShareName: name, resourceShareArn: `share:${name}`, senderAccountId: '111111111111', status, invitationTime: new Date(time) };
}

describe('features', () => {
  test('the record identifier and event time are marked', () => {
    assert.equal(featureRole({ name: 'customer_id', type: 'String' }, group), 'recordIdentifier');
    assert.equal(featureRole({ name: 'event_time', type: 'String' }, group), 'eventTime');
    assert.equal(featureRole({ name: 'age', type: 'Integral' }, group), 'plain');
    assert.equal(featureDescription({ name: 'customer_id', type: 'String' }, 'recordIdentifier'), 'String · record identifier');
    assert.equal(featureDescription({ name: 'event_time', type: 'Fractional' }, 'eventTime'), 'Fractional · event time');
    assert.equal(featureDescription({ name: 'embedding', type: 'Fractional', collection: 'Vector', vectorDimension: 4 }, 'plain'), 'Vector<Fractional>[4]');
    assert.equal(featureDescription({ name: 'preferred_channels', type: 'String', collection: 'List' }, 'plain'), 'List<String>');
  });
});

describe('feature groups', () => {
  test('shared groups name owner and access; owned ones only an unusual status', () => {
    assert.equal(featureGroupDescription(summary('customer-profile', 'readOnly')), 'read-only · owner 111111111111');
    assert.equal(featureGroupDescription(summary('transactions', 'owner')), undefined);
    assert.equal(featureGroupDescription(summary('new-group', 'owner', 'Creating')), 'Creating');
  });

  test('Shared with me summarises access levels', () => {
    const groups = [summary('a', 'readOnly'), summary('b', 'discoverOnly'), summary('c', 'discoverOnly'), summary('d', 'readWrite')];
    assert.equal(sharedSummary(groups), '1 read/write · 1 read-only · 2 discoverable only');
    assert.equal(sharedSummary([]), undefined);
  });
});

describe('invitations', () => {
  test('pending first, then newest first', () => {
    const sorted = sortInvitations([
      invitation('old-accepted', 'ACCEPTED', '2025-01-01T00:00:00Z'),
      invitation('pending', 'PENDING', '2024-01-01T00:00:00Z'),
      invitation('new-accepted', 'ACCEPTED', '2025-06-01T00:00:00Z'),
    ]);
    assert.deepEqual(sorted.map((i) => i.resourceShareName), ['pending', 'new-accepted', 'old-accepted']);
  });

  test('the summary counts what waits for an answer', () => {
    assert.equal(invitationsSummary([invitation('a', 'PENDING', '2025-01-01T00:00:00Z'), invitation('b', 'ACCEPTED', '2025-01-01T00:00:00Z')]), '1 pending');
    assert.equal(invitationsSummary([invitation('b', 'ACCEPTED', '2025-01-01T00:00:00Z')]), undefined);
  });
});
