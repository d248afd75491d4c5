// How a batch lookup is cut up before any call: distinct ids, batches of the service's size.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BATCH_GET_MAX_IDS, chunk, distinctIds } from '../../../src/aws/recordBatch';

describe('batch splitting', () => {
  test('ids are de-duplicated in first-seen order', () => {
    assert.deepEqual(distinctIds(['b', 'a', 'b', 'c', 'a']), ['b', 'a', 'c']);
  });
  test('1,001 ids make 11 calls of at most 100', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
    const batches = chunk(ids, BATCH_GET_MAX_IDS);
    assert.equal(BATCH_GET_MAX_IDS, 100);
    assert.equal(batches.length, 11);
    assert.ok(batches.every((b) => b.length <= 100));
    assert.deepEqual(batches.flat(), ids);
    assert.deepEqual(chunk([], 100), []);
  });
});
