// One SDK client per (profile, region, service, endpoint), built once and reused. Credentials come
// from the SDK's own providers (see credentials.ts) and are shared by the clients of one profile and region.
import { RAMClient } from '@aws-sdk/client-ram';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { STSClient } from '@aws-sdk/client-sts';
import type { MiddlewareStack } from '@smithy/types';
import { callCachePlugin } from './callCache';
import { callLogPlugin, type AwsCallLogEntry } from './callLog';
import { credentialsKey, credentialsRejectedPlugin, profileCredentials, type CredentialsProvider, type MfaCodeProvider } from './credentials';
import { MfaSessions } from './credentialsMfa';
import type { AccountContext, ServiceEndpoints } from './model';
import { DEFAULT_CACHE_TTL_MS, ResponseCache } from './responseCache';

export type { AwsCallLogEntry } from './callLog';

export interface ClientPoolOptions {
  logger?: (e: AwsCallLogEntry) => void;
  /** Connection and request timeout per attempt, in milliseconds (default 10 000). */
  requestTimeoutMs?: number;
  /** Asked for the code when a role in the profile's chain has an mfa_serial. */
  mfaCodeProvider?: MfaCodeProvider;
  /** Where MFA sessions are kept; give every pool the same one so a new pool never asks again (default: this pool's own). */
  mfaSessions?: MfaSessions;
  /** Longest one credentials resolution may take, MFA prompts excluded (default: 3 × requestTimeoutMs, at least 30 s). */
  credentialsTimeoutMs?: number;
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
  // The fingerprint: an answer loaded under the profile's old content is never served under the new one.
  return JSON.stringify([ctx.profile.name, ctx.region, service, ctx.profile.endpoints[service] ?? '', ctx.profile.configFile ?? '', ctx.profile.credentialsFile ?? '', ctx.profile.fingerprint ?? '']);
}

interface Destroyable {
  destroy(): void;
}

export class ClientPool {
  private readonly clients = new Map<string, { profile: string; client: Destroyable }>();
  private readonly credentials = new Map<string, { profile: string; provider: CredentialsProvider }>();
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly mfaSessions: MfaSessions;
  /** AWS answers shared by every client of this pool (see callCache.ts); invalidate() clears a profile's. */
  readonly cache: ResponseCache;

  constructor(private readonly opts: ClientPoolOptions = {}) {
    this.timeoutMs = opts.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.mfaSessions = opts.mfaSessions ?? new MfaSessions();
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
    // Credentials AWS refused (expired session, revoked keys) must not be reused by the next attempt.
    client.middlewareStack.use(credentialsRejectedPlugin<I, O>(() => this.credentialsRejected(ctx.profile.name)));
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
    const key = credentialsKey(ctx);
    const cached = this.credentials.get(key);
    if (cached) return cached.provider;
    const provider = profileCredentials(ctx, {
      requestHandler: this.requestHandler(),
      maxAttempts: this.maxAttempts,
      timeoutMs: this.opts.credentialsTimeoutMs ?? Math.max(30_000, 3 * this.timeoutMs),
      logger: this.opts.logger,
      mfaCodeProvider: this.opts.mfaCodeProvider,
      sessions: this.mfaSessions,
    });
    this.credentials.set(key, { profile: ctx.profile.name, provider });
    return provider;
  }

  /**
   * AWS refused the profile's credentials: the next call resolves them (and asks for MFA) again. Its
   * clients are replaced too (each keeps the identity it resolved), but closed only later: other
   * calls of the profile may still be in flight on them.
   */
  private credentialsRejected(profileName: string): void {
    this.mfaSessions.forget(profileName);
    this.cache.invalidate(profileName);
    for (const [key, entry] of this.credentials) if (entry.profile === profileName) this.credentials.delete(key);
    for (const [key, entry] of this.clients) {
      if (entry.profile !== profileName) continue;
      this.clients.delete(key);
      setTimeout(() => entry.client.destroy(), this.timeoutMs * (this.maxAttempts + 1)).unref();
    }
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
