// Error codes about credentials, shared by the provider (credentials.ts) and the error sentences
// (errors.ts) without the latter loading the SDK's providers.

/** A credentials resolution that ran out of time (a hanging credential_process, SSO or STS). */
export const CREDENTIALS_TIMEOUT_CODE = 'CredentialsTimeout';

/** Codes with which AWS refuses the credentials themselves (not the caller's permissions). */
export const REJECTED_CREDENTIALS_CODES: ReadonlySet<string> = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'RequestExpired',
]);
