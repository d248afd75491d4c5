// Settings read defensively and applied to the profile list.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProfileInfo } from '../../../src/aws/model';
import { DEFAULT_TIMEOUT_SECONDS, readSettings, resolveRegion, selectProfiles } from '../../../src/util/settings';

function profile(name: string, region?: string): ProfileInfo {
  return { name, kind: 'static', region, endpoints: {} };
}

describe('readSettings', () => {
  test('keeps well-formed values', () => {
    assert.deepEqual(readSettings({ profiles: ['b', 'a'], regionOverride: { '*': 'eu-west-1' }, requestTimeoutSeconds: 5 }), {
      profiles: ['b', 'a'],
      regionOverride: { '*': 'eu-west-1' },
      additionalRegions: {},
      requestTimeoutSeconds: 5,
    });
  });
  test('drops junk from hand-edited settings', () => {
    const s = readSettings({ profiles: ['a', 3, ' a ', ''], regionOverride: { x: 5, y: ' ', z: 'us-east-2' }, requestTimeoutSeconds: -1 });
    assert.deepEqual(s.profiles, ['a']);
    assert.deepEqual(s.regionOverride, { z: 'us-east-2' });
    assert.equal(s.requestTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
    assert.deepEqual(readSettings({ profiles: 'a', regionOverride: ['x'] }).profiles, []);
  });
});

describe('selectProfiles', () => {
  const all = [profile('analytics'), profile('marketing'), profile('partner')];
  test('empty shows every profile', () => {
    assert.deepEqual(selectProfiles(all, []).shown.map((p) => p.name), ['analytics', 'marketing', 'partner']);
  });
  test('names choose and order the profiles, and unknown names are reported', () => {
    const { shown, missing } = selectProfiles(all, ['partner', 'nope', 'analytics']);
    assert.deepEqual(shown.map((p) => p.name), ['partner', 'analytics']);
    assert.deepEqual(missing, ['nope']);
  });
});

describe('resolveRegion', () => {
  test('profile override, then *, then the profile region', () => {
    assert.equal(resolveRegion(profile('a', 'us-east-1'), { a: 'eu-west-1', '*': 'ap-south-1' }), 'eu-west-1');
    assert.equal(resolveRegion(profile('b', 'us-east-1'), { a: 'eu-west-1', '*': 'ap-south-1' }), 'ap-south-1');
    assert.equal(resolveRegion(profile('b', 'us-east-1'), {}), 'us-east-1');
    assert.equal(resolveRegion(profile('b'), {}), undefined);
  });
});
