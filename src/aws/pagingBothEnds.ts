// Paging a sorted list from both ends at once. A list of P pages costs P sequential round trips
// when read from its start; read Ascending and Descending together, the two halves meet after
// about P/2 + 1. They have met when they share an item, and only if that shared run is the tail of
// both reads (what a true reverse order gives): otherwise (the service ignored the order, or the list
// changed underneath, or the descending read failed) the descending read is dropped and the
// ascending one goes on to the end, so the result is always the whole list, just not faster.
export type SortOrder = 'Ascending' | 'Descending';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export type PageFetch<T> = (order: SortOrder, nextToken: string | undefined) => Promise<Page<T>>;

export interface BothEndsOptions<T> {
  /** A unique id per item (an ARN). */
  idOf: (item: T) => string;
  /** Told every item known so far (unordered) after each page, until the list is complete. */
  onProgress?: (known: T[]) => void;
}

export function listFromBothEnds<T>(fetchPage: PageFetch<T>, opts: BothEndsOptions<T>): Promise<T[]> {
  const asc: T[] = [];
  const desc: T[] = [];
  const ascIds = new Set<string>();
  const descIds = new Set<string>();
  let done = false;
  let descStarted = false;
  let descDropped = false;

  const union = (): T[] => {
    const out = [...asc];
    for (const item of desc) if (!ascIds.has(opts.idOf(item))) out.push(item);
    return out;
  };

  /** Length of the longest tail of `seq` whose items are all in `other`. */
  const sharedTail = (seq: T[], other: Set<string>): number => {
    let n = 0;
    while (n < seq.length && other.has(opts.idOf(seq[seq.length - 1 - n]))) n++;
    return n;
  };

  /** true: the reads met properly; false: not yet; 'invalid': they overlap where they should not. */
  const met = (): boolean | 'invalid' => {
    let shared = 0;
    const [small, big] = ascIds.size <= descIds.size ? [ascIds, descIds] : [descIds, ascIds];
    for (const id of small) if (big.has(id)) shared++;
    if (shared === 0) return false;
    return sharedTail(asc, descIds) === shared && sharedTail(desc, ascIds) === shared ? true : 'invalid';
  };

  return new Promise<T[]>((resolve, reject) => {
    const finish = () => {
      if (done) return;
      done = true;
      resolve(union());
    };
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      reject(err);
    };

    const read = async (order: SortOrder, into: T[], ids: Set<string>) => {
      let token: string | undefined;
      const seenTokens = new Set<string>();
      for (;;) {
        const page = await fetchPage(order, token);
        // A page that arrives after the list is complete (the other read finished it) is not needed.
        if (done || (order === 'Descending' && descDropped)) return;
        for (const item of page.items) {
          into.push(item);
          ids.add(opts.idOf(item));
        }
        token = page.nextToken && !seenTokens.has(page.nextToken) ? page.nextToken : undefined;
        if (token) seenTokens.add(token);
        // Either read reaching its end has seen every item.
        if (!token) return finish();
        if (!descDropped && desc.length > 0) {
          const state = met();
          if (state === true) return finish();
          if (state === 'invalid') descDropped = true;
          if (descDropped && order === 'Descending') return;
        }
        opts.onProgress?.(union());
        // The second read starts only once the list is known to have more than one page.
        if (order === 'Ascending' && !descStarted && !descDropped) {
          descStarted = true;
          // A failing descending read only costs the speed-up: the ascending one still gets everything.
          read('Descending', desc, descIds).catch(() => {
            descDropped = true;
          });
        }
      }
    };
    read('Ascending', asc, ascIds).catch(fail);
  });
}
