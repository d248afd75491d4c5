// RAM over the real RAMClient: shares, associations, invitations, listings, permissions,
// Organization sharing, paging and every RAM error code the extension relies on.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  AcceptResourceShareInvitationCommand, AssociateResourceShareCommand, CreateResourceShareCommand, DeleteResourceShareCommand,
  DisassociateResourceShareCommand, EnableSharingWithAwsOrganizationCommand, GetPermissionCommand, GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand, GetResourceSharesCommand, ListPendingInvitationResourcesCommand, ListPermissionsCommand,
  ListPrincipalsCommand, ListResourceSharePermissionsCommand, ListResourcesCommand, ListResourceTypesCommand,
  RejectResourceShareInvitationCommand, UpdateResourceShareCommand, paginateGetResourceShares,
} from '@aws-sdk/client-ram';
import { ANALYTICS, catalogArn, fgArn, MARKETING, PARTNER, PERM, rejectsWith, TestSandbox, type Clients } from './helpers';

let sb: TestSandbox;
let owner: Clients;
let marketing: Clients;
let partner: Clients;

before(async () => {
  sb = await TestSandbox.start();
  owner = sb.clients(ANALYTICS);
  marketing = sb.clients(MARKETING);
  partner = sb.clients(PARTNER);
});
after(() => sb.stop());
beforeEach(() => sb.reset());

const TX = fgArn(ANALYTICS, 'transactions');

async function createShare(input: Partial<ConstructorParameters<typeof CreateResourceShareCommand>[0]> = {}) {
  const out = await owner.ram.send(new CreateResourceShareCommand({ name: 'tx', resourceArns: [TX], principals: [PARTNER], permissionArns: [PERM.readOnly], ...input }));
  return out.resourceShare!;
}

async function pendingFor(c: Clients, shareArn: string) {
  const out = await c.ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn] }));
  return out.resourceShareInvitations![0];
}

