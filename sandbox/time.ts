// Instants the way AWS shows them: the event time range (years 0000–9999, aws-facts §6) and ISO
// formatting that never throws, for read paths that format stored data.

/** 0000-01-01T00:00:00Z in epoch seconds: the earliest event time. */
export const MIN_EVENT_TIME_SECONDS = -62_167_219_200;
/** 10000-01-01T00:00:00Z in epoch seconds: every event time (and expiry) is before it. */
export const END_EVENT_TIME_SECONDS = 253_402_300_800;

/** Date.UTC maps years 0–99 to 1900–1999; event times start at year 0000. */
export function utcMillis(year: number, monthIndex: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(Date.UTC(2000, monthIndex, day, hour, minute, second));
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

/**
 * An epoch-milliseconds instant as an ISO string, or undefined when there is none (not a finite
 * number, or beyond what Date can show). Stored data (an old state file, say) must never turn a
 * read into a 500.
 */
export function isoInstant(ms: unknown): string | undefined {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
