import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listFromBothEnds, type Page, type SortOrder } from '../../../src/aws/pagingBothEnds';

/**
 * A list served the way ListFeatureGroups serves it: sorted by name either way, `size` per page,
 * the token naming the last item returned. Counts requests and the rounds they came in.
 */
class PagedList {
  calls: { order: SortOrder; token?: string }[] = [];
  inFlight = 0;
  mostInFlight = 0;
  constructor(
    public names: string[],
    private readonly size: number,
    private readonly serve: { ignoreOrder?: boolean; failDescending?: boolean; failAscending?: boolean; emptyPagesFirst?: boolean } = {},
  ) {}

  fetch = async (order: SortOrder, token: string | undefined): Promise<Page<string>> => {
    this.calls.push({ order, token });
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise((r) => setImmediate(r));
    this.inFlight--;
    if (order === 'Descending' && this.serve.failDescending) throw new Error('ValidationException: SortOrder');
    if (order === 'Ascending' && this.serve.failAscending) throw new Error('ThrottlingException');
    const sorted = [...this.names].sort();
    if (order === 'Descending' && !this.serve.ignoreOrder) sorted.reverse();
    if (this.serve.emptyPagesFirst && token === undefined) return { items: [], nextToken: 'start' };
    const after = token && token !== 'start' ? sorted.indexOf(token) + 1 : 0;
    const items = sorted.slice(after, after + this.size);
    const end = after + items.length;
    return { items, nextToken: end < sorted.length && items.length ? items[items.length - 1] : undefined };
  };

  count(order: SortOrder): number {
    return this.calls.filter((c) => c.order === order).length;
  }
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `group-${String(i).padStart(4, '0')}`);

async function list(source: PagedList, onProgress?: (known: () => string[]) => void): Promise<string[]> {
  return (await listFromBothEnds(source.fetch, { idOf: (s) => s, onProgress })).sort();
}

describe('listFromBothEnds', () => {
  for (const n of [0, 1, 99, 100, 101, 200, 250, 999, 1000, 1001]) {
    test(`${n} items in pages of 100: every item exactly once`, async () => {
      const source = new PagedList(names(n), 100);
      assert.deepEqual(await list(source), names(n));
    });
  }

  test('1,000 items in pages of 100 take 6 round trips instead of 10 (11 calls)', async () => {
    const source = new PagedList(names(1000), 100);
    await list(source);
    assert.equal(source.count('Ascending'), 6);
    assert.equal(source.count('Descending'), 5);
    assert.equal(source.mostInFlight, 2, 'one page of each read per round');
  });

  test('a one-page list costs one call, and no descending read starts', async () => {
    const source = new PagedList(names(40), 100);
    assert.deepEqual(await list(source), names(40));
    assert.deepEqual(source.calls.map((c) => c.order), ['Ascending']);
  });

  test('the same list always asks for the same pages (so a second reader is served by the cache)', async () => {
    const a = new PagedList(names(730), 100);
    const b = new PagedList(names(730), 100);
    await list(a);
    await list(b);
    assert.deepEqual(a.calls, b.calls);
  });

  test('a service that ignores the sort order still yields the whole list, read from the start', async () => {
    const source = new PagedList(names(1000), 100, { ignoreOrder: true });
    assert.deepEqual(await list(source), names(1000));
    assert.equal(source.count('Ascending'), 10);
  });

  test('a failing descending read costs only the speed-up', async () => {
    const source = new PagedList(names(500), 100, { failDescending: true });
    assert.deepEqual(await list(source), names(500));
    assert.equal(source.count('Descending'), 1);
  });

  test('a failing ascending read fails the listing', async () => {
    await assert.rejects(list(new PagedList(names(500), 100, { failAscending: true })), /ThrottlingException/);
  });

  test('an empty first page with a token is not the end', async () => {
    const source = new PagedList(names(300), 100, { emptyPagesFirst: true });
    assert.deepEqual(await list(source), names(300));
  });

  test('a repeated token ends the read instead of looping', async () => {
    let calls = 0;
    const items = await listFromBothEnds<string>(async (order) => {
      calls++;
      return { items: [order === 'Ascending' ? 'a' : 'z'], nextToken: 'same' };
    }, { idOf: (s) => s });
    assert.ok(calls <= 3, `calls ${calls}`);
    assert.deepEqual(items.sort(), ['a', 'z']);
  });

  test('a group created while the reads run does not make them stop early', async () => {
    const source = new PagedList(names(1000), 100);
    let round = 0;
    const items = await listFromBothEnds(source.fetch, {
      idOf: (s) => s,
      onProgress: () => {
        // Between rounds, somebody creates a group that sorts into the unread middle.
        if (++round === 2) source.names.push('group-0500a');
      },
    });
    const seen = new Set(items);
    for (const name of names(1000)) assert.ok(seen.has(name), name);
    assert.equal(items.length, seen.size, 'no duplicates');
  });

  test('progress tells the rows known so far after each round, before the list is complete', async () => {
    const source = new PagedList(names(1000), 100);
    const sizes: number[] = [];
    const all = await list(source, (known) => sizes.push(known().length));
    assert.deepEqual(sizes, [100, 300, 500, 700, 900]);
    assert.equal(all.length, 1000);
  });
});