describe('demo seed as RAM reports it', () => {
  test('analytics owns three active shares', async () => {
    const out = await owner.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    assert.deepEqual(out.resourceShares?.map((s) => s.name).sort(), ['analytics-catalog-for-marketing', 'customer-profile-for-marketing', 'product-catalog-for-partner']);
    assert.ok(out.resourceShares?.every((s) => s.status === 'ACTIVE' && s.owningAccountId === ANALYTICS && s.creationTime instanceof Date));
  });

  test('marketing sees the two accepted shares, partner one pending invitation', async () => {
    const shared = await marketing.ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    assert.equal(shared.resourceShares?.length, 2);
    const invs = await partner.ram.send(new GetResourceShareInvitationsCommand({}));
    assert.equal(invs.resourceShareInvitations?.length, 1);
    assert.equal(invs.resourceShareInvitations?.[0].status, 'PENDING');
    assert.equal(invs.resourceShareInvitations?.[0].senderAccountId, ANALYTICS);
    assert.equal(invs.resourceShareInvitations?.[0].receiverAccountId, PARTNER);
    const none = await partner.ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    assert.deepEqual(none.resourceShares, []);
  });

  test('ListResources OTHER-ACCOUNTS lists what marketing can reach', async () => {
    const out = await marketing.ram.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    assert.deepEqual(out.resources?.map((r) => r.arn).sort(), [fgArn(ANALYTICS, 'customer-profile'), catalogArn(ANALYTICS)].sort());
    const onlyGroups = await marketing.ram.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS', resourceType: 'SAGEMAKER:featuregroup' }));
    assert.deepEqual(onlyGroups.resources?.map((r) => r.arn), [fgArn(ANALYTICS, 'customer-profile')]);
  });

  test('pending invitation resources are listed for the receiver', async () => {
    const inv = (await partner.ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations![0];
    const out = await partner.ram.send(new ListPendingInvitationResourcesCommand({ resourceShareInvitationArn: inv.resourceShareInvitationArn }));
    assert.deepEqual(out.resources?.map((r) => r.arn), [fgArn(ANALYTICS, 'product-catalog')]);
  });
});

describe('shares', () => {
  test('create, update, get by ARN, delete', async () => {
    const share = await createShare({ tags: [{ key: 'team', value: 'analytics' }] });
    assert.match(share.resourceShareArn!, /^arn:aws:ram:us-east-1:111111111111:resource-share\/[0-9a-f-]{36}$/);
    assert.equal(share.allowExternalPrincipals, true);
    const updated = await owner.ram.send(new UpdateResourceShareCommand({ resourceShareArn: share.resourceShareArn, name: 'renamed' }));
    assert.equal(updated.resourceShare?.name, 'renamed');
    const byTag = await owner.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', tagFilters: [{ tagKey: 'team', tagValues: ['analytics'] }] }));
    assert.deepEqual(byTag.resourceShares?.map((s) => s.name), ['renamed']);
    const deleted = await owner.ram.send(new DeleteResourceShareCommand({ resourceShareArn: share.resourceShareArn }));
    assert.equal(deleted.returnValue, true);
    const after = await owner.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [share.resourceShareArn!] }));
    assert.equal(after.resourceShares?.[0].status, 'DELETED');
    await rejectsWith(owner.ram.send(new DeleteResourceShareCommand({ resourceShareArn: share.resourceShareArn })), 'InvalidStateTransitionException', 400);
  });

  test('the pending invitation disappears with a deleted share', async () => {
    const share = await createShare();
    const inv = await pendingFor(partner, share.resourceShareArn!);
    await owner.ram.send(new DeleteResourceShareCommand({ resourceShareArn: share.resourceShareArn }));
    await rejectsWith(partner.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: inv.resourceShareInvitationArn })), 'ResourceShareInvitationArnNotFoundException', 400);
  });

  test('errors: malformed ARNs, unknown shares, other owners', async () => {
    await rejectsWith(owner.ram.send(new UpdateResourceShareCommand({ resourceShareArn: 'not-an-arn', name: 'x' })), 'MalformedArnException', 400);
    await rejectsWith(owner.ram.send(new CreateResourceShareCommand({ name: 'bad', resourceArns: ['nope'] })), 'MalformedArnException', 400);
    await rejectsWith(owner.ram.send(new UpdateResourceShareCommand({ resourceShareArn: 'arn:aws:ram:us-east-1:111111111111:resource-share/00000000-0000-0000-0000-000000000000', name: 'x' })), 'UnknownResourceException', 400);
    await rejectsWith(owner.ram.send(new CreateResourceShareCommand({ name: 'gone', resourceArns: [fgArn(ANALYTICS, 'no-such-group')] })), 'UnknownResourceException', 400);
    await rejectsWith(marketing.ram.send(new CreateResourceShareCommand({ name: 'steal', resourceArns: [TX] })), 'OperationNotPermittedException', 400);
    const share = await createShare();
    await rejectsWith(marketing.ram.send(new DeleteResourceShareCommand({ resourceShareArn: share.resourceShareArn })), 'OperationNotPermittedException', 400);
    await rejectsWith(owner.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken: 'garbage' })), 'InvalidNextTokenException', 400);
    await rejectsWith(owner.ram.send(new CreateResourceShareCommand({ name: 'p', principals: ['not-a-principal'] })), 'InvalidParameterException', 400);
  });

  test('permission checks: unknown, malformed, one per type, catalog only with CatalogResourceSearch', async () => {
    await rejectsWith(createShare({ permissionArns: ['arn:aws:ram::aws:permission/NoSuchPermission'] }), 'UnknownResourceException', 400);
    await rejectsWith(createShare({ permissionArns: ['permission/ReadOnly'] }), 'MalformedArnException', 400);
    await rejectsWith(createShare({ permissionArns: [PERM.readOnly, PERM.admin] }), 'InvalidParameterException', 400);
    // the workshop notebook's mistake: a feature-group permission on the catalog
    await rejectsWith(createShare({ resourceArns: [catalogArn(ANALYTICS)], permissionArns: [PERM.readWrite] }), 'InvalidParameterException', 400);
    const ok = await createShare({ resourceArns: [catalogArn(ANALYTICS)], permissionArns: [PERM.catalog] });
    assert.equal(ok.status, 'ACTIVE');
  });

  test('allowExternalPrincipals=false fails the association of an outside account', async () => {
    const share = await createShare({ allowExternalPrincipals: false });
    const assoc = await owner.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [share.resourceShareArn!] }));
    assert.equal(assoc.resourceShareAssociations?.[0].status, 'FAILED');
    assert.equal(assoc.resourceShareAssociations?.[0].external, true);
    assert.deepEqual((await partner.ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [share.resourceShareArn!] }))).resourceShareInvitations, []);
  });

  test('paging GetResourceShares across several pages without duplicates', async () => {
    for (let i = 0; i < 7; i++) await createShare({ name: `page-${i}` });
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateGetResourceShares({ client: owner.ram, pageSize: 3 }, { resourceOwner: 'SELF' })) {
      pages++;
      seen.push(...page.resourceShares!.map((s) => s.resourceShareArn!));
      assert.ok(page.resourceShares!.length <= 3);
    }
    assert.equal(seen.length, 10);
    assert.equal(new Set(seen).size, 10);
    assert.equal(pages, 4);
  });
});

