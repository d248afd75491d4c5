// An endpoint URL with a path (http://127.0.0.1:PORT/some/path) is a misconfiguration: the sandbox
// serves every API at the root. Every service refuses it the same way, in its own error format,
// naming the path to remove, instead of SageMaker working while RAM, STS and the runtime 404.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ListFeatureGroupsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { ListResourcesCommand, RAMClient } from '@aws-sdk/client-ram';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ANALYTICS, REGION, rejectsWith, TestSandbox } from './helpers';

let sb: TestSandbox;
before(async () => {
  sb = await TestSandbox.start();
});
after(() => sb.stop());

function clients(endpoint: string) {
  const config = { region: REGION, endpoint, credentials: { accessKeyId: ANALYTICS, secretAccessKey: 'sandbox' }, maxAttempts: 1 };
  return { sm: new SageMakerClient(config), rt: new SageMakerFeatureStoreRuntimeClient(config), ram: new RAMClient(config), sts: new STSClient(config) };
}

function calls(endpoint: string): [string, () => Promise<unknown>][] {
  const c = clients(endpoint);
  return [
    ['SageMaker', () => c.sm.send(new ListFeatureGroupsCommand({}))],
    ['the runtime', () => c.rt.send(new GetRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: 'c-1001' }))],
    ['RAM', () => c.ram.send(new ListResourcesCommand({ resourceOwner: 'SELF' }))],
    ['STS', () => c.sts.send(new GetCallerIdentityCommand({}))],
  ];
}

describe('endpoint URL with a path', () => {
  for (const path of ['/some/path', '/some/path/']) {
    test(`every service refuses ${path} with the same 404 naming the path`, async () => {
      for (const [service, call] of calls(`${sb.url}${path}`)) {
        const err = await rejectsWith(call(), 'UnknownOperationException', 404);
        assert.match(err.message, /remove the path \/some\/path from the endpoint URL \(use http:\/\/127\.0\.0\.1:\d+\)/, service);
      }
    });
  }

  test('the root, with or without a trailing slash, serves every service', async () => {
    for (const endpoint of [sb.url, `${sb.url}/`]) {
      for (const [service, call] of calls(endpoint)) await assert.doesNotReject(call(), `${service} at ${endpoint}`);
    }
  });
});
