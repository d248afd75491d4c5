// Paging a sorted list from both ends at once. A list of P pages costs P sequential round trips
// when read from its start; read Ascending and Descending together, the two halves meet after
// about P/2 + 1 round trips. They have met when they share an item, and only if that shared run is
// the tail of both reads (what a true reverse order gives): otherwise (the service ignored the
// order, the list changed underneath, or the descending read failed) the descending read is dropped
// and the ascending one goes on to the end, so the result is always the whole list, just not faster.
// The reads advance in lockstep (one page each per round): the same list always asks for the same
// pages, so a second reader of it is served entirely by the response cache, and no call is left
// running after the answer is known.
export type SortOrder = 'Ascending' | 'Descending';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export type PageFetch<T> = (order: SortOrder, nextToken: string | undefined) => Promise<Page<T>>;

export interface BothEndsOptions<T> {
  /** A unique id per item (an ARN). */
  idOf: (item: T) => string;
  /**
   * Called after each round until the list is complete; `known()` gives every item read so far
   * (unordered; built only when asked for).
   */
  onProgress?: (known: () => T[]) => void;
}

class Read<T> {
  readonly items: T[] = [];
  readonly ids = new Set<string>();
  token: string | undefined;
  ended = false;
  private readonly seenTokens = new Set<string>();

  constructor(private readonly idOf: (item: T) => string) {}

  add(page: Page<T>): void {
    for (const item of page.items) {
      const id = this.idOf(item);
      if (this.ids.has(id)) continue;
      this.items.push(item);
      this.ids.add(id);
    }
    // A missing or repeated token ends the read.
    this.token = page.nextToken && !this.seenTokens.has(page.nextToken) ? page.nextToken : undefined;
    if (this.token) this.seenTokens.add(this.token);
    else this.ended = true;
  }

  /** Length of the longest tail of this read whose items are all in `other`. */
  sharedTail(other: Set<string>): number {
    let n = 0;
    while (n < this.items.length && other.has(this.idOf(this.items[this.items.length - 1 - n]))) n++;
    return n;
  }
}

export async function listFromBothEnds<T>(fetchPage: PageFetch<T>, opts: BothEndsOptions<T>): Promise<T[]> {
  const asc = new Read<T>(opts.idOf);
  const desc = new Read<T>(opts.idOf);
  let descDropped = false;

  const union = (): T[] => {
    const out = [...asc.items];
    for (const item of desc.items) if (!asc.ids.has(opts.idOf(item))) out.push(item);
    return out;
  };

  /** true: the reads met properly; false: not yet; 'invalid': they overlap where they should not. */
  const met = (): boolean | 'invalid' => {
    let shared = 0;
    const [small, big] = asc.ids.size <= desc.ids.size ? [asc.ids, desc.ids] : [desc.ids, asc.ids];
    for (const id of small) if (big.has(id)) shared++;
    if (shared === 0) return false;
    return asc.sharedTail(desc.ids) === shared && desc.sharedTail(asc.ids) === shared ? true : 'invalid';
  };

  // The descending read starts only once the list is known to have more than one page.
  asc.add(await fetchPage('Ascending', undefined));
  while (!asc.ended) {
    opts.onProgress?.(union);
    const [ascPage, descPage] = await Promise.all([
      fetchPage('Ascending', asc.token),
      descDropped
        ? undefined
        : fetchPage('Descending', desc.token).catch(() => {
            // Failing costs the speed-up only: the ascending read still gets everything.
            descDropped = true;
            return undefined;
          }),
    ]);
    asc.add(ascPage);
    if (descPage) desc.add(descPage);
    // Either read reaching its end has seen every item.
    if (asc.ended || (!descDropped && desc.ended)) break;
    if (!descDropped) {
      const state = met();
      if (state === true) break;
      if (state === 'invalid') descDropped = true;
    }
  }
  return union();
}
