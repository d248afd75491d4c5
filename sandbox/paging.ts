// NextToken paging shared by every list operation. The token remembers the last item returned,
// so an item added or removed between pages neither repeats nor hides another.
import { ApiError } from './errors';

interface Cursor { o: number; l: string }

export interface Page<T> { items: T[]; nextToken?: string }

export function paginate<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  token: string | undefined,
  max: number,
  badToken: () => ApiError,
): Page<T> {
  let start = 0;
  if (token) {
    const cursor = decode(token);
    if (!cursor) throw badToken();
    const after = items.findIndex((item) => idOf(item) === cursor.l);
    start = after >= 0 ? after + 1 : Math.min(cursor.o, items.length);
  }
  const page = items.slice(start, start + max);
  const end = start + page.length;
  if (end >= items.length || page.length === 0) return { items: page };
  return { items: page, nextToken: encode({ o: end, l: idOf(page[page.length - 1]) }) };
}

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decode(token: string): Cursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (typeof value?.o === 'number' && typeof value.l === 'string') return value;
  } catch {
    // fall through: not one of ours
  }
  return undefined;
}
