// The cross-account matrix: each managed permission × each feature-group operation, by ARN,
// and how grants come and go with accept, reject, disassociate, delete, expiry and
// Organization sharing.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  DescribeFeatureGroupCommand, DescribeFeatureMetadataCommand, ListFeatureGroupsCommand, SearchCommand,
  UpdateFeatureGroupCommand, UpdateFeatureMetadataCommand, DeleteFeatureGroupCommand,
} from '@aws-sdk/client-sagemaker';
import { BatchGetRecordCommand, DeleteRecordCommand, GetRecordCommand, PutRecordCommand } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import {
  AcceptResourceShareInvitationCommand, CreateResourceShareCommand, DeleteResourceShareCommand, DisassociateResourceShareCommand,
  EnableSharingWithAwsOrganizationCommand, GetResourceShareInvitationsCommand, RejectResourceShareInvitationCommand,
} from '@aws-sdk/client-ram';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { ANALYTICS, fgArn, MARKETING, ORG_ARN, PARTNER, PERM, rejectsWith, TestSandbox, type Clients } from './helpers';

const TX = fgArn(ANALYTICS, 'transactions');
let sb: TestSandbox;
let owner: Clients;
let consumer: Clients;
let counter = 0;

before(async () => {
  sb = await TestSandbox.start();
  owner = sb.clients(ANALYTICS);
  consumer = sb.clients(MARKETING);
});
after(() => sb.stop());
beforeEach(() => sb.reset());

async function share(permissionArn: string, principal = MARKETING, resource = TX) {
  const out = await owner.ram.send(new CreateResourceShareCommand({ name: `tx-${++counter}`, resourceArns: [resource], principals: [principal], permissionArns: [permissionArn] }));
  return out.resourceShare!.resourceShareArn!;
}

async function invitationFor(c: Clients, shareArn: string) {
  const out = await c.ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn] }));
  return out.resourceShareInvitations?.[0];
}

async function shareAndAccept(permissionArn: string) {
  const shareArn = await share(permissionArn);
  const inv = await invitationFor(consumer, shareArn);
  await consumer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: inv!.resourceShareInvitationArn }));
  return shareArn;
}

const nowSeconds = () => String(Math.floor(Date.now() / 1000) + 3600);

/** Each operation a feature-group permission may allow, run as `c` against `arn`. */
const OPERATIONS: Record<string, { plane: 'control' | 'runtime'; run: (c: Clients, arn: string) => Promise<unknown> }> = {
  DescribeFeatureGroup: { plane: 'control', run: (c, arn) => c.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: arn })) },
  DescribeFeatureMetadata: { plane: 'control', run: (c, arn) => c.sm.send(new DescribeFeatureMetadataCommand({ FeatureGroupName: arn, FeatureName: 'amount' })) },
  GetRecord: { plane: 'runtime', run: (c, arn) => c.rt.send(new GetRecordCommand({ FeatureGroupName: arn, RecordIdentifierValueAsString: 't-5001' })) },
  BatchGetRecord: { plane: 'runtime', run: (c, arn) => c.rt.send(new BatchGetRecordCommand({ Identifiers: [{ FeatureGroupName: arn, RecordIdentifiersValueAsString: ['t-5001'] }] })) },
  PutRecord: {
    plane: 'runtime',
    run: (c, arn) => c.rt.send(new PutRecordCommand({
      FeatureGroupName: arn,
      Record: [{ FeatureName: 'transaction_id', ValueAsString: 't-9001' }, { FeatureName: 'event_time', ValueAsString: nowSeconds() }, { FeatureName: 'amount', ValueAsString: '5.5' }],
    })),
  },
  DeleteRecord: { plane: 'runtime', run: (c, arn) => c.rt.send(new DeleteRecordCommand({ FeatureGroupName: arn, RecordIdentifierValueAsString: 't-5002', EventTime: nowSeconds() })) },
  UpdateFeatureGroup: { plane: 'control', run: (c, arn) => c.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: arn, FeatureAdditions: [{ FeatureName: `added_${++counter}`, FeatureType: 'String' }] })) },
  UpdateFeatureMetadata: { plane: 'control', run: (c, arn) => c.sm.send(new UpdateFeatureMetadataCommand({ FeatureGroupName: arn, FeatureName: 'amount', Description: 'updated by consumer' })) },
};

const ALLOWED: Record<string, string[]> = {
  readOnly: ['DescribeFeatureGroup', 'DescribeFeatureMetadata', 'GetRecord', 'BatchGetRecord'],
  readWrite: ['DescribeFeatureGroup', 'DescribeFeatureMetadata', 'GetRecord', 'BatchGetRecord', 'PutRecord', 'DeleteRecord'],
  admin: Object.keys(OPERATIONS),
};

