// The credentials behind one (profile, region): the SDK's own providers (fromIni for keys, role
// chains, MFA, credential_process and web identity; fromSSO for SSO), shared by that profile's
// clients, bounded in time, and with MFA sessions kept for their whole lifetime.
import { getDefaultRoleAssumerWithWebIdentity } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { CredentialsProviderError, memoize } from '@smithy/core/config';
import type { AwsCredentialIdentity, InitializeMiddleware, Pluggable } from '@smithy/types';
import { callLogPlugin, type AwsCallLogger } from './callLog';
import { CREDENTIALS_TIMEOUT_CODE, REJECTED_CREDENTIALS_CODES } from './credentialsCodes';
import type { MfaSessions } from './credentialsMfa';
import type { AccountContext } from './model';

export type CredentialsProvider = () => Promise<AwsCredentialIdentity>;

/** Asks the user for the current code of an MFA device; rejects when none is given. */
export type MfaCodeProvider = (mfaSerial: string, profile: string) => Promise<string>;

/** Renew temporary credentials this long before they expire, as the SDK's own chain does. */
export const CREDENTIAL_REFRESH_MARGIN_MS = 5 * 60_000;

export interface ProfileCredentialsOptions {
  /** Timeouts for the inner STS / SSO clients (same as the service clients'). */
  requestHandler: object;
  maxAttempts: number;
  /** Longest one resolution may take, time spent in MFA prompts excluded. */
  timeoutMs: number;
  logger?: AwsCallLogger;
  mfaCodeProvider?: MfaCodeProvider;
  /** Where MFA-assumed sessions live; outlives client pools so a refresh never asks again. */
  sessions: MfaSessions;
}

/** Same key for everything that resolves the same identity: a changed profile gets new credentials. */
export function credentialsKey(ctx: AccountContext): string {
  const { profile } = ctx;
  return JSON.stringify([profile.name, ctx.region, profile.endpoints.sts ?? '', profile.configFile ?? '', profile.credentialsFile ?? '', profile.fingerprint ?? '']);
}

class CredentialsTimeoutError extends Error {
  override readonly name = CREDENTIALS_TIMEOUT_CODE;
}

/**
 * Runs `resolve` with a time limit that stops counting while `pause`d work runs (the MFA prompt:
 * the user takes the time they need, the spinner is the prompt itself).
 */
export function withDeadline<T>(
  resolve: (pause: <R>(work: () => Promise<R>) => Promise<R>) => Promise<T>,
  ms: number,
  timeoutError: () => Error,
): Promise<T> {
  return new Promise<T>((done, fail) => {
    let settled = false;
    let paused = 0;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(() => {
        if (settled || paused > 0) return;
        settled = true;
        fail(timeoutError());
      }, ms);
    };
    const pause = async <R>(work: () => Promise<R>): Promise<R> => {
      paused++;
      clearTimeout(timer);
      try {
        return await work();
      } finally {
        paused--;
        if (paused === 0 && !settled) arm();
      }
    };
    arm();
    resolve(pause).then(
      (value) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        done(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        fail(err);
      },
    );
  });
}

/** The provider of one (profile, region): memoized until close to expiry, never caching a failure. */
export function profileCredentials(ctx: AccountContext, opts: ProfileCredentialsOptions): CredentialsProvider {
  const { profile } = ctx;
  const key = credentialsKey(ctx);
  // One resolution at a time per provider (memoize coalesces), so the current pause is unambiguous.
  let pause: <R>(work: () => Promise<R>) => Promise<R> = (work) => work();
  const askCode = opts.mfaCodeProvider;
  const mfaCodeProvider = askCode ? (serial: string) => pause(() => askCode(serial, profile.name)) : undefined;
  const source = sdkProvider(ctx, { ...opts, mfaCodeProvider });

  const resolveOnce = async (): Promise<AwsCredentialIdentity> => {
    const kept = profile.mfaSerial ? opts.sessions.get(key) : undefined;
    if (kept) return kept;
    const started = performance.now();
    try {
      const credentials = await withDeadline(
        (p) => {
          pause = p;
          return source();
        },
        opts.timeoutMs,
        () => new CredentialsTimeoutError(`Getting credentials for profile ${profile.name} (${profile.kind}) took longer than ${Math.round(opts.timeoutMs / 1000)} seconds.`),
      );
      if (profile.mfaSerial) opts.sessions.set(key, profile.name, credentials);
      logResolution(opts.logger, ctx, Math.round(performance.now() - started));
      return credentials;
    } catch (err) {
      logResolution(opts.logger, ctx, Math.round(performance.now() - started), err);
      throw namingTheProcess(err, ctx);
    } finally {
      pause = (work) => work();
    }
  };

  const memoized = memoize(
    resolveOnce,
    (c: AwsCredentialIdentity) => c.expiration !== undefined && c.expiration.getTime() - Date.now() < CREDENTIAL_REFRESH_MARGIN_MS,
    (c: AwsCredentialIdentity) => c.expiration !== undefined,
  );
  return () => memoized();
}

