// Adding resources and principals to a share: what RAM checks, and whether a principal needs an
// invitation (outside the Organization, or inside it before sharing with it is enabled).
import { organizationOf, organizationOfPrincipalArn } from '../accounts';
import { featureGroupArn, looksLikeArn, parseCatalogArn, parseFeatureGroupArn, ramArn } from '../arn';
import { CATALOG_NAME, CATALOG_TYPE, FEATURE_GROUP_TYPE } from '../constants';
import type { Core } from '../core';
import { ApiError } from '../errors';
import type { Association, ResourceShare } from '../state';
import { invitationStatus, malformed, pendingInvitation } from './common';

export interface PlannedResource { arn: string; type: string }

export function resourceTypeOf(arn: string): string | undefined {
  if (parseFeatureGroupArn(arn)) return FEATURE_GROUP_TYPE;
  if (parseCatalogArn(arn)) return CATALOG_TYPE;
  return undefined;
}

/** Checks resource ARNs for a share owned by `owner` in `region`; returns canonical ARNs. */
export function planResources(core: Core, owner: string, region: string, arns: readonly string[]): PlannedResource[] {
  return arns.map((arn) => {
    if (!looksLikeArn(arn)) throw malformed(arn);
    const fg = parseFeatureGroupArn(arn);
    const catalog = parseCatalogArn(arn);
    const parsed = fg ?? catalog;
    if (!parsed) throw new ApiError('UnknownResourceException', `Resource ${arn} could not be found: the sandbox shares SageMaker feature groups and the feature group catalog only.`);
    if (parsed.accountId !== owner) throw new ApiError('OperationNotPermittedException', `Resource ${arn} is not owned by account ${owner}.`);
    if (parsed.region !== region) throw new ApiError('InvalidParameterException', `Resource ${arn} is not in the region of the resource share (${region}).`);
    if (fg) {
      const canonical = featureGroupArn(fg.region, fg.accountId, fg.name);
      if (!core.state.featureGroups[canonical]) throw new ApiError('UnknownResourceException', `Resource ${arn} could not be found.`);
      return { arn: canonical, type: FEATURE_GROUP_TYPE };
    }
    if (parsed.name !== CATALOG_NAME) throw new ApiError('UnknownResourceException', `Resource ${arn} could not be found.`);
    return { arn, type: CATALOG_TYPE };
  });
}

export interface PlannedPrincipal { entity: string; status: Association['status']; statusMessage?: string; external: boolean; invite?: string }

/** Decides, for each principal, the association status and whether an invitation goes out. */
export function planPrincipals(core: Core, share: Pick<ResourceShare, 'owningAccountId' | 'allowExternalPrincipals'>, principals: readonly string[]): PlannedPrincipal[] {
  const state = core.state;
  const owner = share.owningAccountId;
  const ownerOrg = organizationOf(state, owner);
  return principals.map((principal) => {
    let account: string | undefined;
    if (/^[0-9]{12}$/.test(principal)) account = principal;
    else if (principal.startsWith('arn:')) {
      const iam = /^arn:aws[a-z-]*:iam::([0-9]{12}):(role|user)\/[\w+=,.@/-]+$/.exec(principal);
      const org = organizationOfPrincipalArn(state, principal);
      if (iam) {
        if (!ownerOrg?.sharingEnabled || !ownerOrg.accounts.includes(iam[1])) {
          throw new ApiError('OperationNotPermittedException', `IAM roles and users can be principals only inside your organization with sharing enabled: ${principal}`);
        }
        return { entity: principal, status: 'ASSOCIATED', external: false };
      }
      if (org) {
        if (org.id !== ownerOrg?.id) throw new ApiError('UnknownResourceException', `Principal ${principal} could not be found in your organization.`);
        if (!org.sharingEnabled) throw new ApiError('OperationNotPermittedException', 'Unable to share with your organization: sharing with AWS Organizations is not enabled. Call EnableSharingWithAwsOrganization first.');
        return { entity: principal, status: 'ASSOCIATED', external: false };
      }
      if (/^arn:aws[a-z-]*:organizations::[0-9]{12}:(organization|ou)\//.test(principal)) throw new ApiError('UnknownResourceException', `Principal ${principal} could not be found.`);
      throw malformed(principal);
    } else {
      throw new ApiError('InvalidParameterException', `Principal ID ${principal} is malformed. Verify the ID and try again.`);
    }
    if (account === owner) throw new ApiError('InvalidParameterException', 'The resource share owner cannot be a principal of its own share.');
    const inOrg = !!ownerOrg?.accounts.includes(account);
    if (!inOrg && !share.allowExternalPrincipals) {
      return { entity: account, status: 'FAILED', statusMessage: 'The resource share does not allow principals outside your organization (allowExternalPrincipals is false).', external: true };
    }
    if (inOrg && ownerOrg!.sharingEnabled) return { entity: account, status: 'ASSOCIATED', external: false };
    return { entity: account, status: 'ASSOCIATING', external: !inOrg, invite: account };
  });
}

/** Records an association, reviving a disassociated or failed one; returns it. */
export function upsert(list: Association[], entity: string, fields: Omit<Association, 'entity' | 'creationTime' | 'lastUpdatedTime'>, now: number): { assoc: Association; changed: boolean } {
  const existing = list.find((a) => a.entity === entity);
  if (existing && (existing.status === 'ASSOCIATED' || existing.status === 'ASSOCIATING')) return { assoc: existing, changed: false };
  if (existing) {
    Object.assign(existing, { statusMessage: undefined, ...fields, lastUpdatedTime: now });
    return { assoc: existing, changed: true };
  }
  const assoc: Association = { entity, ...fields, creationTime: now, lastUpdatedTime: now };
  list.push(assoc);
  return { assoc, changed: true };
}

/** Applies planned resources and principals to a share, sending invitations where needed. */
export function applyAssociations(core: Core, share: ResourceShare, resources: readonly PlannedResource[], principals: readonly PlannedPrincipal[]): { resources: Association[]; principals: Association[] } {
  const now = core.now();
  const touchedResources = resources.map((r) => upsert(share.resources, r.arn, { status: 'ASSOCIATED' }, now).assoc);
  const touchedPrincipals = principals.map((p) => {
    retireExpiredInvitation(core, share, p.entity);
    const { assoc, changed } = upsert(share.principals, p.entity, { status: p.status, statusMessage: p.statusMessage, external: p.external }, now);
    if (changed && p.invite) {
      const id = crypto.randomUUID();
      const arn = ramArn(share.region, share.owningAccountId, 'resource-share-invitation', id);
      core.state.invitations[arn] = { arn, resourceShareArn: share.arn, senderAccountId: share.owningAccountId, receiverAccountId: p.invite, status: 'PENDING', creationTime: now, lastUpdatedTime: now };
    }
    return assoc;
  });
  share.lastUpdatedTime = now;
  return { resources: touchedResources, principals: touchedPrincipals };
}

/** A principal whose invitation expired can be invited again: its old association fails. */
function retireExpiredInvitation(core: Core, share: ResourceShare, entity: string): void {
  const inv = pendingInvitation(core, share, entity);
  if (!inv || invitationStatus(core, inv) !== 'EXPIRED') return;
  delete core.state.invitations[inv.arn];
  const assoc = share.principals.find((a) => a.entity === entity && a.status === 'ASSOCIATING');
  if (assoc) Object.assign(assoc, { status: 'FAILED', statusMessage: 'The invitation expired before it was accepted.', lastUpdatedTime: core.now() });
}
