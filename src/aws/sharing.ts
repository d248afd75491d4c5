// AWS RAM for feature groups: the managed permissions to choose from, shares of groups and of the
// feature group catalog, changing and deleting the caller's shares, and the invitations a consumer
// receives. After every change the associations are read back: RAM answers a create or associate
// before it has finished, and a principal it could not add is FAILED there, not in the answer.
import { randomUUID } from 'node:crypto';
import {
  AcceptResourceShareInvitationCommand,
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceSharesCommand,
  RejectResourceShareInvitationCommand,
  paginateGetResourceShareAssociations,
  paginateGetResourceShareInvitations,
  paginateGetResourceShares,
  paginateListPermissions,
  paginateListResourceSharePermissions,
  type RAMClient,
  type ResourceShare,
  type ResourceShareAssociation,
  type ResourceShareInvitation,
  type ResourceSharePermissionSummary,
} from '@aws-sdk/client-ram';
import { paginateListResourceCatalogs } from '@aws-sdk/client-sagemaker';
import { accountIdOfArn, isCatalogArn, parseFeatureGroupArn } from './arn';
import { allPages, awsCall, mapLimit, type CallDetails } from './call';
import type { ClientPool } from './clients';
import { AwsCallError } from './errors';
import type {
  AccountContext,
  Invitation,
  InvitationStatus,
  ManagedPermission,
  OwnedResourceShare,
  ResourceShareSummary,
  ShareAssociation,
  ShareChange,
  SharePermission,
} from './model';
import { accessFromPermissionName, accessRank, isCatalogPermissionName, isFeatureGroupPermissionName } from './permissions';
import { parsePrincipal } from './principals';
import { refineRamError } from './ramErrors';

export { accessFromPermissionName } from './permissions';

const RAM_PAGE = 500;
const CATALOG_PAGE = 100;
/** One ListResourceSharePermissions per share, a few at a time (RAM throttles wide fan-outs). */
const PERMISSION_LOOKUPS_IN_FLIGHT = 8;
/** Waits between reads while RAM is still (dis)associating, in ms: about 7 s in all, then report what is. */
const SETTLE_WAITS_MS = [500, 1000, 2000, 4000];

export interface ShareRequest {
  featureGroupArn: string;
  permissionArn: string;
  /** 12-digit account ids, or organization / OU / IAM role / IAM user ARNs. */
  principals: string[];
  shareName?: string;
  /** false keeps the share inside the caller's organization (outside accounts then fail). Default true. */
  allowExternalPrincipals?: boolean;
}

export interface ShareGroupsRequest extends Omit<ShareRequest, 'featureGroupArn'> {
  featureGroupArns: string[];
}

export interface CatalogShareRequest {
  principals: string[];
  shareName?: string;
  allowExternalPrincipals?: boolean;
}

/** What to add to or remove from an existing share. */
export interface ShareMembers {
  resourceArns?: string[];
  principals?: string[];
}

