// Figures to text: the one table the benchmark prints, and small statistics helpers.
export interface Row {
  measure: string;
  value: string;
  target?: string;
  pass?: boolean;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function ms(x: number): string {
  return x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`;
}

export function spread(xs: number[]): string {
  return `${ms(median(xs))} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}, ${xs.length} runs)`;
}

export function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(0)} KB`;
}

export function formatTable(title: string, rows: Row[]): string {
  const head: Row = { measure: 'Measure', value: 'Value', target: 'Target', pass: undefined };
  const cells = [head, ...rows].map((r) => [r.measure, r.value, r.target ?? '', r === head ? 'Result' : r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL']);
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [title, '', line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