/** A failed command says "Command failed: …" only: say it was the profile's credential_process. */
function namingTheProcess(err: unknown, ctx: AccountContext): unknown {
  const { profile } = ctx;
  if (profile.kind !== 'credentialProcess' && profile.sourceKind !== 'credentialProcess') return err;
  if (!(err instanceof Error) || err.name !== 'CredentialsProviderError' || /credential_process/i.test(err.message)) return err;
  return new CredentialsProviderError(`credential_process failed: ${err.message}`, { tryNextLink: false });
}

/**
 * The credential step in the call log (`credentials.ResolveSso`, …): how long, which error, never
 * values. Static keys are only read from a file: not worth a line.
 */
function logResolution(logger: AwsCallLogger | undefined, ctx: AccountContext, durationMs: number, err?: unknown): void {
  if (!logger || ctx.profile.kind === 'static') return;
  const errorCode = err === undefined ? undefined : ((err as { name?: string }).name ?? 'Error');
  try {
    const operation = `Resolve${ctx.profile.kind.charAt(0).toUpperCase()}${ctx.profile.kind.slice(1)}`;
    logger({ profile: ctx.profile.name, region: ctx.region, service: 'credentials', operation, durationMs, ...(errorCode ? { errorCode } : {}) });
  } catch {
    // A broken logger must not turn a success into a failure.
  }
}

function sdkProvider(ctx: AccountContext, opts: Omit<ProfileCredentialsOptions, 'mfaCodeProvider'> & { mfaCodeProvider?: (serial: string) => Promise<string> }): CredentialsProvider {
  const { profile } = ctx;
  const stsEndpoint = profile.endpoints.sts;
  const network = { requestHandler: opts.requestHandler, maxAttempts: opts.maxAttempts };
  // ignoreCache: edits to the files are picked up whenever credentials are resolved again.
  const files = { profile: profile.name, filepath: profile.credentialsFile, configFilepath: profile.configFile, ignoreCache: true };
  // fromIni hands an SSO profile to fromSSO without the file paths, so a profile read from
  // non-default files would not be found there: call fromSSO directly. Its SSO client takes the
  // sso_region of the profile (no region here) and AWS_ENDPOINT_URL_SSO if set.
  if (profile.kind === 'sso') return fromSSO({ ...files, clientConfig: network });
  // The inner STS client of a role chain must reach the same STS as the profile (the sandbox, a VPC
  // endpoint, ...): clientConfig is what fromIni hands to that client.
  const stsConfig = { ...network, ...(stsEndpoint ? { endpoint: stsEndpoint } : { ignoreConfiguredEndpointUrls: true }) };
  const innerLog = opts.logger ? [callLogPlugin({ profile: profile.name, region: ctx.region, service: 'sts' }, opts.logger)] : [];
  return fromIni({
    ...files,
    mfaCodeProvider: opts.mfaCodeProvider,
    // fromIni also gives clientConfig to the SSO client at the end of a role chain, where a region
    // would replace the sso_region: the STS region goes in parentClientConfig instead.
    clientConfig: profile.sourceKind === 'sso' ? stsConfig : { ...stsConfig, region: ctx.region },
    parentClientConfig: { region: ctx.region },
    clientPlugins: innerLog,
    // fromIni does not pass clientConfig on to the web-identity provider: give it a role assumer.
    // (Its options type leaves out `endpoint`, which the STS client it builds does honour.)
    roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity({ ...stsConfig, region: ctx.region } as never, innerLog as never),
  });
}

/** A middleware (outside the retries) that reports credentials AWS refused, once per failed call. */
export function credentialsRejectedPlugin<Input extends object, Output extends object>(onRejected: () => void): Pluggable<Input, Output> {
  const middleware: InitializeMiddleware<Input, Output> = (next) => async (args) => {
    try {
      return await next(args);
    } catch (err) {
      const name = (err as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && REJECTED_CREDENTIALS_CODES.has(name)) onRejected();
      throw err;
    }
  };
  return {
    applyToStack: (stack) => stack.add(middleware, { step: 'initialize', priority: 'low', name: 'featureStoreExplorerCredentialsRejected', override: true }),
  };
}
