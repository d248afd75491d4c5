// Regions per profile: the profile's own (or its override) first, then the ones a setting adds.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileInfo } from '../../../src/aws/model';
import { profileRegions, readSettings } from '../../../src/util/settings';

const profile = (name: string, region?: string): ProfileInfo => ({ name, kind: 'static', region, endpoints: {} });

describe('additionalRegions', () => {
  test('reads lists by profile name, dropping junk and repeats', () => {
    const s = readSettings({ additionalRegions: { a: ['eu-west-1', 'eu-west-1', ' ap-south-1 ', 'mars', 3], b: 'us-west-2', c: [], '*': ['ca-central-1'] } });
    assert.deepEqual(s.additionalRegions, { a: ['eu-west-1', 'ap-south-1'], b: ['us-west-2'], '*': ['ca-central-1'] });
    assert.deepEqual(readSettings({ additionalRegions: ['x'] }).additionalRegions, {});
  });

  test("the profile's own region first, then its own extras, then everyone's, without repeats", () => {
    const settings = { regionOverride: {}, additionalRegions: { a: ['eu-west-1', 'us-east-1'], '*': ['ap-south-1', 'eu-west-1'] } };
    assert.deepEqual(profileRegions(profile('a', 'us-east-1'), settings), ['us-east-1', 'eu-west-1', 'ap-south-1']);
    assert.deepEqual(profileRegions(profile('b', 'us-east-2'), settings), ['us-east-2', 'ap-south-1', 'eu-west-1']);
  });

  test('the override replaces the own region; a profile without any region gets only the added ones', () => {
    assert.deepEqual(profileRegions(profile('a', 'us-east-1'), { regionOverride: { a: 'sa-east-1' }, additionalRegions: {} }), ['sa-east-1']);
    assert.deepEqual(profileRegions(profile('a'), { regionOverride: {}, additionalRegions: { a: ['eu-north-1'] } }), ['eu-north-1']);
    assert.deepEqual(profileRegions(profile('a'), { regionOverride: {}, additionalRegions: {} }), []);
  });
});
