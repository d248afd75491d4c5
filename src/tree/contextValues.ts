// The one place that spells `contextValue`s. Values are `;`-separated words, most general first,
// so package.json menus match them with regexes (`viewItem =~ /^featureGroup;owned$/`).
// Pure (no 'vscode') so the grammar and the menus can be unit-tested together.
import type { AccessLevel, InvitationStatus } from '../aws/model';

export type CategoryKind = 'owned' | 'shared' | 'invitations';
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
  profile: /^profile$/,
  retryableError: /^error;retryable$/,
  /** Every error row offers the log. */
  error: /^error(;|$)/,
} as const;

export type MenuPatternName = keyof typeof MENU_PATTERNS;
