// One SDK client per (profile, region, service, endpoint), built once and reused. Credentials come
// from the SDK's own fromIni provider (static keys, assume-role chains, SSO, credential_process,
// web identity) and are shared by the clients of one profile and region.
import { RAMClient } from '@aws-sdk/client-ram';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { STSClient, getDefaultRoleAssumerWithWebIdentity } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { memoize } from '@smithy/core/config';
import type { AwsCredentialIdentity, MiddlewareStack } from '@smithy/types';
import { callCachePlugin } from './callCache';
import { callLogPlugin, type AwsCallLogEntry } from './callLog';
import type { AccountContext, ServiceEndpoints } from './model';
import { DEFAULT_CACHE_TTL_MS, ResponseCache } from './responseCache';

export type { AwsCallLogEntry } from './callLog';

export interface ClientPoolOptions {
  logger?: (e: AwsCallLogEntry) => void;
  /** Connection and request timeout per attempt, in milliseconds (default 10 000). */
  requestTimeoutMs?: number;
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  /** Attempts per call, first one included (default 3, the SDK's standard retry strategy). */
  maxAttempts?: number;
  /**
   * How long read answers (listings, descriptions) are reused by everyone sharing this pool, in
   * milliseconds (default 30 000; records only while in flight). 0 keeps nothing, but concurrent
   * identical calls are still made once. See callCache.ts.
   */
  cacheTtlMs?: number;
}

export type ServiceName = keyof ServiceEndpoints;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 3;
/** Renew temporary credentials this long before they expire, as the SDK's own chain does. */
const CREDENTIAL_REFRESH_MARGIN_MS = 5 * 60_000;

/** The URL a call goes to: the profile's override, or the public AWS endpoint of the region. */
export function effectiveEndpoint(ctx: AccountContext, service: ServiceName): string {
  const override = ctx.profile.endpoints[service];
  if (override) return override;
  switch (service) {
    case 'sagemaker':
      return `https://api.sagemaker.${ctx.region}.amazonaws.com`;
    case 'featurestoreRuntime':
      return `https://featurestore-runtime.sagemaker.${ctx.region}.amazonaws.com`;
    case 'ram':
      return `https://ram.${ctx.region}.amazonaws.com`;
    case 'sts':
      return `https://sts.${ctx.region}.amazonaws.com`;
  }
}

/** One client per (profile, region, service, endpoint, files); also what a cached answer depends on. */
function clientKey(ctx: AccountContext, service: ServiceName): string {
  return JSON.stringify([ctx.profile.name, ctx.region, service, ctx.profile.endpoints[service] ?? '', ctx.profile.configFile ?? '', ctx.profile.credentialsFile ?? '']);
}

type CredentialsProvider = () => Promise<AwsCredentialIdentity>;

interface Destroyable {
  destroy(): void;
}

export class ClientPool {
  private readonly clients = new Map<string, { profile: string; client: Destroyable }>();
  private readonly credentials = new Map<string, { profile: string; provider: CredentialsProvider }>();
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  /** AWS answers shared by every client of this pool (see callCache.ts); invalidate() clears a profile's. */
  readonly cache: ResponseCache;

  constructor(private readonly opts: ClientPoolOptions = {}) {
    this.timeoutMs = opts.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.cache = new ResponseCache(opts.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS);
  }

  sagemaker(ctx: AccountContext): SageMakerClient {
    return this.client(ctx, 'sagemaker', (config) => this.instrument(ctx, 'sagemaker', new SageMakerClient(config)));
  }

  runtime(ctx: AccountContext): SageMakerFeatureStoreRuntimeClient {
    return this.client(ctx, 'featurestoreRuntime', (config) => this.instrument(ctx, 'featurestoreRuntime', new SageMakerFeatureStoreRuntimeClient(config)));
  }

  ram(ctx: AccountContext): RAMClient {
    return this.client(ctx, 'ram', (config) => this.instrument(ctx, 'ram', new RAMClient(config)));
  }

  sts(ctx: AccountContext): STSClient {
    return this.client(ctx, 'sts', (config) => this.instrument(ctx, 'sts', new STSClient(config)));
  }

  /**
   * Drop cached clients, credentials and answers (all when no name), e.g. after the config files
   * changed or when the user asks for a refresh.
   */
  invalidate(profileName?: string): void {
    this.cache.invalidate(profileName);
    for (const [key, entry] of this.clients) {
      if (profileName === undefined || entry.profile === profileName) {
        entry.client.destroy();
        this.clients.delete(key);
      }
    }
    for (const [key, entry] of this.credentials) {
      if (profileName === undefined || entry.profile === profileName) this.credentials.delete(key);
    }
  }

  /** Close every connection; the pool stays usable and rebuilds clients on demand. */
  dispose(): void {
    this.invalidate();
  }

