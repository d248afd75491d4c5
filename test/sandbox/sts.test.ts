// STS over the real STSClient (XML replies), assume-role chains, and how each service refuses
// missing, ill-formed, unknown and expired credentials.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ListFeatureGroupsCommand } from '@aws-sdk/client-sagemaker';
import { GetRecordCommand } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { ListResourcesCommand } from '@aws-sdk/client-ram';
import { ANALYTICS, authHeader, MARKETING, PARTNER, rejectsWith, TestSandbox } from './helpers';

let sb: TestSandbox;
before(async () => {
  sb = await TestSandbox.start();
});
after(() => sb.stop());

async function assume(from: string, roleArn: string, seconds?: number) {
  const out = await sb.clients(from).sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'tests', DurationSeconds: seconds }));
  const cred = out.Credentials!;
  return { out, creds: { accessKeyId: cred.AccessKeyId!, secretAccessKey: cred.SecretAccessKey!, sessionToken: cred.SessionToken } };
}

describe('STS', () => {
  test('GetCallerIdentity names the account of the access key', async () => {
    const out = await sb.clients(PARTNER).sts.send(new GetCallerIdentityCommand({}));
    assert.deepEqual([out.Account, out.Arn, out.UserId], [PARTNER, `arn:aws:iam::${PARTNER}:root`, PARTNER]);
  });

  test('AssumeRole returns temporary credentials that act as the role account', async () => {
    const { out, creds } = await assume(ANALYTICS, `arn:aws:iam::${MARKETING}:role/path/Reader`);
    assert.match(creds.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
    assert.ok(out.Credentials!.Expiration instanceof Date);
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${MARKETING}:assumed-role/Reader/tests`);
    const who = await sb.clients(creds).sts.send(new GetCallerIdentityCommand({}));
    assert.deepEqual([who.Account, who.Arn], [MARKETING, `arn:aws:sts::${MARKETING}:assumed-role/Reader/tests`]);
    const groups = await sb.clients(creds).sm.send(new ListFeatureGroupsCommand({}));
    assert.deepEqual(groups.FeatureGroupSummaries?.map((g) => g.FeatureGroupName), ['campaign-responses']);
  });

  test('AssumeRoleWithWebIdentity is unsigned and returns credentials of the role account', async () => {
    // No credentials at all: the SDK sends this call without a signature, as AWS expects.
    const sts = new STSClient({ endpoint: sb.url, region: 'us-east-1', credentials: () => Promise.reject(new Error('must not be asked')) });
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: `arn:aws:iam::${PARTNER}:role/ci`, RoleSessionName: 'web', WebIdentityToken: 'header.payload.signature' }),
    );
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${PARTNER}:assumed-role/ci/web`);
    const cred = out.Credentials!;
    const who = await sb.clients({ accessKeyId: cred.AccessKeyId!, secretAccessKey: cred.SecretAccessKey!, sessionToken: cred.SessionToken }).sts.send(new GetCallerIdentityCommand({}));
    assert.equal(who.Account, PARTNER);
    await assert.rejects(
      sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'not-a-role', RoleSessionName: 'web', WebIdentityToken: 'header.payload.signature' })),
      (err: Error) => err.name === 'ValidationError',
    );
  });

  test('GetCallerIdentity without a signature is still refused', async () => {
    const res = await fetch(sb.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /MissingAuthenticationToken/);
  });

  test('assume-role chains: temporary credentials can assume another role', async () => {
    const first = await assume(ANALYTICS, `arn:aws:iam::${MARKETING}:role/Hop`);
    const second = await sb.clients(first.creds).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PARTNER}:role/Final`, RoleSessionName: 'chain' }));
    const who = await sb.clients({ accessKeyId: second.Credentials!.AccessKeyId!, secretAccessKey: 'x' }).sts.send(new GetCallerIdentityCommand({}));
    assert.equal(who.Account, PARTNER);
  });

  test('AssumeRole input errors come back as XML ValidationError', async () => {
    const sts = sb.clients(ANALYTICS).sts;
    await rejectsWith(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::12:role/x', RoleSessionName: 'ok' })), 'ValidationError', 400);
    await rejectsWith(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MARKETING}:role/x`, RoleSessionName: 'bad session!' })), 'ValidationError', 400);
    await rejectsWith(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MARKETING}:role/x`, RoleSessionName: 'ok', DurationSeconds: 60 })), 'ValidationError', 400);
  });

  test('expired temporary credentials are refused by every service', async () => {
    const { creds } = await assume(ANALYTICS, `arn:aws:iam::${MARKETING}:role/Short`, 900);
    await sb.advanceClock(901);
    const c = sb.clients(creds);
    await rejectsWith(c.sts.send(new GetCallerIdentityCommand({})), 'ExpiredToken', 400);
    await rejectsWith(c.sm.send(new ListFeatureGroupsCommand({})), 'ExpiredTokenException', 400);
    await rejectsWith(c.ram.send(new ListResourcesCommand({ resourceOwner: 'SELF' })), 'ExpiredTokenException', 403);
    await rejectsWith(c.rt.send(new GetRecordCommand({ FeatureGroupName: 'x', RecordIdentifierValueAsString: 'y' })), 'ExpiredTokenException', 403);
  });

  test('unknown access keys are refused by every service', async () => {
    const c = sb.clients('AKIAIOSFODNN7EXAMPLE');
    await rejectsWith(c.sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
    await rejectsWith(c.sm.send(new ListFeatureGroupsCommand({})), 'UnrecognizedClientException', 400);
    await rejectsWith(c.ram.send(new ListResourcesCommand({ resourceOwner: 'SELF' })), 'UnrecognizedClientException', 403);
    await rejectsWith(c.rt.send(new GetRecordCommand({ FeatureGroupName: 'x', RecordIdentifierValueAsString: 'y' })), 'UnrecognizedClientException', 403);
  });
});

describe('requests without a usable Authorization header', () => {
  test('STS answers with an XML ErrorResponse', async () => {
    const res = await fetch(`${sb.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code>/);
    const unknown = await fetch(`${sb.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: authHeader(ANALYTICS, 'sts') }, body: 'Action=GetFederationToken&Version=2011-06-15' });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /<Code>InvalidAction<\/Code>/);
  });

  test('RAM and the runtime answer 403 JSON with x-amzn-ErrorType', async () => {
    const ram = await fetch(`${sb.url}/listresources`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"resourceOwner":"SELF"}' });
    assert.equal(ram.status, 403);
    assert.equal(ram.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
    assert.ok(((await ram.json()) as { message?: string }).message);
    const rt = await fetch(`${sb.url}/FeatureGroup/customer-profile?RecordIdentifierValueAsString=c-1001`, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=111111111111' } });
    assert.equal(rt.status, 403);
    assert.equal(((await rt.json()) as { __type: string }).__type, 'IncompleteSignatureException');
  });

  test('paths that are no AWS operation get 404', async () => {
    const res = await fetch(`${sb.url}/nothing-here`, { headers: { authorization: authHeader(ANALYTICS) } });
    assert.equal(res.status, 404);
    const wrongMethod = await fetch(`${sb.url}/FeatureGroup/customer-profile`, { method: 'PATCH', headers: { authorization: authHeader(ANALYTICS) } });
    assert.equal(wrongMethod.status, 404);
    assert.equal(wrongMethod.headers.get('x-amzn-errortype'), 'UnknownOperationException');
  });
});
