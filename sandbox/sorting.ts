// A stable comparator: the sort key in the asked order, ties broken by a unique id.
export function compareBy<T>(key: (item: T) => string | number, order: 'Ascending' | 'Descending', id: (item: T) => string): (a: T, b: T) => number {
  const sign = order === 'Ascending' ? 1 : -1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    const ia = id(a);
    const ib = id(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
}
