import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseCache } from '../../../src/aws/responseCache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ResponseCache', () => {
  test('identical calls in flight share one load', async () => {
    const cache = new ResponseCache(1000);
    let loads = 0;
    const gate = deferred<string>();
    const load = () => {
      loads++;
      return gate.promise;
    };
    const a = cache.get('p', 'owned', ['k'], load);
    const b = cache.get('p', 'owned', ['k'], load);
    gate.resolve('answer');
    assert.deepEqual(await Promise.all([a, b]), ['answer', 'answer']);
    assert.equal(loads, 1);
  });

  test('an answer is reused until its time to live passes', async () => {
    let now = 0;
    const cache = new ResponseCache(1000, () => now);
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await cache.get('p', 'owned', ['k'], load), 1);
    now = 999;
    assert.equal(await cache.get('p', 'owned', ['k'], load), 1);
    now = 1000;
    assert.equal(await cache.get('p', 'owned', ['k'], load), 2);
  });

  test('a failure is not kept: the next call loads again', async () => {
    const cache = new ResponseCache(1000);
    let loads = 0;
    await assert.rejects(cache.get('p', 'ram', ['k'], async () => {
      loads++;
      throw new Error('throttled');
    }), /throttled/);
    assert.equal(await cache.get('p', 'ram', ['k'], async () => ++loads), 2);
  });

  test('time to live 0 shares calls in flight and keeps nothing after', async () => {
    const cache = new ResponseCache(1000);
    let loads = 0;
    const gate = deferred<number>();
    const first = cache.get('p', 'record', ['k'], () => (loads++, gate.promise), { ttlMs: 0 });
    const joined = cache.get('p', 'record', ['k'], async () => ++loads, { ttlMs: 0 });
    gate.resolve(7);
    assert.deepEqual(await Promise.all([first, joined]), [7, 7]);
    assert.equal(await cache.get('p', 'record', ['k'], async () => ++loads, { ttlMs: 0 }), 2);
  });

  test('keys, profiles and scopes are told apart', async () => {
    const cache = new ResponseCache(1000);
    assert.equal(await cache.get('a', 'owned', ['k'], async () => 'a-owned-k'), 'a-owned-k');
    assert.equal(await cache.get('a', 'owned', ['other'], async () => 'a-owned-other'), 'a-owned-other');
    assert.equal(await cache.get('b', 'owned', ['k'], async () => 'b-owned-k'), 'b-owned-k');
    assert.equal(await cache.get('a', 'ram', ['k'], async () => 'a-ram-k'), 'a-ram-k');
    assert.equal(cache.size, 4);
  });

  test('invalidate drops one profile, or some scopes of every profile', async () => {
    const cache = new ResponseCache(1000);
    for (const profile of ['a', 'b']) {
      for (const scope of ['owned', 'ram', 'search'] as const) await cache.get(profile, scope, [], async () => `${profile}/${scope}`);
    }
    cache.invalidate('a');
    assert.equal(cache.size, 3);
    assert.equal(await cache.get('a', 'owned', [], async () => 'reloaded'), 'reloaded');
    cache.invalidate(undefined, ['ram', 'search']);
    assert.equal(await cache.get('b', 'ram', [], async () => 'b/ram again'), 'b/ram again');
    assert.equal(await cache.get('b', 'owned', [], async () => 'not used'), 'b/owned');
  });

  test('an answer still in flight when invalidated is not kept', async () => {
    const cache = new ResponseCache(1000);
    const gate = deferred<string>();
    const stale = cache.get('p', 'ram', ['k'], () => gate.promise);
    cache.invalidate('p');
    gate.resolve('from before the change');
    assert.equal(await stale, 'from before the change');
    assert.equal(await cache.get('p', 'ram', ['k'], async () => 'fresh'), 'fresh');
  });

  test('expired answers nobody asks for again are swept as the cache grows', async () => {
    let now = 0;
    const cache = new ResponseCache(10, () => now);
    for (let i = 0; i < 600; i++) await cache.get('p', 'describe', [i], async () => i);
    now = 100;
    for (let i = 600; i < 1200; i++) await cache.get('p', 'describe', [i], async () => i);
    assert.ok(cache.size < 1200, `size ${cache.size}`);
    assert.equal(await cache.get('p', 'describe', [1199], async () => -1), 1199);
  });
});