export interface SharingServiceOptions {
  /** How to wait between association reads (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `yyyyMMddHHmmss` in UTC. */
function compactTimestamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

export function defaultShareName(groupName: string, now: Date = new Date()): string {
  return `${groupName}-share-${compactTimestamp(now)}`;
}

function andMore(items: string[], fallback: string): string {
  if (items.length === 0) return fallback;
  return items.length > 1 ? `${items[0]}-and-${items.length - 1}-more` : items[0];
}

/** The short form of a principal in a share name: the account id, `o-…`, `ou-…`, or the role or user name. */
function principalWord(principal: string): string {
  const r = parsePrincipal(principal);
  if ('problem' in r) return 'principals';
  const p = r.principal;
  if (p.kind === 'account') return p.value;
  if (p.id) return p.id;
  return p.value.slice(p.value.lastIndexOf('/') + 1);
}

/**
 * A name that says what is shared with whom, in the style of `customer-profile-for-marketing`:
 * `transactions-for-222222222222`, `transactions-and-1-more-for-ou-demo-mkt12345`, `catalog-for-333333333333`.
 * RAM does not require names to be unique; the ARN tells shares apart.
 */
export function shareNameFor(what: string[], principals: string[]): string {
  return `${andMore(what, 'feature-groups')}-for-${andMore(principals.map(principalWord), 'nobody')}`;
}

function toShareSummary(s: ResourceShare | undefined, fallbackName: string): ResourceShareSummary {
  return {
    arn: s?.resourceShareArn ?? '',
    name: s?.name ?? fallbackName,
    owningAccountId: s?.owningAccountId ?? '',
    status: s?.status ?? 'UNKNOWN',
    allowExternalPrincipals: s?.allowExternalPrincipals ?? true,
    creationTime: s?.creationTime,
  };
}

function toAssociation(a: ResourceShareAssociation): ShareAssociation {
  const out: ShareAssociation = { entity: a.associatedEntity ?? '', status: a.status ?? 'UNKNOWN' };
  if (a.statusMessage) out.statusMessage = a.statusMessage;
  if (a.external !== undefined) out.external = a.external;
  return out;
}

function toInvitation(i: ResourceShareInvitation | undefined): Invitation {
  const arn = i?.resourceShareInvitationArn ?? '';
  return {
    arn,
    resourceShareName: i?.resourceShareName ?? '',
    resourceShareArn: i?.resourceShareArn ?? '',
    senderAccountId: i?.senderAccountId ?? accountIdOfArn(arn) ?? '',
    receiverAccountId: i?.receiverAccountId,
    status: (i?.status ?? 'PENDING') as InvitationStatus,
    invitationTime: i?.invitationTimestamp,
  };
}

function toSharePermission(p: ResourceSharePermissionSummary): SharePermission {
  const name = p.name ?? p.arn ?? '';
  const out: SharePermission = { arn: p.arn ?? '', name };
  if (p.resourceType) out.resourceType = p.resourceType;
  const grants = accessFromPermissionName(name);
  if (grants) out.grants = grants;
  return out;
}

/** A resource of the Feature Store kind: a feature group or the feature group catalog. */
export function isFeatureStoreResource(arn: string): boolean {
  return parseFeatureGroupArn(arn) !== undefined || isCatalogArn(arn);
}

const GONE = new Set(['DISASSOCIATED', 'DISASSOCIATING']);
const SETTLING = new Set(['ASSOCIATING', 'DISASSOCIATING']);

function unique(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter((v) => v.length > 0))];
}

function listing(items: ShareAssociation[]): string {
  return items.map((a) => `${a.entity}${a.statusMessage ? ` (${a.statusMessage.replace(/\.$/, '')})` : ''}`).join(', ');
}

/** What to do about principals RAM could not add, from the reasons it gave. */
function failureAdvice(failed: ShareAssociation[]): string {
  const reasons = failed.map((a) => a.statusMessage ?? '').join(' ');
  if (/outside your organi[sz]ation|allowExternalPrincipals/i.test(reasons)) {
    return 'This share allows only principals inside your organization: remove them (Remove from Share…), or share with them through a share that allows external accounts.';
  }
  if (/expired/i.test(reasons)) return 'Add them to the share again (Add to Share…) to send a new invitation.';
  return 'Check the principals and the share in My shares, then try again.';
}