  private requestHandler() {
    // throwOnRequestTimeout: without it the handler only warns when requestTimeout passes.
    return { connectionTimeout: this.timeoutMs, requestTimeout: this.timeoutMs, throwOnRequestTimeout: true };
  }

  /**
   * Adds the response cache to a new client and, when the pool has a logger, the call log. The cache
   * goes first (outermost): an answer it gives is not an AWS call and is not logged as one.
   */
  private instrument<C extends { middlewareStack: MiddlewareStack<I, O> }, I extends object, O extends object>(ctx: AccountContext, service: ServiceName, client: C & { middlewareStack: MiddlewareStack<I, O> }): C {
    client.middlewareStack.use(callCachePlugin<I, O>(this.cache, { profile: ctx.profile.name, service, clientKey: clientKey(ctx, service) }));
    if (this.opts.logger) client.middlewareStack.use(callLogPlugin<I, O>({ profile: ctx.profile.name, region: ctx.region, service }, this.opts.logger));
    return client;
  }

  private client<C extends Destroyable>(
    ctx: AccountContext,
    service: ServiceName,
    build: (config: ClientConfig) => C,
  ): C {
    const endpoint = ctx.profile.endpoints[service];
    const key = clientKey(ctx, service);
    const cached = this.clients.get(key);
    if (cached) return cached.client as C;
    const client = build({
      region: ctx.region,
      // Region and credentials are explicit; `profile` makes the remaining settings (FIPS, dual-stack, ...)
      // come from this profile instead of AWS_PROFILE/default.
      profile: ctx.profile.name,
      credentials: this.credentialsFor(ctx),
      // Without an override the SDK would look up endpoint_url in AWS_PROFILE/default, i.e. another profile.
      ...(endpoint ? { endpoint } : { ignoreConfiguredEndpointUrls: true }),
      maxAttempts: this.maxAttempts,
      retryMode: 'standard',
      requestHandler: this.requestHandler(),
    });
    this.clients.set(key, { profile: ctx.profile.name, client });
    return client;
  }

  private credentialsFor(ctx: AccountContext): CredentialsProvider {
    const { profile } = ctx;
    const stsEndpoint = profile.endpoints.sts;
    const key = JSON.stringify([profile.name, ctx.region, stsEndpoint ?? '', profile.configFile ?? '', profile.credentialsFile ?? '']);
    const cached = this.credentials.get(key);
    if (cached) return cached.provider;
    // The inner STS client of an assume-role chain must reach the same STS as the profile (the sandbox,
    // a VPC endpoint, ...); clientConfig is what fromIni hands to that client.
    const stsConfig = {
      region: ctx.region,
      requestHandler: this.requestHandler(),
      maxAttempts: this.maxAttempts,
      ...(stsEndpoint ? { endpoint: stsEndpoint } : { ignoreConfiguredEndpointUrls: true }),
    };
    const provider = this.credentialSource(ctx, stsConfig);
    const memoized = memoize(
      () => provider(),
      (c: AwsCredentialIdentity) => c.expiration !== undefined && c.expiration.getTime() - Date.now() < CREDENTIAL_REFRESH_MARGIN_MS,
      (c: AwsCredentialIdentity) => c.expiration !== undefined,
    );
    const shared: CredentialsProvider = () => memoized();
    this.credentials.set(key, { profile: profile.name, provider: shared });
    return shared;
  }

  private credentialSource(ctx: AccountContext, stsConfig: object): CredentialsProvider {
    const { profile } = ctx;
    // ignoreCache: edits to the files are picked up whenever credentials are resolved again.
    const files = { profile: profile.name, filepath: profile.credentialsFile, configFilepath: profile.configFile, ignoreCache: true };
    // fromIni hands an SSO profile to fromSSO without the file paths, so a profile read from
    // non-default files would not be found there: call fromSSO directly for those.
    if (profile.kind === 'sso') return fromSSO(files);
    const logger = this.opts.logger;
    const innerLog = logger ? [callLogPlugin({ profile: profile.name, region: ctx.region, service: 'sts' }, logger)] : [];
    return fromIni({
      ...files,
      mfaCodeProvider: this.opts.mfaCodeProvider,
      clientConfig: stsConfig,
      clientPlugins: innerLog,
      // fromIni does not pass clientConfig on to the web-identity provider: give it a role assumer.
      // (Its options type leaves out `endpoint`, which the STS client it builds does honour.)
      roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity(stsConfig as never, innerLog as never),
    });
  }
}

interface ClientConfig {
  region: string;
  profile: string;
  credentials: CredentialsProvider;
  endpoint?: string;
  ignoreConfiguredEndpointUrls?: boolean;
  maxAttempts: number;
  retryMode: string;
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: boolean };
}
