import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapLimit } from '../../../src/aws/call';

describe('mapLimit', () => {
  test('keeps order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30, 0, 60]);
    assert.equal(most, 3);
  });
  test('an empty list gives an empty result', async () => {
    assert.deepEqual(await mapLimit([], 4, async (x) => x), []);
  });
  test('the first failure rejects the whole map', async () => {
    await assert.rejects(mapLimit([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error('two'); return n; }), /two/);
  });
});
