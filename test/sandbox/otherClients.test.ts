// The main flows through boto3 and the AWS CLI pointed at the sandbox with an endpoint URL,
// so the sandbox is not tuned to the JavaScript SDK's tolerances. Credentials come from the
// child's environment; the shared config files point at nothing so ~/.aws is never read.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ANALYTICS, fgArn, MARKETING, PARTNER, TestSandbox } from './helpers';

const run = promisify(execFile);
let sb: TestSandbox;

before(async () => {
  sb = await TestSandbox.start();
});
after(() => sb.stop());

function env(account: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_ACCESS_KEY_ID: account,
    AWS_SECRET_ACCESS_KEY: 'sandbox',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

async function aws(account: string, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', sb.url, '--output', 'json'], { env: env(account) });
  return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
}

async function awsFails(account: string, ...args: string[]): Promise<string> {
  try {
    await run('aws', [...args, '--endpoint-url', sb.url], { env: env(account) });
  } catch (err) {
    return (err as { stderr: string }).stderr;
  }
  assert.fail(`aws ${args.join(' ')} should have failed`);
}

describe('boto3', () => {
  test('create, put/get, share, accept, search, cross-account use by ARN, errors', async () => {
    const { stdout } = await run('python3', [join(import.meta.dirname, 'boto3_flow.py'), sb.url], { env: env('000000000000') });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    const arn = fgArn(ANALYTICS, 'boto-scores');
    assert.equal(out.callerAccount, ANALYTICS);
    assert.equal(out.createdArn, arn);
    assert.equal(out.status, 'Created');
    assert.equal(out.ownerScore, '0.75');
    assert.deepEqual(out.beforeAccept, { code: 'AccessForbidden', status: 403 });
    assert.deepEqual(out.accepted, ['ACCEPTED', 'ACCEPTED']);
    assert.deepEqual(out.acceptAgain, { code: 'ResourceShareInvitationAlreadyAcceptedException', status: 400 });
    assert.deepEqual(out.searchArns, [arn]);
    assert.ok((out.sharedResources as string[]).includes(arn));
    assert.equal(out.describedByArn, 'boto-scores');
    assert.deepEqual(out.crossRecord, [{ FeatureName: 'score', ValueAsString: '0.75' }]);
    assert.deepEqual(out.batchIds, ['from-partner', 'r 1/a']);
    assert.equal(out.afterDelete, false);
    assert.deepEqual(out.updateDenied, { code: 'AccessDeniedException', status: 400 });
    assert.deepEqual(out.unsharedDenied, { code: 'AccessForbidden', status: 403 });
    assert.deepEqual(out.missingGroup, { code: 'ResourceNotFound', status: 404 });
    assert.deepEqual(out.badValue, { code: 'ValidationError', status: 400 });
    assert.equal(out.missingRecord, false);
    assert.deepEqual(out.badShareArn, { code: 'MalformedArnException', status: 400 });
    assert.deepEqual(out.afterShareDeleted, { code: 'AccessForbidden', status: 403 });
    assert.equal(out.assumedAccount, MARKETING);
    assert.deepEqual(out.listedAfterDelete, ['churn-scores', 'product-catalog', 'transactions', 'customer-profile']);
  });
});

describe('AWS CLI', () => {
  test('sts, sagemaker, runtime and ram commands', async () => {
    assert.equal((await aws(MARKETING, 'sts', 'get-caller-identity')).Account, MARKETING);
    const groups = await aws(ANALYTICS, 'sagemaker', 'list-feature-groups', '--sort-by', 'Name', '--sort-order', 'Ascending');
    assert.deepEqual((groups.FeatureGroupSummaries as { FeatureGroupName: string }[]).map((g) => g.FeatureGroupName), ['churn-scores', 'customer-profile', 'product-catalog', 'transactions']);
    const rec = await aws(MARKETING, 'sagemaker-featurestore-runtime', 'get-record', '--feature-group-name', fgArn(ANALYTICS, 'customer-profile'), '--record-identifier-value-as-string', 'c-1003', '--feature-names', 'segment');
    assert.deepEqual(rec.Record, [{ FeatureName: 'segment', ValueAsString: 'vip' }]);
    const found = await aws(MARKETING, 'sagemaker', 'search', '--resource', 'FeatureGroup', '--cross-account-filter-option', 'CrossAccount');
    assert.equal((found.Results as unknown[]).length, 4);
    const invs = await aws(PARTNER, 'ram', 'get-resource-share-invitations');
    const [inv] = invs.resourceShareInvitations as { resourceShareInvitationArn: string }[];
    const accepted = await aws(PARTNER, 'ram', 'accept-resource-share-invitation', '--resource-share-invitation-arn', inv.resourceShareInvitationArn);
    assert.equal((accepted.resourceShareInvitation as { status: string }).status, 'ACCEPTED');
    const product = await aws(PARTNER, 'sagemaker-featurestore-runtime', 'get-record', '--feature-group-name', fgArn(ANALYTICS, 'product-catalog'), '--record-identifier-value-as-string', 'p-2');
    assert.ok((product.Record as { FeatureName: string }[]).some((f) => f.FeatureName === 'embedding'));
    const denied = await awsFails(PARTNER, 'sagemaker-featurestore-runtime', 'put-record', '--feature-group-name', fgArn(ANALYTICS, 'product-catalog'), '--record', 'FeatureName=product_id,ValueAsString=p-9', 'FeatureName=event_time,ValueAsString=2026-01-01T00:00:00Z');
    assert.match(denied, /AccessForbidden/);
  });
});
