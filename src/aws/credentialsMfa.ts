// Role sessions that took an MFA code, kept until close to their expiry. They outlive client pools
// and refreshes (asking for a code again on every refresh is what makes people turn MFA off); a
// changed profile has another key (its fingerprint), so its old session is never reused.
import type { AwsCredentialIdentity } from '@smithy/types';

/** Ask again this long before the session expires, as the SDK's own chain renews credentials. */
const RENEW_MARGIN_MS = 5 * 60_000;

export class MfaSessions {
  private readonly sessions = new Map<string, { profile: string; credentials: AwsCredentialIdentity }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The session stored under this key, unless it is about to expire. */
  get(key: string): AwsCredentialIdentity | undefined {
    const entry = this.sessions.get(key);
    if (!entry) return undefined;
    const expiration = entry.credentials.expiration?.getTime();
    if (expiration !== undefined && expiration - this.now() > RENEW_MARGIN_MS) return entry.credentials;
    this.sessions.delete(key);
    return undefined;
  }

  /** Keeps temporary credentials only: without an expiry there is no lifetime to honour. */
  set(key: string, profile: string, credentials: AwsCredentialIdentity): void {
    if (credentials.expiration) this.sessions.set(key, { profile, credentials });
  }

  /** Drops the sessions of one profile (all when no name), e.g. when AWS refused them. */
  forget(profile?: string): void {
    for (const [key, entry] of this.sessions) if (profile === undefined || entry.profile === profile) this.sessions.delete(key);
  }

  get size(): number {
    return this.sessions.size;
  }
}
