// The decisions of the share flows, apart from their dialogs: which permission a choice names, what
// each permission and each audience means in words, whether a request may be sent, and what a
// change did. Pure (no 'vscode').
import { describePrincipal, parsePrincipalList, summarizeProblems } from '../aws/principals';
import { parseAccountIdList } from '../aws/validation';
import type { AccessLevel, FeatureGroupSummary, ManagedPermission, ResourceShareSummary, ShareAssociation, ShareChange } from '../aws/model';

/** What a caller (another extension, a test) may pass instead of answering the dialogs. */
export interface ShareArgs {
  profile: string;
  /** Name or ARN of a feature group the profile owns. */
  featureGroup?: string;
  /** Several groups for one share (names or ARNs). */
  featureGroups?: string[];
  /** Permission ARN or name, or an access word: `ReadOnly`, `ReadWrite`, `Admin`. */
  permission?: string;
  /** Principals separated by commas or spaces: account ids, organization / OU / IAM role / IAM user ARNs. */
  principals?: string;
  /** Same as `principals` (the first version took account ids only). */
  accounts?: string;
  /** false keeps the share inside the organization; default true, as in RAM. */
  allowExternalPrincipals?: boolean;
  shareName?: string;
  /** false skips the modal confirmation (default true). */
  confirm?: boolean;
}

/** Arguments of "Share Feature Group Catalog…". */
export interface CatalogShareArgs {
  profile: string;
  principals: string;
  allowExternalPrincipals?: boolean;
  shareName?: string;
  confirm?: boolean;
}

export type ShareOutcome =
  | {
      status: 'shared';
      share: ResourceShareSummary;
      /** The principals as sent (account ids or ARNs). */
      accounts: string[];
      permissionArn: string;
      /** Their associations after the change: ASSOCIATED = access now, ASSOCIATING = invitation sent. */
      principals: ShareAssociation[];
      resources: ShareAssociation[];
    }
  /** Refused before anything was sent. */
  | { status: 'invalid'; message: string }
  | { status: 'cancelled' }
  /** `code` is the service's (or AssociationFailed when RAM could not add a principal). */
  | { status: 'failed'; message: string; code?: string };

function isOptional(v: unknown, type: 'string' | 'boolean'): boolean {
  return v === undefined || typeof v === type;
}

export function isShareArgs(v: unknown): v is ShareArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  const groups = a.featureGroups;
  return (
    typeof a.profile === 'string' &&
    (typeof a.featureGroup === 'string' || (Array.isArray(groups) && groups.every((g) => typeof g === 'string'))) &&
    isOptional(a.permission, 'string') &&
    isOptional(a.accounts, 'string') &&
    isOptional(a.principals, 'string') &&
    isOptional(a.allowExternalPrincipals, 'boolean') &&
    isOptional(a.shareName, 'string') &&
    isOptional(a.confirm, 'boolean')
  );
}

export function isCatalogShareArgs(v: unknown): v is CatalogShareArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.profile === 'string' &&
    typeof a.principals === 'string' &&
    a.featureGroup === undefined &&
    a.featureGroups === undefined &&
    isOptional(a.allowExternalPrincipals, 'boolean') &&
    isOptional(a.shareName, 'string') &&
    isOptional(a.confirm, 'boolean')
  );
}

/** The group names or ARNs a ShareArgs names, de-duplicated. */
export function groupsOfArgs(args: ShareArgs): string[] {
  return [...new Set([...(args.featureGroup ? [args.featureGroup] : []), ...(args.featureGroups ?? [])])];
}

const GRANT_LABELS: Partial<Record<AccessLevel, string>> = { readOnly: 'Read-only', readWrite: 'Read/write', admin: 'Admin', discoverOnly: 'Catalog search' };

export function permissionLabel(p: Pick<ManagedPermission, 'grants' | 'name'>): string {
  return GRANT_LABELS[p.grants] ?? p.name;
}

/** What the other account will be able to do, in plain words. */
export function permissionExplanation(p: Pick<ManagedPermission, 'grants' | 'name'>): string {
  switch (p.grants) {
    case 'readOnly':
      return 'They can describe the group and read records (GetRecord, BatchGetRecord). They cannot change anything.';
    case 'readWrite':
      return 'Everything read-only allows, plus writing and deleting records (PutRecord, DeleteRecord).';
    case 'admin':
      return 'Everything read/write allows, plus changing the group definition and feature metadata (UpdateFeatureGroup, UpdateFeatureMetadata).';
    case 'discoverOnly':
      return CATALOG_GRANTS;
    default:
      return `Grants what the permission ${p.name} allows.`;
  }
}

export const CATALOG_GRANTS =
  'They can find every feature group of this account in this region, now and later, with SageMaker Search: names, descriptions, status, record identifier and creation time (tags stay private).';
export const CATALOG_DOES_NOT_GRANT =
  'It does not let them describe a group in full, read or write records, or change anything: for that, share the groups themselves (Share Feature Groups…).';

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