export class SharingService {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly pool: ClientPool,
    opts: SharingServiceOptions = {},
  ) {
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  // ---- permissions and the catalog ------------------------------------------------------------

  /** The managed permissions usable for feature groups, ReadOnly first, then ReadWrite, then Admin. */
  async listFeatureGroupPermissions(ctx: AccountContext): Promise<ManagedPermission[]> {
    const byArn = new Map<string, ManagedPermission>();
    for (const p of await this.allPermissions(ctx)) {
      if (!p.arn || !p.name || !isFeatureGroupPermissionName(p.name) || byArn.has(p.arn)) continue;
      const grants = accessFromPermissionName(p.name);
      if (!grants || grants === 'discoverOnly') continue;
      byArn.set(p.arn, { arn: p.arn, name: p.name, resourceType: p.resourceType, isResourceTypeDefault: p.isResourceTypeDefault ?? false, grants });
    }
    return [...byArn.values()].sort((a, b) => accessRank(a.grants) - accessRank(b.grants) || a.name.localeCompare(b.name));
  }

  /** The CatalogResourceSearch permission, "the only policy allowed for SageMaker Catalog" (found by name, any casing). */
  async catalogPermission(ctx: AccountContext): Promise<ManagedPermission> {
    const found = (await this.allPermissions(ctx)).find((p) => p.arn && p.name && isCatalogPermissionName(p.name));
    if (!found?.arn || !found.name) {
      const userMessage = `RAM lists no CatalogResourceSearch permission for profile ${ctx.profile.name} in ${ctx.region}, so the catalog cannot be shared there. Check the region of the profile.`;
      throw new AwsCallError({ code: 'CatalogPermissionMissing', operation: 'ListPermissions', profile: ctx.profile.name, userMessage, detail: userMessage });
    }
    return { arn: found.arn, name: found.name, resourceType: found.resourceType, isResourceTypeDefault: found.isResourceTypeDefault ?? false, grants: 'discoverOnly' };
  }

  /**
   * The ARN of the caller's feature group catalog in the profile's region. AWS's guide calls
   * ListResourceCatalogs before sharing the catalog; so does this.
   */
  async featureGroupCatalogArn(ctx: AccountContext): Promise<string> {
    const catalogs = await awsCall(ctx, 'sagemaker', 'ListResourceCatalogs', () =>
      allPages(paginateListResourceCatalogs({ client: this.pool.sagemaker(ctx) }, { MaxResults: CATALOG_PAGE }), (p) => p.ResourceCatalogs),
    );
    const arns = catalogs.map((c) => c.ResourceCatalogArn).filter((a): a is string => !!a && isCatalogArn(a));
    const found = catalogs.find((c) => c.ResourceCatalogName?.toLowerCase() === 'defaultfeaturegroupcatalog')?.ResourceCatalogArn ?? arns[0];
    if (!found) {
      const userMessage = `SageMaker lists no feature group catalog for profile ${ctx.profile.name} in ${ctx.region}. Create a feature group in that region first, then share the catalog.`;
      throw new AwsCallError({ code: 'CatalogNotFound', operation: 'ListResourceCatalogs', profile: ctx.profile.name, userMessage, detail: userMessage });
    }
    return found;
  }

  // ---- creating shares ------------------------------------------------------------------------

  /** One group with the given principals: shareFeatureGroups with a single ARN. */
  shareFeatureGroup(ctx: AccountContext, req: ShareRequest): Promise<ShareChange> {
    const { featureGroupArn, ...rest } = req;
    return this.shareFeatureGroups(ctx, { ...rest, featureGroupArns: [featureGroupArn] });
  }

  /**
   * Creates one RAM share holding the given feature groups for the given principals. Everything is
   * checked before RAM is called; afterwards a principal or group RAM marked FAILED is reported as an
   * AwsCallError (code AssociationFailed, the share ARN as target): the share exists, but not as asked.
   */
  async shareFeatureGroups(ctx: AccountContext, req: ShareGroupsRequest): Promise<ShareChange> {
    const operation = 'CreateResourceShare';
    const arns = unique(req.featureGroupArns);
    const refuse = this.refuser(ctx, operation, arns[0]);
    if (arns.length === 0) throw refuse('NoFeatureGroups', 'Choose at least one feature group to share.');
    const groups = arns.map((arn) => ({ arn, parts: parseFeatureGroupArn(arn) }));
    const bad = groups.find((g) => !g.parts);
    if (bad) throw refuse('InvalidFeatureGroupArn', `"${bad.arn}" is not a feature group ARN. Pick the group from the tree and try again.`);
    const owners = new Set(groups.map((g) => g.parts!.accountId));
    if (owners.size > 1) throw refuse('MixedOwners', `The groups belong to different accounts (${[...owners].join(', ')}); a share holds resources of its owner only. Share each account's groups from its own profile.`);
    const regions = new Set(groups.map((g) => g.parts!.region));
    if (regions.size > 1) throw refuse('MixedRegions', `The groups are in different regions (${[...regions].join(', ')}); a RAM share is regional. Share each region's groups separately.`);
    if (!req.permissionArn.trim()) throw refuse('MissingPermission', 'Choose a permission (ReadOnly, ReadWrite or Admin) for the share.');
    const owner = groups[0].parts!.accountId;
    const principals = this.checkPrincipals(refuse, req.principals, owner);
    const names = groups.map((g) => g.parts!.name);
    const name = req.shareName?.trim() || shareNameFor(names, principals);
    return this.createShare(ctx, { name, resourceArns: arns, permissionArn: req.permissionArn, principals, allowExternalPrincipals: req.allowExternalPrincipals, target: names.join(', ') });
  }

  /**
   * Shares the caller's feature group catalog (discoverability: Search over all its groups in the
   * region, metadata only) with CatalogResourceSearch, the one permission RAM allows on it.
   */
  async shareCatalog(ctx: AccountContext, req: CatalogShareRequest): Promise<ShareChange> {
    const operation = 'CreateResourceShare';
    const refuse = this.refuser(ctx, operation, 'the feature group catalog');
    // Syntax first, before any call; the own-account check once the catalog names the account.
    this.checkPrincipals(refuse, req.principals, undefined);
    const catalogArn = await this.featureGroupCatalogArn(ctx);
    const principals = this.checkPrincipals(refuse, req.principals, accountIdOfArn(catalogArn));
    const permission = await this.catalogPermission(ctx);
    const name = req.shareName?.trim() || shareNameFor(['catalog'], principals);
    return this.createShare(ctx, { name, resourceArns: [catalogArn], permissionArn: permission.arn, principals, allowExternalPrincipals: req.allowExternalPrincipals, target: 'the feature group catalog' });
  }

  private async createShare(
    ctx: AccountContext,
    req: { name: string; resourceArns: string[]; permissionArn: string; principals: string[]; allowExternalPrincipals?: boolean; target: string },
  ): Promise<ShareChange> {
    const created = await this.ram(ctx, 'CreateResourceShare', (ram) =>
      ram.send(
        new CreateResourceShareCommand({
          name: req.name,
          resourceArns: req.resourceArns,
          principals: req.principals,
          permissionArns: [req.permissionArn],
          allowExternalPrincipals: req.allowExternalPrincipals ?? true,
          clientToken: randomUUID(),
        }),
      ),
    { target: req.target, subject: `the share "${req.name}"` });
    const share = toShareSummary(created.resourceShare, req.name);
    if (!share.arn) return { share, resources: [], principals: [] };
    const change = await this.readBack(ctx, share, { resourceArns: req.resourceArns, principals: req.principals }, 'add');
    this.throwIfFailed(ctx, 'CreateResourceShare', change, (list) => `The share "${share.name}" was created, but RAM could not add ${list}.`);
    return change;
  }

  // ---- changing shares ------------------------------------------------------------------------

  /** Adds feature groups and/or principals to a share the caller owns; FAILED associations are reported as failures. */
  async addToShare(ctx: AccountContext, resourceShareArn: string, add: ShareMembers): Promise<ShareChange> {
    const operation = 'AssociateResourceShare';
    const refuse = this.refuser(ctx, operation, resourceShareArn);
    const resourceArns = unique(add.resourceArns);
    const bad = resourceArns.find((a) => !isFeatureStoreResource(a));
    if (bad) throw refuse('InvalidResourceArn', `"${bad}" is neither a feature group nor a feature group catalog ARN. Pick the groups from the tree.`);
    const owner = accountIdOfArn(resourceShareArn);
    const principals = add.principals && add.principals.length > 0 ? this.checkPrincipals(refuse, add.principals, owner) : [];
    if (resourceArns.length === 0 && principals.length === 0) throw refuse('NothingToAdd', 'Choose feature groups or principals to add to the share.');
    const out = await this.ram(ctx, operation, (ram) =>
      ram.send(new AssociateResourceShareCommand({ resourceShareArn, resourceArns: resourceArns.length ? resourceArns : undefined, principals: principals.length ? principals : undefined, clientToken: randomUUID() })),
    { target: resourceShareArn, subject: 'the share' });
    const share = await this.shareSummary(ctx, resourceShareArn, out.resourceShareAssociations?.[0]?.resourceShareName);
    const change = await this.readBack(ctx, share, { resourceArns, principals }, 'add');
    this.throwIfFailed(ctx, operation, change, (list) => `RAM could not add ${list} to the share "${share.name}".`);
    return change;
  }

  /** Removes feature groups and/or principals from a share the caller owns; principals lose the access it granted. */
  async removeFromShare(ctx: AccountContext, resourceShareArn: string, remove: ShareMembers): Promise<ShareChange> {
    const operation = 'DisassociateResourceShare';
    const refuse = this.refuser(ctx, operation, resourceShareArn);
    const resourceArns = unique(remove.resourceArns);
    const principals = unique(remove.principals);
    if (resourceArns.length === 0 && principals.length === 0) throw refuse('NothingToRemove', 'Choose feature groups or principals to remove from the share.');
    const out = await this.ram(ctx, operation, (ram) =>
      ram.send(new DisassociateResourceShareCommand({ resourceShareArn, resourceArns: resourceArns.length ? resourceArns : undefined, principals: principals.length ? principals : undefined, clientToken: randomUUID() })),
    { target: resourceShareArn, subject: 'the share' });
    const share = await this.shareSummary(ctx, resourceShareArn, out.resourceShareAssociations?.[0]?.resourceShareName);
    const change = await this.readBack(ctx, share, { resourceArns, principals }, 'remove');
    const stuck = [...change.resources, ...change.principals].filter((a) => !GONE.has(a.status));
    if (stuck.length > 0) {
      const userMessage = `RAM did not remove ${stuck.map((a) => `${a.entity} (${a.status.toLowerCase()})`).join(', ')} from the share "${share.name}". Refresh My shares and try again.`;
      throw new AwsCallError({ code: 'DisassociationFailed', operation, profile: ctx.profile.name, userMessage, detail: userMessage, target: resourceShareArn });
    }
    return change;
  }

  /** Deletes a share the caller owns (every principal loses what it granted); returns it as RAM reports it afterwards. */
  async deleteShare(ctx: AccountContext, resourceShareArn: string): Promise<ResourceShareSummary> {
    const operation = 'DeleteResourceShare';
    const out = await this.ram(ctx, operation, (ram) => ram.send(new DeleteResourceShareCommand({ resourceShareArn, clientToken: randomUUID() })), {
      target: resourceShareArn,
      subject: 'the share',
    });
    const share = await this.shareSummary(ctx, resourceShareArn);
    if (out.returnValue === false || (share.status !== 'DELETED' && share.status !== 'DELETING' && share.status !== 'UNKNOWN')) {
      const userMessage = `RAM did not delete the share "${share.name}" (status ${share.status.toLowerCase()}). Refresh My shares and try again.`;
      throw new AwsCallError({ code: 'DeleteFailed', operation, profile: ctx.profile.name, userMessage, detail: userMessage, target: resourceShareArn });
    }
    return share;
  }

  // ---- reading the caller's shares ------------------------------------------------------------

  /**
   * Shares the caller owns that hold a feature group or the catalog (or nothing any more), newest
   * first, with their resources and principals (removed ones left out; FAILED ones kept, so they
   * show). Three RAM calls whatever the number of shares, plus one per share for `permissions`.
   */
  async listMyShares(ctx: AccountContext, opts: { permissions?: boolean } = {}): Promise<OwnedResourceShare[]> {
    const [shares, resources, principals] = await Promise.all([
      this.ram(ctx, 'GetResourceShares', (ram) =>
        allPages(paginateGetResourceShares({ client: ram }, { resourceOwner: 'SELF', maxResults: RAM_PAGE }), (p) => p.resourceShares)),
      this.associations(ctx, 'RESOURCE'),
      this.associations(ctx, 'PRINCIPAL'),
    ]);
    const out: OwnedResourceShare[] = [];
    for (const share of shares) {
      if (!share.resourceShareArn || share.status === 'DELETED' || share.status === 'DELETING') continue;
      const ofShare = (list: ResourceShareAssociation[]) => list.filter((a) => a.resourceShareArn === share.resourceShareArn).map(toAssociation);
      const live = ofShare(resources).filter((r) => !GONE.has(r.status));
      if (live.length > 0 && !live.some((r) => isFeatureStoreResource(r.entity))) continue;
      // A principal that left on its own (a rejected invitation) still tells the owner why.
      const people = ofShare(principals).filter((p) => !GONE.has(p.status) || (p.status === 'DISASSOCIATED' && !!p.statusMessage));
      out.push({ ...toShareSummary(share, share.name ?? ''), resources: live, principals: people });
    }
    out.sort((a, b) => (b.creationTime?.getTime() ?? 0) - (a.creationTime?.getTime() ?? 0) || a.name.localeCompare(b.name));
    if (opts.permissions) {
      const byShare = await this.sharePermissions(ctx, out.map((s) => s.arn));
      for (const s of out) s.permissions = byShare.get(s.arn) ?? [];
    }
    return out;
  }

  /** The permission(s) each share applies (one per resource type), by share ARN. */
  async sharePermissions(ctx: AccountContext, resourceShareArns: string[]): Promise<Map<string, SharePermission[]>> {
    const entries = await mapLimit(resourceShareArns, PERMISSION_LOOKUPS_IN_FLIGHT, async (arn) => {
      const permissions = await this.ram(ctx, 'ListResourceSharePermissions', (ram) =>
        allPages(paginateListResourceSharePermissions({ client: ram }, { resourceShareArn: arn, maxResults: RAM_PAGE }), (p) => p.permissions),
      { target: arn, subject: 'the share' });
      return [arn, permissions.map(toSharePermission)] as const;
    });
    return new Map(entries);
  }

  // ---- invitations ----------------------------------------------------------------------------

  async listInvitations(ctx: AccountContext): Promise<Invitation[]> {
    const all = await this.ram(ctx, 'GetResourceShareInvitations', (ram) =>
      allPages(paginateGetResourceShareInvitations({ client: ram }, { maxResults: RAM_PAGE }), (p) => p.resourceShareInvitations),
    );
    return all.map(toInvitation);
  }

  async acceptInvitation(ctx: AccountContext, invitationArn: string, shareName?: string): Promise<Invitation> {
    const out = await this.ram(ctx, 'AcceptResourceShareInvitation', (ram) =>
      ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn, clientToken: randomUUID() })),
    this.invitationDetails(invitationArn, shareName));
    return toInvitation(out.resourceShareInvitation);
  }

  async rejectInvitation(ctx: AccountContext, invitationArn: string, shareName?: string): Promise<Invitation> {
    const out = await this.ram(ctx, 'RejectResourceShareInvitation', (ram) =>
      ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn, clientToken: randomUUID() })),
    this.invitationDetails(invitationArn, shareName));
    return toInvitation(out.resourceShareInvitation);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private invitationDetails(invitationArn: string, shareName?: string): CallDetails & { subject: string } {
    return { target: invitationArn, ownerAccountId: accountIdOfArn(invitationArn), subject: shareName ? `to "${shareName}"` : '' };
  }

  /** A RAM call whose failure carries RAM's sentence (ramErrors.ts). */
  private async ram<T>(ctx: AccountContext, operation: string, run: (ram: RAMClient) => Promise<T>, details: CallDetails & { subject?: string } = {}): Promise<T> {
    const { subject, ...callDetails } = details;
    try {
      return await awsCall(ctx, 'ram', operation, () => run(this.pool.ram(ctx)), callDetails);
    } catch (err) {
      throw refineRamError(err, { profile: ctx.profile.name, operation, subject: subject || undefined, ownerAccountId: callDetails.ownerAccountId });
    }
  }

  private refuser(ctx: AccountContext, operation: string, target: string | undefined) {
    return (code: string, userMessage: string) => new AwsCallError({ code, operation, profile: ctx.profile.name, userMessage, detail: userMessage, target });
  }

  /** Trimmed, de-duplicated principals, each checked (the own account refused when known); throws the first problem. */
  private checkPrincipals(refuse: (code: string, message: string) => AwsCallError, input: readonly string[], ownAccountId: string | undefined): string[] {
    const principals = unique(input);
    if (principals.length === 0) throw refuse('NoPrincipals', 'Enter at least one principal: a 12-digit AWS account id, or an organization, OU, IAM role or IAM user ARN.');
    for (const p of principals) {
      const r = parsePrincipal(p, ownAccountId);
      if ('problem' in r) throw refuse('InvalidPrincipal', r.problem);
    }
    return principals;
  }

  private associations(ctx: AccountContext, associationType: 'RESOURCE' | 'PRINCIPAL', resourceShareArn?: string): Promise<ResourceShareAssociation[]> {
    return this.ram(ctx, 'GetResourceShareAssociations', (ram) =>
      allPages(
        paginateGetResourceShareAssociations(
          { client: ram },
          { associationType, resourceShareArns: resourceShareArn ? [resourceShareArn] : undefined, maxResults: RAM_PAGE },
        ),
        (p) => p.resourceShareAssociations,
      ),
    { target: resourceShareArn });
  }

  /** The share as RAM reports it now (deleted shares only answer when asked by ARN, which this does). */
  private async shareSummary(ctx: AccountContext, resourceShareArn: string, fallbackName?: string): Promise<ResourceShareSummary> {
    const out = await this.ram(ctx, 'GetResourceShares', (ram) => ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [resourceShareArn] })), {
      target: resourceShareArn,
      subject: 'the share',
    });
    const share = out.resourceShares?.find((s) => s.resourceShareArn === resourceShareArn);
    return share ? toShareSummary(share, fallbackName ?? '') : { ...toShareSummary(undefined, fallbackName ?? resourceShareArn), arn: resourceShareArn };
  }

  /**
   * Reads back the associations a change touched, waiting a little while RAM is still working on them.
   * A principal ASSOCIATING is not waited for: it usually waits for an invitation to be accepted.
   */
  private async readBack(ctx: AccountContext, share: ResourceShareSummary, touched: { resourceArns: string[]; principals: string[] }, kind: 'add' | 'remove'): Promise<ShareChange> {
    const pick = (list: ResourceShareAssociation[], entities: string[]) =>
      entities.map((e) => list.find((a) => a.associatedEntity === e)).filter((a): a is ResourceShareAssociation => !!a).map(toAssociation);
    for (let attempt = 0; ; attempt++) {
      const [resources, principals] = await Promise.all([
        touched.resourceArns.length ? this.associations(ctx, 'RESOURCE', share.arn) : Promise.resolve([]),
        touched.principals.length ? this.associations(ctx, 'PRINCIPAL', share.arn) : Promise.resolve([]),
      ]);
      const change: ShareChange = { share, resources: pick(resources, touched.resourceArns), principals: pick(principals, touched.principals) };
      const settling =
        change.resources.some((a) => SETTLING.has(a.status)) ||
        change.principals.some((a) => a.status === 'DISASSOCIATING' || (kind === 'remove' && a.status === 'ASSOCIATING'));
      if (!settling || attempt >= SETTLE_WAITS_MS.length) return change;
      await this.sleep(SETTLE_WAITS_MS[attempt]);
      // The same read again must reach RAM, not the pool's short-lived answer cache.
      this.pool.cache.invalidate(ctx.profile.name, ['ram']);
    }
  }

  private throwIfFailed(ctx: AccountContext, operation: string, change: ShareChange, sentence: (list: string) => string): void {
    const failed = [...change.resources, ...change.principals].filter((a) => a.status === 'FAILED');
    if (failed.length === 0) return;
    const userMessage = `${sentence(listing(failed))} ${failureAdvice(failed)}`;
    throw new AwsCallError({ code: 'AssociationFailed', operation, profile: ctx.profile.name, userMessage, detail: userMessage, target: change.share.arn });
  }

  private allPermissions(ctx: AccountContext): Promise<ResourceSharePermissionSummary[]> {
    return this.ram(ctx, 'ListPermissions', (ram) => allPages(paginateListPermissions({ client: ram }, { maxResults: RAM_PAGE }), (p) => p.permissions));
  }
}
