// The decisions of the share flow, apart from its dialogs: which permission a choice names, what
// each permission means in words, and whether a request may be sent. Pure (no 'vscode').
import { parseAccountIdList } from '../aws/validation';
import type { AccessLevel, FeatureGroupSummary, ManagedPermission, ResourceShareSummary } from '../aws/model';

/** What a caller (another extension, a test) may pass instead of answering the dialogs. */
export interface ShareArgs {
  profile: string;
  /** Name or ARN of a feature group the profile owns. */
  featureGroup: string;
  /** Permission ARN or name, or an access word: `ReadOnly`, `ReadWrite`, `Admin`. */
  permission?: string;
  /** One or more 12-digit account ids, separated by commas or spaces. */
  accounts?: string;
  /** false skips the modal confirmation (default true). */
  confirm?: boolean;
}

export type ShareOutcome =
  | { status: 'shared'; share: ResourceShareSummary; accounts: string[]; permissionArn: string }
  /** Refused before anything was sent. */
  | { status: 'invalid'; message: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

export function isShareArgs(v: unknown): v is ShareArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.profile === 'string' &&
    typeof a.featureGroup === 'string' &&
    (a.permission === undefined || typeof a.permission === 'string') &&
    (a.accounts === undefined || typeof a.accounts === 'string') &&
    (a.confirm === undefined || typeof a.confirm === 'boolean')
  );
}

const GRANT_LABELS: Partial<Record<AccessLevel, string>> = { readOnly: 'Read-only', readWrite: 'Read/write', admin: 'Admin' };

export function permissionLabel(p: ManagedPermission): string {
  return GRANT_LABELS[p.grants] ?? p.name;
}

/** What the other account will be able to do, in plain words. */
export function permissionExplanation(p: ManagedPermission): string {
  switch (p.grants) {
    case 'readOnly':
      return 'They can describe the group and read records (GetRecord, BatchGetRecord). They cannot change anything.';
    case 'readWrite':
      return 'Everything read-only allows, plus writing and deleting records (PutRecord, DeleteRecord).';
    case 'admin':
      return 'Everything read/write allows, plus changing the group definition and feature metadata (UpdateFeatureGroup, UpdateFeatureMetadata).';
    default:
      return `Grants what the permission ${p.name} allows.`;
  }
}

/** Matches an ARN or name (case-insensitive, as AWS spells them inconsistently) or an access word. */
export function findPermission(permissions: ManagedPermission[], choice: string): ManagedPermission | undefined {
  const c = choice.trim().toLowerCase();
  if (!c) return undefined;
  const exact = permissions.find((p) => p.arn.toLowerCase() === c || p.name.toLowerCase() === c);
  if (exact) return exact;
  const word = c.replace(/[^a-z]/g, '');
  const grants: AccessLevel | undefined = word === 'readonly' ? 'readOnly' : word === 'readwrite' ? 'readWrite' : word === 'admin' ? 'admin' : undefined;
  return grants ? permissions.find((p) => p.grants === grants) : undefined;
}

export function notOwnedMessage(group: FeatureGroupSummary, profile: string): string {
  return `Profile ${profile} cannot share ${group.name}: it belongs to account ${group.ownerAccountId}, and only the owner account can share a feature group.`;
}

/** The account ids to share with, or why the text is refused (empty, not 12 digits, own account). */
export function accountsOrProblem(text: string | undefined, ownAccountId: string): { ids: string[] } | { problem: string } {
  const parsed = parseAccountIdList(text ?? '', ownAccountId);
  return parsed.error ? { problem: parsed.error } : { ids: parsed.ids };
}

export function shareConfirmation(group: FeatureGroupSummary, permission: ManagedPermission, accounts: string[]): { message: string; detail: string } {
  const who = accounts.length === 1 ? `account ${accounts[0]}` : `${accounts.length} accounts (${accounts.join(', ')})`;
  return {
    message: `Share ${group.name} with ${who} as ${permissionLabel(permission).toLowerCase()}?`,
    detail: [
      permissionExplanation(permission),
      `AWS RAM creates a resource share with ${permission.name}. Accounts outside your organization get an invitation they must accept.`,
    ].join('\n\n'),
  };
}

export function shareResultMessage(group: FeatureGroupSummary, permission: ManagedPermission, accounts: string[], share: ResourceShareSummary): string {
  const who = accounts.join(', ');
  return `Shared ${group.name} with ${who} (${permissionLabel(permission).toLowerCase()}) through resource share "${share.name}". Accounts outside your organization see it under Invitations until they accept.`;
}
