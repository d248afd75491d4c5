// Row texts and tooltips of "My shares": a share, the groups it holds and the principals it names,
// each with what its status means. Pure (no 'vscode') so they are unit-tested.
import { isCatalogArn, parseFeatureGroupArn } from '../aws/arn';
import type { OwnedResourceShare, ShareAssociation, SharePermission } from '../aws/model';
import { describePrincipal } from '../aws/principals';
import { formatAccess, formatTimestamp } from '../util/format';
import type { ShareResourceKind, SharePrincipalKind } from './contextValues';
import type { TooltipContent } from './tooltips';

/** `read-only`, `read/write`, `admin`, `catalog search`, or the name of a permission this extension does not know. */
export function permissionWords(p: SharePermission): string {
  if (p.grants === 'discoverOnly') return 'catalog search';
  return p.grants ? formatAccess(p.grants) : p.name;
}

/** A share row: `active · read-only`; `permission unknown` when it could not be read. */
export function shareDescription(share: Pick<OwnedResourceShare, 'status'>, permissions: SharePermission[] | undefined): string {
  const status = share.status.toLowerCase();
  if (permissions === undefined) return `${status} · permission unknown`;
  if (permissions.length === 0) return status;
  return `${status} · ${permissions.map(permissionWords).join(' + ')}`;
}

/** Whether a share holds the catalog (discoverability) rather than feature groups. */
export function isCatalogShare(share: Pick<OwnedResourceShare, 'resources'>): boolean {
  return share.resources.some((r) => isCatalogArn(r.entity)) && !share.resources.some((r) => parseFeatureGroupArn(r.entity));
}

export function resourceKind(arn: string): ShareResourceKind {
  if (parseFeatureGroupArn(arn)) return 'featureGroup';
  if (isCatalogArn(arn)) return 'catalog';
  return 'other';
}

export function resourceLabel(arn: string): string {
  const group = parseFeatureGroupArn(arn);
  if (group) return group.name;
  if (isCatalogArn(arn)) return 'Feature group catalog';
  return arn;
}

const RESOURCE_KIND_WORDS: Record<ShareResourceKind, string> = { featureGroup: 'feature group', catalog: 'catalog', other: 'resource' };

/** What an association status means for a resource of the share. */
function resourceStatusWords(a: ShareAssociation): string {
  switch (a.status) {
    case 'ASSOCIATED':
      return 'shared';
    case 'ASSOCIATING':
      return 'being added';
    case 'DISASSOCIATING':
      return 'being removed';
    case 'FAILED':
      return 'failed';
    default:
      return a.status.toLowerCase();
  }
}

/** What an association status means for a principal: access now, waiting for an invitation, or not. */
export function principalStatusWords(a: ShareAssociation): string {
  switch (a.status) {
    case 'ASSOCIATED':
      return 'has access';
    case 'ASSOCIATING':
      return 'invitation pending';
    case 'DISASSOCIATING':
      return 'being removed';
    case 'DISASSOCIATED':
      return 'no access';
    case 'FAILED':
      return 'failed';
    default:
      return a.status.toLowerCase();
  }
}

function withReason(words: string, a: ShareAssociation): string {
  return a.statusMessage && (a.status === 'FAILED' || a.status === 'DISASSOCIATED') ? `${words}: ${a.statusMessage.replace(/\.$/, '')}` : words;
}

export function resourceDescription(a: ShareAssociation): string {
  return `${RESOURCE_KIND_WORDS[resourceKind(a.entity)]} · ${withReason(resourceStatusWords(a), a)}`;
}

export function principalKind(entity: string): SharePrincipalKind {
  return describePrincipal(entity).kind;
}

export function principalLabel(entity: string): string {
  return describePrincipal(entity).label;
}

export function principalDescription(a: ShareAssociation): string {
  return `${describePrincipal(a.entity).kindText} · ${withReason(principalStatusWords(a), a)}`;
}

/** What to do about a principal that is not (yet) getting access. */
export function principalAdvice(a: ShareAssociation): string | undefined {
  const reason = a.statusMessage ?? '';
  if (a.status === 'ASSOCIATING') return 'Access starts when the invitation is accepted. Invitations expire after 7 days.';
  if (a.status === 'FAILED' && /expired/i.test(reason)) return 'The invitation expired. Use "Invite Again" to send a new one.';
  if (a.status === 'FAILED' && /outside your organi[sz]ation|allowExternalPrincipals/i.test(reason)) {
    return 'This share allows only principals inside your organization. Remove this one, or share through a share that allows external accounts.';
  }
  if (a.status === 'FAILED') return 'RAM could not add this principal. Remove it, check the id or ARN, and add it again.';
  if (a.status === 'DISASSOCIATED') return 'It has no access through this share. Use "Invite Again" to send a new invitation.';
  return undefined;
}

export function shareTooltip(share: OwnedResourceShare, permissions: SharePermission[] | undefined): TooltipContent {
  const groups = share.resources.filter((r) => resourceKind(r.entity) === 'featureGroup').length;
  const catalog = isCatalogShare(share);
  return {
    title: share.name,
    rows: [
      ['Status', share.status.toLowerCase()],
      ['Permission', permissions?.map((p) => p.name).join(', ')],
      ['Holds', catalog ? 'the feature group catalog' : `${groups} feature group${groups === 1 ? '' : 's'}`],
      ['Principals', String(share.principals.filter((p) => p.status !== 'DISASSOCIATED').length)],
      ['Outside accounts', share.allowExternalPrincipals ? 'allowed (they get an invitation)' : 'not allowed (organization only)'],
      ['Created', formatTimestamp(share.creationTime)],
      ['ARN', share.arn],
    ],
    note: catalog
      ? 'A catalog share lets the principals find every feature group of this account in this region with Search (metadata only). It does not let them describe a group in full or read records: share the groups for that.'
      : undefined,
  };
}

export function memberTooltip(a: ShareAssociation, type: 'resource' | 'principal'): TooltipContent {
  return {
    title: type === 'resource' ? resourceLabel(a.entity) : principalLabel(a.entity),
    rows: [
      ['Status', a.status.toLowerCase()],
      ['Reason', a.statusMessage],
      ['Outside your organization', type === 'principal' && a.external !== undefined ? (a.external ? 'yes' : 'no') : undefined],
      [type === 'resource' ? 'ARN' : 'Principal', a.entity],
    ],
    note: type === 'principal' ? principalAdvice(a) : undefined,
  };
}

/** `My shares` description: how many principals wait for an invitation or failed, when any. */
export function mySharesSummary(shares: OwnedResourceShare[]): string | undefined {
  const principals = shares.flatMap((s) => s.principals);
  const failed = principals.filter((p) => p.status === 'FAILED').length;
  const waiting = principals.filter((p) => p.status === 'ASSOCIATING').length;
  const parts = [failed ? `${failed} failed` : undefined, waiting ? `${waiting} invitation${waiting === 1 ? '' : 's'} pending` : undefined].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}
