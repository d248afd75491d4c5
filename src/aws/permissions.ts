// What a RAM managed permission grants, judged by its name. AWS spells these names inconsistently
// (SageMaker vs Sagemaker, with or without the service), so only the meaningful suffix is matched,
// case-insensitively (aws-facts §0.1).
import type { AccessLevel } from './model';

export function accessFromPermissionName(name: string): AccessLevel | undefined {
  const n = name.toLowerCase();
  if (n.includes('catalogresourcesearch')) return 'discoverOnly';
  if (n.includes('readwrite')) return 'readWrite';
  if (n.includes('readonly')) return 'readOnly';
  if (n.includes('admin')) return 'admin';
  return undefined;
}

/** True for the catalog's CatalogResourceSearch permission, whatever the casing. */
export function isCatalogPermissionName(name: string): boolean {
  return name.toLowerCase().includes('catalogresourcesearch');
}

/** True for permissions that apply to feature groups (not the catalog, not other services). */
export function isFeatureGroupPermissionName(name: string): boolean {
  return name.toLowerCase().includes('featuregroup');
}

const ACCESS_RANK: Record<AccessLevel, number> = { discoverOnly: 0, readOnly: 1, readWrite: 2, admin: 3, owner: 4 };

/** The stronger of two access levels (a group reachable through two shares gets the better one). */
export function strongerAccess(a: AccessLevel, b: AccessLevel): AccessLevel {
  return ACCESS_RANK[a] >= ACCESS_RANK[b] ? a : b;
}

export function accessRank(a: AccessLevel): number {
  return ACCESS_RANK[a];
}
