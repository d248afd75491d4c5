// The argument shape of commands that act on one feature group, for callers without a tree node.
export interface FeatureGroupArgs {
  profile: string;
  /** Name or ARN. */
  featureGroup: string;
  /** Optional record id to read right away (the inspector command). */
  recordId?: string;
}

export function isFeatureGroupArgs(v: unknown): v is FeatureGroupArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return typeof a.profile === 'string' && typeof a.featureGroup === 'string' && (a.recordId === undefined || typeof a.recordId === 'string');
}
