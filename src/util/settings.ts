// The extension's settings, read defensively (settings.json is hand-edited) and applied to profiles.
// Pure (no 'vscode'): src/extension.ts passes in what workspace.getConfiguration returned.
import type { ProfileInfo } from '../aws/model';

export const SETTINGS_SECTION = 'featureStoreExplorer';

export interface ExplorerSettings {
  /** Profile names to show, in this order; empty shows every profile. */
  profiles: string[];
  /** Profile name (or `*` for all) → region, used instead of the profile's own region. */
  regionOverride: Record<string, string>;
  /** Profile name (or `*` for all) → regions shown besides the profile's own, each as its own root. */
  additionalRegions: Record<string, string[]>;
  requestTimeoutSeconds: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;

const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function readSettings(raw: { profiles?: unknown; regionOverride?: unknown; additionalRegions?: unknown; requestTimeoutSeconds?: unknown }): ExplorerSettings {
  const profiles = Array.isArray(raw.profiles)
    ? [...new Set(raw.profiles.filter((p): p is string => typeof p === 'string').map((p) => p.trim()).filter(Boolean))]
    : [];
  const regionOverride: Record<string, string> = {};
  if (typeof raw.regionOverride === 'object' && raw.regionOverride !== null && !Array.isArray(raw.regionOverride)) {
    for (const [name, region] of Object.entries(raw.regionOverride)) {
      if (typeof region === 'string' && region.trim()) regionOverride[name] = region.trim();
    }
  }
  const additionalRegions: Record<string, string[]> = {};
  if (typeof raw.additionalRegions === 'object' && raw.additionalRegions !== null && !Array.isArray(raw.additionalRegions)) {
    for (const [name, regions] of Object.entries(raw.additionalRegions)) {
      const list = Array.isArray(regions) ? regions : [regions];
      const valid = [...new Set(list.filter((r): r is string => typeof r === 'string').map((r) => r.trim()).filter((r) => REGION_RE.test(r)))];
      if (valid.length) additionalRegions[name] = valid;
    }
  }
  const t = raw.requestTimeoutSeconds;
  const requestTimeoutSeconds = typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : DEFAULT_TIMEOUT_SECONDS;
  return { profiles, regionOverride, additionalRegions, requestTimeoutSeconds };
}

/** The profiles to show, and the configured names that match no profile (to say so in the log). */
export function selectProfiles(all: ProfileInfo[], names: string[]): { shown: ProfileInfo[]; missing: string[] } {
  if (names.length === 0) return { shown: all, missing: [] };
  const byName = new Map(all.map((p) => [p.name, p]));
  return {
    shown: names.map((n) => byName.get(n)).filter((p): p is ProfileInfo => !!p),
    missing: names.filter((n) => !byName.has(n)),
  };
}

/** The profile's own override wins over `*`, which wins over the region in the AWS config. */
export function resolveRegion(profile: ProfileInfo, overrides: Record<string, string>): string | undefined {
  return overrides[profile.name] ?? overrides['*'] ?? profile.region;
}

/**
 * Every region to show the profile in: its own (as resolveRegion decides) first, then the additional
 * regions of its own entry and of `*`, without repeats. Empty when the profile has no region at all.
 */
export function profileRegions(profile: ProfileInfo, settings: Pick<ExplorerSettings, 'regionOverride' | 'additionalRegions'>): string[] {
  const own = resolveRegion(profile, settings.regionOverride);
  const extra = [...(settings.additionalRegions[profile.name] ?? []), ...(settings.additionalRegions['*'] ?? [])];
  return [...new Set([...(own ? [own] : []), ...extra])];
}
