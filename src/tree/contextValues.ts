// The one place that spells `contextValue`s. Values are `;`-separated words, most general first,
// so package.json menus match them with regexes (`viewItem =~ /^featureGroup;owned$/`).
// Pure (no 'vscode') so the grammar and the menus can be unit-tested together.
import type { AccessLevel, InvitationStatus } from '../aws/model';

export type CategoryKind = 'owned' | 'shared' | 'invitations' | 'myShares';
export type FeatureRole = 'recordIdentifier' | 'eventTime' | 'plain';

export const profileContext = 'profile';

export function categoryContext(kind: CategoryKind): string {
  return `category;${kind}`;
}

/** `featureGroup;owned`, `featureGroup;shared;readOnly|readWrite|admin|discoverOnly`. */
export function featureGroupContext(access: AccessLevel): string {
  return access === 'owner' ? 'featureGroup;owned' : `featureGroup;shared;${access}`;
}

export function featureContext(role: FeatureRole): string {
  return `feature;${role}`;
}

/** `invitation;pending|accepted|rejected|expired`. */
export function invitationContext(status: InvitationStatus): string {
  return `invitation;${status.toLowerCase()}`;
}

/** `error;retryable` when clicking the node loads again, plain `error` otherwise. */
export function errorContext(retryable: boolean): string {
  return retryable ? 'error;retryable' : 'error';
}

export const messageContext = 'message';

/** `share;active|pending|failed|deleting|deleted` for a share the profile owns. */
export function shareContext(status: string): string {
  return `share;${status.toLowerCase()}`;
}

export type ShareResourceKind = 'featureGroup' | 'catalog' | 'other';
export type SharePrincipalKind = 'account' | 'organization' | 'organizationalUnit' | 'iamRole' | 'iamUser' | 'other';

/** `shareResource;featureGroup|catalog|other;<association status>`. */
export function shareResourceContext(kind: ShareResourceKind, status: string): string {
  return `shareResource;${kind};${status.toLowerCase()}`;
}

/** `sharePrincipal;account|organization|…;<association status>`. */
export function sharePrincipalContext(kind: SharePrincipalKind, status: string): string {
  return `sharePrincipal;${kind};${status.toLowerCase()}`;
}

/**
 * The regexes package.json's `view/item/context` menus use, by the action they guard. The unit
 * test reads package.json and checks every menu uses one of these, so the two cannot drift apart.
 */
export const MENU_PATTERNS = {
  /** Sharing needs ownership (RAM refuses to share what the caller does not own). */
  shareable: /^featureGroup;owned$/,
  /** The inspector needs GetRecord, which every access level except discoverable-only grants. */
  inspectable: /^featureGroup;(owned|shared;(readOnly|readWrite|admin))$/,
  /** Every feature group has an ARN, whatever the access. */
  hasArn: /^(featureGroup|invitation);/,
  pendingInvitation: /^invitation;pending$/,
  /** Where new shares start: the owned groups and the profile's own shares. */
  ownedCategory: /^category;owned$/,
  mySharesCategory: /^category;myShares$/,
  /** Only an active share takes new members or loses some. */
  activeShare: /^share;active$/,
  /** Any share not deleted yet can be deleted. */
  deletableShare: /^share;(active|pending|failed)$/,
  /** A member that is (or is becoming) part of the share can be removed. */
  removableMember: /^share(Resource|Principal);[A-Za-z]+;(associated|associating|failed)$/,
  /** An account whose invitation expired, failed or was declined can be invited again. */
  reinvitableAccount: /^sharePrincipal;account;(failed|disassociated)$/,
  profile: /^profile$/,
  retryableError: /^error;retryable$/,
  /** Every error row offers the log. */
  error: /^error(;|$)/,
} as const;

export type MenuPatternName = keyof typeof MENU_PATTERNS;