describe('associations', () => {
  test('associate and disassociate resources and principals', async () => {
    const share = await createShare({ principals: [] });
    const assoc = await owner.ram.send(new AssociateResourceShareCommand({ resourceShareArn: share.resourceShareArn, principals: [PARTNER], resourceArns: [fgArn(ANALYTICS, 'churn-scores')] }));
    assert.deepEqual(assoc.resourceShareAssociations?.map((a) => [a.associationType, a.status]).sort(), [['PRINCIPAL', 'ASSOCIATING'], ['RESOURCE', 'ASSOCIATED']]);
    const resources = await owner.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceShareArns: [share.resourceShareArn!] }));
    assert.equal(resources.resourceShareAssociations?.length, 2);
    const dis = await owner.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: share.resourceShareArn, resourceArns: [TX] }));
    assert.equal(dis.resourceShareAssociations?.[0].status, 'DISASSOCIATED');
    const live = await owner.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceShareArns: [share.resourceShareArn!], associationStatus: 'ASSOCIATED' }));
    assert.deepEqual(live.resourceShareAssociations?.map((a) => a.associatedEntity), [fgArn(ANALYTICS, 'churn-scores')]);
    await rejectsWith(owner.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: share.resourceShareArn, resourceArns: [TX] })), 'UnknownResourceException', 400);
    await rejectsWith(owner.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceArn: TX })), 'InvalidParameterException', 400);
  });

  test('principal association turns ASSOCIATED on accept and is listed by ListPrincipals', async () => {
    const share = await createShare();
    const inv = await pendingFor(partner, share.resourceShareArn!);
    await partner.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: inv.resourceShareInvitationArn }));
    const assoc = await owner.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', principal: PARTNER }));
    // the seed's product-catalog share still waits on its invitation
    assert.deepEqual(assoc.resourceShareAssociations?.map((a) => a.status).sort(), ['ASSOCIATED', 'ASSOCIATING']);
    const principals = await owner.ram.send(new ListPrincipalsCommand({ resourceOwner: 'SELF', resourceArn: TX }));
    assert.deepEqual(principals.principals?.map((p) => [p.id, p.external]), [[PARTNER, true]]);
    const mine = await partner.ram.send(new ListPrincipalsCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    // only the accepted share: the seed's product-catalog invitation is still pending
    assert.deepEqual(mine.principals?.map((p) => [p.id, p.resourceShareArn]), [[PARTNER, share.resourceShareArn]]);
  });
});