function expectDenied(op: string, promise: Promise<unknown>) {
  return OPERATIONS[op].plane === 'control' ? rejectsWith(promise, 'AccessDeniedException', 400) : rejectsWith(promise, 'AccessForbidden', 403);
}

async function expectAllDenied(c: Clients, arn = TX) {
  for (const op of Object.keys(OPERATIONS)) await expectDenied(op, OPERATIONS[op].run(c, arn));
}

for (const [level, allowed] of Object.entries(ALLOWED)) {
  describe(`permission ${level}`, () => {
    for (const op of Object.keys(OPERATIONS)) {
      const ok = allowed.includes(op);
      test(`${op} is ${ok ? 'allowed' : 'denied'} by ARN`, async () => {
        await shareAndAccept(PERM[level as keyof typeof PERM]);
        if (ok) await OPERATIONS[op].run(consumer, TX);
        else await expectDenied(op, OPERATIONS[op].run(consumer, TX));
      });
    }
  });
}

describe('what a grant changes', () => {
  test('writes by a ReadWrite consumer land in the owner group', async () => {
    await shareAndAccept(PERM.readWrite);
    await OPERATIONS.PutRecord.run(consumer, TX);
    const got = await owner.rt.send(new GetRecordCommand({ FeatureGroupName: 'transactions', RecordIdentifierValueAsString: 't-9001' }));
    assert.equal(got.Record?.find((f) => f.FeatureName === 'amount')?.ValueAsString, '5.5');
    await OPERATIONS.DeleteRecord.run(consumer, TX);
    const gone = await owner.rt.send(new GetRecordCommand({ FeatureGroupName: 'transactions', RecordIdentifierValueAsString: 't-5002' }));
    assert.equal(gone.Record, undefined);
  });

  test('an Admin consumer updates feature metadata the owner then sees', async () => {
    await shareAndAccept(PERM.admin);
    await OPERATIONS.UpdateFeatureMetadata.run(consumer, TX);
    const meta = await owner.sm.send(new DescribeFeatureMetadataCommand({ FeatureGroupName: 'transactions', FeatureName: 'amount' }));
    assert.equal(meta.Description, 'updated by consumer');
  });

  test('permission ARNs match case-insensitively', async () => {
    await shareAndAccept(PERM.readWrite.replace('SageMaker', 'Sagemaker').toLowerCase().replace('arn:aws:ram::aws:permission/', 'arn:aws:ram::aws:permission/'));
    await OPERATIONS.PutRecord.run(consumer, TX);
  });

  test('a name resolves in the caller account, never in the owner one', async () => {
    await shareAndAccept(PERM.readOnly);
    await rejectsWith(consumer.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'transactions' })), 'ResourceNotFound', 400);
    await rejectsWith(consumer.rt.send(new GetRecordCommand({ FeatureGroupName: 'transactions', RecordIdentifierValueAsString: 't-5001' })), 'ResourceNotFound', 404);
    const byArn = await consumer.rt.send(new GetRecordCommand({ FeatureGroupName: TX, RecordIdentifierValueAsString: 't-5001' }));
    assert.equal(byArn.Record?.[0].ValueAsString, 't-5001');
  });

  test('the owner reaches its own group by name and by ARN', async () => {
    const byName = await owner.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'transactions' }));
    const byArn = await owner.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: TX }));
    assert.equal(byName.FeatureGroupArn, TX);
    assert.equal(byArn.FeatureGroupName, 'transactions');
  });

  test('never-shared and non-existent ARNs are both access denied (existence does not leak)', async () => {
    await rejectsWith(OPERATIONS.DescribeFeatureGroup.run(consumer, fgArn(ANALYTICS, 'churn-scores')), 'AccessDeniedException', 400);
    await rejectsWith(OPERATIONS.DescribeFeatureGroup.run(consumer, fgArn(ANALYTICS, 'no-such-group')), 'AccessDeniedException', 400);
    await rejectsWith(OPERATIONS.GetRecord.run(consumer, fgArn(ANALYTICS, 'no-such-group')), 'AccessForbidden', 403);
  });

  test('ListFeatureGroups lists only the caller account', async () => {
    await shareAndAccept(PERM.admin);
    const out = await consumer.sm.send(new ListFeatureGroupsCommand({}));
    assert.deepEqual(out.FeatureGroupSummaries?.map((s) => s.FeatureGroupName), ['campaign-responses']);
  });

  test('temporary credentials from AssumeRole act as the role account', async () => {
    await shareAndAccept(PERM.readOnly);
    const role = await owner.sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MARKETING}:role/DataScientist`, RoleSessionName: 'notebook' }));
    const asRole = sb.clients({ accessKeyId: role.Credentials!.AccessKeyId!, secretAccessKey: role.Credentials!.SecretAccessKey!, sessionToken: role.Credentials!.SessionToken });
    await OPERATIONS.GetRecord.run(asRole, TX);
    const err = await expectDenied('PutRecord', OPERATIONS.PutRecord.run(asRole, TX));
    assert.match(err.message, /assumed-role\/DataScientist\/notebook/);
  });
});

describe('grant lifecycle', () => {
  test('nothing works before the invitation is accepted', async () => {
    await share(PERM.admin);
    await expectAllDenied(consumer);
  });

  test('a rejected invitation grants nothing', async () => {
    const shareArn = await share(PERM.readOnly);
    const inv = await invitationFor(consumer, shareArn);
    await consumer.ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: inv!.resourceShareInvitationArn }));
    await expectAllDenied(consumer);
  });

  test('disassociating the principal revokes access', async () => {
    const shareArn = await shareAndAccept(PERM.readOnly);
    await OPERATIONS.GetRecord.run(consumer, TX);
    await owner.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [MARKETING] }));
    await expectAllDenied(consumer);
  });

  test('disassociating the resource revokes access', async () => {
    const shareArn = await shareAndAccept(PERM.readOnly);
    await owner.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: shareArn, resourceArns: [TX] }));
    await expectAllDenied(consumer);
  });

  test('deleting the share revokes access', async () => {
    const shareArn = await shareAndAccept(PERM.readWrite);
    await owner.ram.send(new DeleteResourceShareCommand({ resourceShareArn: shareArn }));
    await expectAllDenied(consumer);
  });

  test('deleting the feature group ends the grant (a new group of that name is not shared)', async () => {
    await shareAndAccept(PERM.readOnly);
    await owner.sm.send(new DeleteFeatureGroupCommand({ FeatureGroupName: 'transactions' }));
    await rejectsWith(OPERATIONS.DescribeFeatureGroup.run(consumer, TX), 'AccessDeniedException', 400);
  });

  test('an invitation expires after 7 days and can no longer be accepted', async () => {
    const shareArn = await share(PERM.readOnly);
    await sb.advanceClock(7 * 24 * 3600 - 60);
    assert.equal((await invitationFor(consumer, shareArn))?.status, 'PENDING');
    await sb.advanceClock(120);
    const inv = await invitationFor(consumer, shareArn);
    assert.equal(inv?.status, 'EXPIRED');
    await rejectsWith(consumer.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: inv!.resourceShareInvitationArn })), 'ResourceShareInvitationExpiredException', 400);
    await expectAllDenied(consumer);
  });

  test('inside the Organization with sharing enabled, no invitation is needed', async () => {
    await owner.ram.send(new EnableSharingWithAwsOrganizationCommand({}));
    const shareArn = await share(PERM.readOnly);
    assert.equal(await invitationFor(consumer, shareArn), undefined);
    await OPERATIONS.GetRecord.run(consumer, TX);
    // the partner is outside the Organization: still an invitation
    const partner = sb.clients(PARTNER);
    const partnerShare = await share(PERM.readOnly, PARTNER);
    assert.equal((await invitationFor(partner, partnerShare))?.status, 'PENDING');
    await rejectsWith(OPERATIONS.GetRecord.run(partner, TX), 'AccessForbidden', 403);
  });

  test('inside the Organization without sharing enabled, an invitation is still needed', async () => {
    const shareArn = await share(PERM.readOnly);
    assert.equal((await invitationFor(consumer, shareArn))?.status, 'PENDING');
    await rejectsWith(OPERATIONS.GetRecord.run(consumer, TX), 'AccessForbidden', 403);
  });

  test('sharing with the Organization ARN needs sharing enabled, then covers its accounts', async () => {
    await rejectsWith(share(PERM.readOnly, ORG_ARN), 'OperationNotPermittedException', 400);
    await owner.ram.send(new EnableSharingWithAwsOrganizationCommand({}));
    await share(PERM.readOnly, ORG_ARN);
    await OPERATIONS.GetRecord.run(consumer, TX);
    await rejectsWith(OPERATIONS.GetRecord.run(sb.clients(PARTNER), TX), 'AccessForbidden', 403);
  });

  test('a feature-group share does not make the group searchable; a catalog share does', async () => {
    const partner = sb.clients(PARTNER);
    const [inv] = (await partner.ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations!;
    await partner.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: inv.resourceShareInvitationArn }));
    await OPERATIONS.DescribeFeatureGroup.run(partner, fgArn(ANALYTICS, 'product-catalog'));
    const found = await partner.sm.send(new SearchCommand({ Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount' }));
    assert.deepEqual(found.Results, []);
    const marketingFinds = await consumer.sm.send(new SearchCommand({ Resource: 'FeatureGroup', CrossAccountFilterOption: 'CrossAccount' }));
    assert.equal(marketingFinds.Results?.length, 4);
  });
});
