// Who can reach what a reference names, decided from listings: bare names mean the caller's own
// account, ARNs reach owners and share recipients, and a name only other accounts have needs its ARN.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { featureGroupArn } from '../../../src/aws/arn';
import { AwsCallError } from '../../../src/aws/errors';
import type { AccessLevel, FeatureGroupSummary } from '../../../src/aws/model';
import type { ProfileGroups } from '../../../src/lookup/directory';
import { readerOf, resolveFrom } from '../../../src/lookup/resolver';
import type { LookupProfile } from '../../../src/lookup/source';

const REGION = 'us-east-1';
const ANALYTICS = '111111111111';
const OUTSIDER = '444444444444';

function profile(name: string): LookupProfile {
  return { name, context: { profile: { name, kind: 'static', region: REGION, endpoints: {} }, region: REGION } };
}

function group(account: string, name: string, access: AccessLevel): FeatureGroupSummary {
  return { name, arn: featureGroupArn(REGION, account, name), ownerAccountId: account, region: REGION, access };
}

function listing(name: string, owned: FeatureGroupSummary[], shared: FeatureGroupSummary[]): ProfileGroups {
  return { profile: profile(name), owned: { ok: true, value: owned }, shared: { ok: true, value: shared } };
}

const who = (reach: { profile: { name: string }; access: AccessLevel }[]) => reach.map((r) => `${r.profile.name}:${r.access}`);

// The demo seed as the three profiles see it.
const demo: ProfileGroups[] = [
  listing('analytics', [group(ANALYTICS, 'customer-profile', 'owner'), group(ANALYTICS, 'transactions', 'owner')], []),
  listing('marketing', [group('222222222222', 'campaign-responses', 'owner')], [
    group(ANALYTICS, 'customer-profile', 'readOnly'),
    group(ANALYTICS, 'transactions', 'discoverOnly'),
  ]),
  listing('partner', [], []),
];

describe('resolveFrom', () => {
  test('a bare name reaches its owner; a profile that has it shared needs the ARN', () => {
    const r = resolveFrom('customer-profile', demo);
    assert.equal(r.isArn, false);
    assert.deepEqual(who(r.reach), ['analytics:owner']);
    assert.deepEqual(who(r.byArnOnly), ['marketing:readOnly']);
    assert.deepEqual(r.otherAccountArns, [], 'the name works for analytics: no quick fix needed');
    assert.equal(readerOf(r)?.profile.name, 'analytics');
  });

  test('an ARN reaches the owner and every profile it is shared with, strongest access first', () => {
    const arn = featureGroupArn(REGION, ANALYTICS, 'customer-profile');
    const r = resolveFrom(arn, [...demo].reverse());
    assert.equal(r.isArn, true);
    assert.equal(r.name, 'customer-profile');
    assert.deepEqual(who(r.reach), ['analytics:owner', 'marketing:readOnly']);
    assert.deepEqual(r.byArnOnly, []);
  });

  test('a name that exists only in another account resolves to that ARN', () => {
    const withoutOwner = demo.filter((l) => l.profile.name !== 'analytics');
    const r = resolveFrom('customer-profile', withoutOwner);
    assert.deepEqual(r.reach, []);
    assert.deepEqual(r.otherAccountArns, [featureGroupArn(REGION, ANALYTICS, 'customer-profile')]);
    assert.equal(readerOf(r), undefined, 'nobody can read it by that name');
  });

  test('the same name in two other accounts offers both ARNs', () => {
    const lists = [listing('marketing', [], [group(ANALYTICS, 'scores', 'readOnly')]), listing('partner', [], [group(OUTSIDER, 'scores', 'readWrite')])];
    const r = resolveFrom('scores', lists);
    assert.deepEqual(r.otherAccountArns, [featureGroupArn(REGION, ANALYTICS, 'scores'), featureGroupArn(REGION, OUTSIDER, 'scores')]);
    assert.deepEqual(who(r.byArnOnly), ['partner:readWrite', 'marketing:readOnly']);
  });

  test('discoverable-only reach is listed but never chosen for reading', () => {
    const arn = featureGroupArn(REGION, ANALYTICS, 'transactions');
    const onlyMarketing = resolveFrom(arn, demo.filter((l) => l.profile.name === 'marketing'));
    assert.deepEqual(who(onlyMarketing.reach), ['marketing:discoverOnly']);
    assert.equal(readerOf(onlyMarketing), undefined);
    assert.equal(readerOf(resolveFrom(arn, demo))?.profile.name, 'analytics');
  });

  test('unknown names reach nobody; failed listings are reported, the others still count', () => {
    const failed: ProfileGroups = {
      profile: profile('partner'),
      owned: { ok: true, value: [] },
      shared: { ok: false, error: new AwsCallError({ code: 'ThrottlingException', operation: 'ListResources', profile: 'partner', userMessage: 'RAM is throttling partner. Try again.' }) },
    };
    const r = resolveFrom('customer-profile', [demo[0], failed]);
    assert.deepEqual(who(r.reach), ['analytics:owner']);
    assert.deepEqual(r.problems, [{ profile: 'partner', listing: 'shared', message: 'RAM is throttling partner. Try again.' }]);
    const none = resolveFrom('no-such-group', demo);
    assert.deepEqual([none.reach, none.byArnOnly, none.otherAccountArns], [[], [], []]);
  });

  test('an ARN in a region or account no profile sees reaches nobody', () => {
    const r = resolveFrom(featureGroupArn('eu-west-1', ANALYTICS, 'customer-profile'), demo);
    assert.deepEqual(r.reach, []);
  });
});
