// The short-lived cache under every lookup: one load for concurrent askers, a lifetime, kept failures.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache } from '../../../src/lookup/cache';
import { CancelledError, untilCancelled, type CancellationLike } from '../../../src/lookup/cancel';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A token cancelled by hand, shaped like vscode.CancellationToken. */
function tokenSource() {
  const listeners = new Set<() => void>();
  const token: CancellationLike & { isCancellationRequested: boolean } = {
    isCancellationRequested: false,
    onCancellationRequested(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
  return {
    token,
    cancel() {
      token.isCancellationRequested = true;
      for (const l of [...listeners]) l();
    },
    listeners,
  };
}

describe('TtlCache', () => {
  test('concurrent askers share one load', async () => {
    const cache = new TtlCache<number>({ ttlMs: 1000 });
    let loads = 0;
    const gate = deferred<number>();
    const load = () => {
      loads++;
      return gate.promise;
    };
    const all = Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
    gate.resolve(7);
    assert.deepEqual(await all, [7, 7, 7]);
    assert.equal(loads, 1);
  });

  test('a value lives ttlMs after it settled, then loads again', async () => {
    const c = clock();
    const cache = new TtlCache<number>({ ttlMs: 1000, now: c.now });
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await cache.get('k', load), 1);
    c.advance(999);
    assert.equal(await cache.get('k', load), 1);
    c.advance(1);
    assert.equal(await cache.get('k', load), 2);
    assert.equal(await cache.get('other', load), 3, 'keys are independent');
  });

  test('failures are kept for errorTtlMs, so a failing service is not called on every ask', async () => {
    const c = clock();
    const cache = new TtlCache<number>({ ttlMs: 10_000, errorTtlMs: 100, now: c.now });
    let loads = 0;
    const failing = async (): Promise<number> => {
      loads++;
      throw new Error('boom');
    };
    await assert.rejects(cache.get('k', failing), /boom/);
    await assert.rejects(cache.get('k', failing), /boom/);
    assert.equal(loads, 1);
    c.advance(100);
    assert.equal(await cache.get('k', async () => 5), 5);
    assert.equal(await cache.peek('k'), 5);
  });

  test('peek never loads and ignores stale or failed entries; clear forgets', async () => {
    const c = clock();
    const cache = new TtlCache<string>({ ttlMs: 50, now: c.now });
    assert.equal(await cache.peek('k'), undefined);
    await cache.get('k', async () => 'v');
    assert.equal(await cache.peek('k'), 'v');
    c.advance(50);
    assert.equal(await cache.peek('k'), undefined);
    await cache.get('k', async () => 'w');
    cache.clear();
    assert.equal(cache.has('k'), false);
  });

  test('the oldest entries go beyond maxEntries', async () => {
    const cache = new TtlCache<number>({ ttlMs: 1000, maxEntries: 2 });
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('c', async () => 3);
    assert.equal(cache.size, 2);
    assert.equal(cache.has('a'), false);
    assert.equal(cache.has('c'), true);
  });
});

describe('untilCancelled', () => {
  test('stops waiting when cancelled, while the shared load still completes for others', async () => {
    const cache = new TtlCache<number>({ ttlMs: 1000 });
    const gate = deferred<number>();
    const source = tokenSource();
    const cancelled = untilCancelled(cache.get('k', () => gate.promise), source.token);
    const other = cache.get('k', () => Promise.resolve(-1));
    source.cancel();
    await assert.rejects(cancelled, CancelledError);
    gate.resolve(42);
    assert.equal(await other, 42);
    assert.equal(await cache.peek('k'), 42);
    assert.equal(source.listeners.size, 0, 'the listener was removed');
  });

  test('an already cancelled token rejects at once; without a token it is the promise itself', async () => {
    const source = tokenSource();
    source.cancel();
    await assert.rejects(untilCancelled(Promise.resolve(1), source.token), CancelledError);
    assert.equal(await untilCancelled(Promise.resolve(2), undefined), 2);
  });
});