describe('invitations', () => {
  test('accept then accept again, reject then reject again, unknown and malformed ARNs', async () => {
    const a = await pendingFor(partner, (await createShare({ name: 'a' })).resourceShareArn!);
    const accepted = await partner.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: a.resourceShareInvitationArn }));
    assert.equal(accepted.resourceShareInvitation?.status, 'ACCEPTED');
    await rejectsWith(partner.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: a.resourceShareInvitationArn })), 'ResourceShareInvitationAlreadyAcceptedException', 400);
    await rejectsWith(partner.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: a.resourceShareInvitationArn })), 'ResourceShareInvitationAlreadyAcceptedException', 400);
    const b = await pendingFor(partner, (await createShare({ name: 'b' })).resourceShareArn!);
    const rejected = await partner.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: b.resourceShareInvitationArn }));
    assert.equal(rejected.resourceShareInvitation?.status, 'REJECTED');
    await rejectsWith(partner.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: b.resourceShareInvitationArn })), 'ResourceShareInvitationAlreadyRejectedException', 400);
    await rejectsWith(partner.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: b.resourceShareInvitationArn })), 'ResourceShareInvitationAlreadyRejectedException', 400);
    // someone else's invitation is not found for another account
    await rejectsWith(marketing.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: b.resourceShareInvitationArn })), 'ResourceShareInvitationArnNotFoundException', 400);
    await rejectsWith(partner.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: 'arn:aws:ram:us-east-1:111111111111:resource-share-invitation/00000000-0000-0000-0000-000000000000' })), 'ResourceShareInvitationArnNotFoundException', 400);
    await rejectsWith(partner.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: 'garbage' })), 'MalformedArnException', 400);
  });

  test('a rejected principal can be invited again', async () => {
    const share = await createShare();
    const first = await pendingFor(partner, share.resourceShareArn!);
    await partner.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: first.resourceShareInvitationArn }));
    await owner.ram.send(new AssociateResourceShareCommand({ resourceShareArn: share.resourceShareArn, principals: [PARTNER] }));
    const all = await partner.ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [share.resourceShareArn!] }));
    assert.deepEqual(all.resourceShareInvitations?.map((i) => i.status).sort(), ['PENDING', 'REJECTED']);
  });

  test('expired invitations report EXPIRED, refuse answers, and can be re-sent', async () => {
    const share = await createShare();
    await sb.advanceClock(8 * 24 * 3600);
    const inv = await pendingFor(partner, share.resourceShareArn!);
    assert.equal(inv.status, 'EXPIRED');
    await rejectsWith(partner.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: inv.resourceShareInvitationArn })), 'ResourceShareInvitationExpiredException', 400);
    await rejectsWith(partner.ram.send(new ListPendingInvitationResourcesCommand({ resourceShareInvitationArn: inv.resourceShareInvitationArn })), 'ResourceShareInvitationExpiredException', 400);
    const assoc = await owner.ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [share.resourceShareArn!] }));
    assert.equal(assoc.resourceShareAssociations?.[0].status, 'FAILED');
    await owner.ram.send(new AssociateResourceShareCommand({ resourceShareArn: share.resourceShareArn, principals: [PARTNER] }));
    assert.equal((await pendingFor(partner, share.resourceShareArn!)).status, 'PENDING');
  });

  test('paging invitations', async () => {
    for (let i = 0; i < 4; i++) await createShare({ name: `inv-${i}` });
    const first = await partner.ram.send(new GetResourceShareInvitationsCommand({ maxResults: 2 }));
    assert.equal(first.resourceShareInvitations?.length, 2);
    const second = await partner.ram.send(new GetResourceShareInvitationsCommand({ maxResults: 2, nextToken: first.nextToken }));
    const third = await partner.ram.send(new GetResourceShareInvitationsCommand({ maxResults: 2, nextToken: second.nextToken }));
    const arns = [first, second, third].flatMap((p) => p.resourceShareInvitations!.map((i) => i.resourceShareInvitationArn));
    assert.equal(arns.length, 5);
    assert.equal(new Set(arns).size, 5);
    assert.equal(third.nextToken, undefined);
  });
});

describe('permissions and types', () => {
  test('ListPermissions serves the four managed permissions, filterable by type', async () => {
    const all = await owner.ram.send(new ListPermissionsCommand({}));
    assert.deepEqual(all.permissions?.map((p) => p.arn).sort(), Object.values(PERM).sort());
    const fg = await owner.ram.send(new ListPermissionsCommand({ resourceType: 'sagemaker:featuregroup', permissionType: 'AWS_MANAGED' }));
    assert.equal(fg.permissions?.length, 3);
    assert.equal(fg.permissions?.find((p) => p.isResourceTypeDefault)?.arn, PERM.readOnly);
    const custom = await owner.ram.send(new ListPermissionsCommand({ permissionType: 'CUSTOMER_MANAGED' }));
    assert.deepEqual(custom.permissions, []);
  });

  test('ListResourceSharePermissions for owner and receiver; GetPermission; ListResourceTypes', async () => {
    const share = await createShare({ permissionArns: [PERM.readWrite] });
    const own = await owner.ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: share.resourceShareArn }));
    assert.deepEqual(own.permissions?.map((p) => p.arn), [PERM.readWrite]);
    const theirs = await partner.ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: share.resourceShareArn }));
    assert.deepEqual(theirs.permissions?.map((p) => p.name), ['AWSRAMPermissionSageMakerFeatureGroupReadWrite']);
    await rejectsWith(marketing.ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: share.resourceShareArn })), 'UnknownResourceException', 400);
    const defaulted = await createShare({ name: 'default', permissionArns: undefined });
    const def = await owner.ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: defaulted.resourceShareArn }));
    assert.deepEqual(def.permissions?.map((p) => p.arn), [PERM.readOnly]);
    const detail = await owner.ram.send(new GetPermissionCommand({ permissionArn: PERM.admin }));
    assert.match(detail.permission?.permission ?? '', /sagemaker:UpdateFeatureGroup/);
    const types = await owner.ram.send(new ListResourceTypesCommand({}));
    assert.deepEqual(types.resourceTypes?.map((t) => t.resourceType).sort(), ['sagemaker:FeatureGroup', 'sagemaker:SagemakerCatalog']);
  });

  test('EnableSharingWithAwsOrganization only from the management account', async () => {
    await rejectsWith(marketing.ram.send(new EnableSharingWithAwsOrganizationCommand({})), 'OperationNotPermittedException', 400);
    const out = await owner.ram.send(new EnableSharingWithAwsOrganizationCommand({}));
    assert.equal(out.returnValue, true);
  });
});
