// Whatever reaches the log passes through here first. The call log itself never sees arguments or
// credentials, but error messages come from elsewhere (a credential_process's stderr, a command
// line, an SDK message quoting a file): anything shaped like a secret is masked.

export const REDACTED = '[redacted]';

const RULES: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // Settings and JSON fields that hold secrets, whatever their value looks like.
  [/\b(aws_secret_access_key|aws_session_token|aws_security_token|sso_access_token)(\s*[=:]\s*)("?)[^\s"',;]+/gi, (_m, key, sep, quote) => `${key}${sep}${quote}${REDACTED}`],
  [/("?(?:SecretAccessKey|SessionToken|secretAccessKey|sessionToken|accessToken|refreshToken|clientSecret)"?\s*[:=]\s*)("?)[^\s"',}]+/g, (_m, key, quote) => `${key}${quote}${REDACTED}`],
  [/\b(X-Amz-Security-Token|X-Amz-Signature|Signature)(=)[^\s&,]+/gi, (_m, key, eq) => `${key}${eq}${REDACTED}`],
  // Access key ids of IAM users (AKIA) and of temporary credentials (ASIA).
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, (_m, prefix) => `${prefix}${REDACTED}`],
  // An MFA code next to the word that introduces it.
  [/\b((?:mfa|token|one[- ]time)[\w ]{0,12}?code\D{0,3})\d{6}\b/gi, (_m, lead) => `${lead}${REDACTED}`],
  // Long base64 runs mixing cases and digits: secret keys (40 characters) and session tokens.
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g, (m) => (/[a-z]/.test(m) && /[A-Z]/.test(m) && /\d/.test(m) ? REDACTED : m)],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace as (substring: string, ...args: string[]) => string);
  return out;
}

/** Patterns a test can scan a whole log with: each names what it found. */
export const SECRET_PATTERNS: Record<string, RegExp> = {
  accessKeyId: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/,
  secretSetting: /aws_secret_access_key\s*[=:]\s*(?!\[redacted\])\S/i,
  sessionTokenSetting: /aws_session_token\s*[=:]\s*(?!\[redacted\])\S/i,
  jsonSecret: /"(SecretAccessKey|SessionToken|accessToken|refreshToken|clientSecret)"\s*:\s*"(?!\[redacted\])[^"]/,
  base64Secret: /(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{40,}/,
};

/** The names of the patterns that match somewhere in the text (empty: nothing looks like a secret). */
export function findSecretLookalikes(text: string): string[] {
  return Object.entries(SECRET_PATTERNS)
    .filter(([, pattern]) => pattern.test(text))
    .map(([name]) => name);
}
