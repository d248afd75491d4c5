// Lazy: one call for everyone who asks, outcomes kept until reset, stale outcomes dropped.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Lazy } from '../../../src/util/lazy';

describe('Lazy', () => {
  test('starts on first use and shares one call', async () => {
    let calls = 0;
    const lazy = new Lazy(async () => ++calls);
    assert.equal(lazy.peek(), undefined);
    assert.equal(calls, 0);
    const [a, b] = await Promise.all([lazy.get(), lazy.get()]);
    assert.deepEqual(a, { ok: true, value: 1 });
    assert.deepEqual(b, { ok: true, value: 1 });
    assert.deepEqual(lazy.peek(), { ok: true, value: 1 });
    assert.equal(calls, 1);
  });

  test('keeps a failure as an outcome until reset', async () => {
    let fail = true;
    const lazy = new Lazy(async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    const first = await lazy.get();
    assert.equal(first.ok, false);
    fail = false;
    assert.equal((await lazy.get()).ok, false);
    lazy.reset();
    assert.deepEqual(await lazy.get(), { ok: true, value: 'up' });
  });

  test('an outcome that settles after a reset is not kept', async () => {
    let release!: (v: string) => void;
    const lazy = new Lazy(() => new Promise<string>((r) => (release = r)));
    const stale = lazy.get();
    lazy.reset();
    release('old');
    await stale;
    assert.equal(lazy.peek(), undefined);
  });
});
