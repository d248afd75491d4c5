// The extension's settings, read defensively (settings.json is hand-edited) and applied to profiles.
// Pure (no 'vscode'): src/extension.ts passes in what workspace.getConfiguration returned.
import type { ProfileInfo } from '../aws/model';

export const SETTINGS_SECTION = 'featureStoreExplorer';

export interface ExplorerSettings {
  /** Profile names to show, in this order; empty shows every profile. */
  profiles: string[];
  /** Profile name (or `*` for all) → region, used instead of the profile's own region. */
  regionOverride: Record<string, string>;
  requestTimeoutSeconds: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;

export function readSettings(raw: { profiles?: unknown; regionOverride?: unknown; requestTimeoutSeconds?: unknown }): ExplorerSettings {
  const profiles = Array.isArray(raw.profiles)
    ? [...new Set(raw.profiles.filter((p): p is string => typeof p === 'string').map((p) => p.trim()).filter(Boolean))]
    : [];
  const regionOverride: Record<string, string> = {};
  if (typeof raw.regionOverride === 'object' && raw.regionOverride !== null && !Array.isArray(raw.regionOverride)) {
    for (const [name, region] of Object.entries(raw.regionOverride)) {
      if (typeof region === 'string' && region.trim()) regionOverride[name] = region.trim();
    }
  }
  const t = raw.requestTimeoutSeconds;
  const requestTimeoutSeconds = typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : DEFAULT_TIMEOUT_SECONDS;
  return { profiles, regionOverride, requestTimeoutSeconds };
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