/** The principals to share with (account ids, organization / OU / IAM ARNs), or the problems of the text in one line. */
export function principalsOrProblem(text: string | undefined, ownAccountId: string | undefined): { principals: string[] } | { problem: string } {
  const parsed = parsePrincipalList(text ?? '', ownAccountId);
  const problem = summarizeProblems(parsed.problems);
  return problem ? { problem } : { principals: parsed.principals.map((p) => p.value) };
}

/** `account 222222222222`, `2 accounts (…)`, `organization o-…`, `3 principals (…)`. */
export function principalsPhrase(principals: string[]): string {
  const described = principals.map(describePrincipal);
  if (described.length === 1) {
    const d = described[0];
    return d.kind === 'account' ? `account ${d.label}` : d.kind === 'organization' || d.kind === 'organizationalUnit' ? d.label.replace(/^Organization/, 'organization') : `${d.kindText} ${d.label}`;
  }
  const allAccounts = described.every((d) => d.kind === 'account');
  return `${principals.length} ${allAccounts ? 'accounts' : 'principals'} (${described.map((d) => d.label).join(', ')})`;
}

/** `transactions`, or `3 feature groups (a, b, c)`. */
export function groupsPhrase(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.length} feature groups (${names.join(', ')})`;
}

export interface AudienceChoice {
  label: string;
  description: string;
  detail: string;
  allowExternalPrincipals: boolean;
}

/** The two answers to "who may be a principal of this share?", each with its consequence. */
export function audienceChoices(): AudienceChoice[] {
  return [
    {
      label: 'Allow external accounts',
      description: 'allowExternalPrincipals: true',
      detail: 'Any AWS account can be added. Accounts outside your organization get an invitation and have access only after they accept it.',
      allowExternalPrincipals: true,
    },
    {
      label: 'Only my organization',
      description: 'allowExternalPrincipals: false',
      detail: 'RAM refuses accounts outside your AWS Organization: adding one fails. Inside it, with sharing enabled, access starts without an invitation.',
      allowExternalPrincipals: false,
    },
  ];
}

/** The sentence the confirmation shows about the share's audience. */
export function audienceConsequence(allowExternalPrincipals: boolean): string {
  return allowExternalPrincipals
    ? 'Outside accounts are allowed: they get an invitation and have access once they accept it. Inside your organization with sharing enabled, access starts at once, without an invitation.'
    : 'Only principals inside your organization: RAM fails any account outside it, and this is reported as a failure. Inside, with sharing enabled, access starts at once.';
}

export function shareConfirmation(
  group: FeatureGroupSummary | FeatureGroupSummary[],
  permission: ManagedPermission,
  principals: string[],
  allowExternalPrincipals?: boolean,
): { message: string; detail: string } {
  const groups = Array.isArray(group) ? group : [group];
  return {
    message: `Share ${groupsPhrase(groups.map((g) => g.name))} with ${principalsPhrase(principals)} as ${permissionLabel(permission).toLowerCase()}?`,
    detail: [
      permissionExplanation(permission),
      `AWS RAM creates one resource share with ${permission.name}.`,
      allowExternalPrincipals === undefined ? 'Accounts outside your organization get an invitation they must accept.' : audienceConsequence(allowExternalPrincipals),
    ].join('\n\n'),
  };
}

export function catalogShareConfirmation(ownerAccountId: string, region: string, principals: string[], allowExternalPrincipals: boolean, permissionName: string): { message: string; detail: string } {
  return {
    message: `Share the feature group catalog of ${ownerAccountId} (${region}) with ${principalsPhrase(principals)}?`,
    detail: [
      `What it grants: ${CATALOG_GRANTS}`,
      `What it does not: ${CATALOG_DOES_NOT_GRANT}`,
      `AWS RAM creates a resource share with ${permissionName}, the only permission RAM allows on the catalog.`,
      audienceConsequence(allowExternalPrincipals),
    ].join('\n\n'),
  };
}

function joinList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Who got access at once and who was sent an invitation: the UI never waits for an invitation that will not come. */
export function accessSummary(principals: ShareAssociation[]): string {
  const label = (a: ShareAssociation) => describePrincipal(a.entity).label;
  const now = principals.filter((p) => p.status === 'ASSOCIATED').map(label);
  const invited = principals.filter((p) => p.status === 'ASSOCIATING').map(label);
  const parts: string[] = [];
  if (now.length) parts.push(`${joinList(now)} ${now.length === 1 ? 'has' : 'have'} access now (no invitation needed).`);
  if (invited.length) parts.push(`${joinList(invited)} ${invited.length === 1 ? 'was' : 'were'} sent an invitation: access starts once it is accepted.`);
  return parts.join(' ');
}

export function shareResultMessage(what: string, change: ShareChange, permission?: Pick<ManagedPermission, 'grants' | 'name'>): string {
  const how = permission ? ` (${permissionLabel(permission).toLowerCase()})` : '';
  return [`Shared ${what}${how} through the resource share "${change.share.name}".`, accessSummary(change.principals)].filter(Boolean).join(' ');
}
