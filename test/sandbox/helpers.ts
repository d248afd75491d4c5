// Shared by the sandbox contract tests: a sandbox per test file, real SDK clients per account,
// and small helpers for the /_sandbox/ controls and for asserting AWS errors.
import assert from 'node:assert/strict';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { RAMClient } from '@aws-sdk/client-ram';
import { STSClient } from '@aws-sdk/client-sts';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';

export const ANALYTICS = '111111111111';
export const MARKETING = '222222222222';
export const PARTNER = '333333333333';
export const REGION = 'us-east-1';
export const PERM = {
  readOnly: 'arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerFeatureGroupReadOnly',
  readWrite: 'arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerFeatureGroupReadWrite',
  admin: 'arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerFeatureGroupAdmin',
  catalog: 'arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerCatalogResourceSearch',
};
export const ORG_ARN = 'arn:aws:organizations::111111111111:organization/o-demo1234567';

export const fgArn = (account: string, name: string) => `arn:aws:sagemaker:${REGION}:${account}:feature-group/${name}`;
export const catalogArn = (account: string) => `arn:aws:sagemaker:${REGION}:${account}:sagemaker-catalog/DefaultFeatureGroupCatalog`;

export interface Credentials { accessKeyId: string; secretAccessKey: string; sessionToken?: string }

export interface Clients {
  sm: SageMakerClient;
  rt: SageMakerFeatureStoreRuntimeClient;
  ram: RAMClient;
  sts: STSClient;
}

export class TestSandbox {
  private constructor(readonly sandbox: Sandbox) {}

  static async start(opts: SandboxOptions = {}): Promise<TestSandbox> {
    return new TestSandbox(await startSandbox({ seed: 'demo', ...opts }));
  }

  get url(): string {
    return this.sandbox.url;
  }

  /** Clients acting as an account (a 12-digit access key) or with temporary credentials. */
  clients(who: string | Credentials, extra: { maxAttempts?: number; requestTimeoutMs?: number } = {}): Clients {
    const credentials = typeof who === 'string' ? { accessKeyId: who, secretAccessKey: 'sandbox' } : who;
    const config = {
      region: REGION,
      endpoint: this.url,
      credentials,
      maxAttempts: extra.maxAttempts ?? 1,
      ...(extra.requestTimeoutMs ? { requestHandler: { requestTimeout: extra.requestTimeoutMs, throwOnRequestTimeout: true } } : {}),
    };
    return { sm: new SageMakerClient(config), rt: new SageMakerFeatureStoreRuntimeClient(config), ram: new RAMClient(config), sts: new STSClient(config) };
  }

  async control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.url}/_sandbox/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`control ${method} ${path} failed: ${JSON.stringify(json)}`);
    return json;
  }

  reset(seed: 'demo' | 'empty' = 'demo') {
    return this.control('POST', 'reset', { seed });
  }

  advanceClock(seconds: number) {
    return this.control('POST', 'clock', { advanceSeconds: seconds });
  }

  stop(): Promise<void> {
    return this.sandbox.stop();
  }
}

interface AwsError { name: string; message: string; $metadata?: { httpStatusCode?: number }; $response?: unknown }

/** Awaits a call that must fail with the given AWS error code (and HTTP status when given). */
export async function rejectsWith(promise: Promise<unknown>, code: string, status?: number): Promise<AwsError> {
  try {
    await promise;
  } catch (err) {
    const e = err as AwsError;
    assert.equal(e.name, code, `expected ${code}, got ${e.name}: ${e.message}`);
    if (status !== undefined) assert.equal(e.$metadata?.httpStatusCode, status, `status of ${code}`);
    return e;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}

/** A raw signed-looking request, for what the SDK never sends (bad bodies, missing auth). */
export function authHeader(accessKeyId: string, service = 'sagemaker'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261203/${REGION}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
}
