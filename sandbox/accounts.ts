// Who is calling: the SigV4 access key id names the account (12 digits) or a temporary
// AssumeRole credential (ASIA…). Also the Organization facts RAM sharing depends on.
import type { ApiError } from './errors';
import type { Caller, Core } from './core';
import type { Organization, State } from './state';

const AUTH_RE = /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=[a-z0-9;-]+,\s*Signature=[0-9a-f]+$/;
const ACCOUNT_RE = /^[0-9]{12}$/;

export interface AuthErrors { missing: ApiError; incomplete: ApiError; unknownKey: ApiError; expired: ApiError }

/** Reads the caller from the Authorization header; throws the refusal AWS gives. */
export function callerFromAuthorization(core: Core, header: string | undefined, errors: AuthErrors): Caller {
  if (!header) throw errors.missing;
  const m = AUTH_RE.exec(header);
  if (!m) throw errors.incomplete;
  const [, accessKeyId, , region] = m;
  if (ACCOUNT_RE.test(accessKeyId)) {
    return { accountId: accessKeyId, arn: `arn:aws:iam::${accessKeyId}:root`, userId: accessKeyId, region, accessKeyId };
  }
  const temp = core.state.temporaryCredentials[accessKeyId];
  if (!temp) throw errors.unknownKey;
  if (temp.expiration <= core.now()) throw errors.expired;
  return { accountId: temp.accountId, arn: temp.arn, userId: temp.userId, region, accessKeyId };
}

export function organizationOf(state: State, accountId: string): Organization | undefined {
  return state.organizations.find((org) => org.accounts.includes(accountId));
}

/** Accounts an organization or OU ARN stands for, or undefined if the ARN names neither. */
export function accountsOfPrincipalArn(state: State, arn: string): string[] | undefined {
  for (const org of state.organizations) {
    if (org.arn === arn) return org.accounts;
    const unit = org.units.find((u) => u.arn === arn);
    if (unit) return unit.accounts;
  }
  return undefined;
}

export function organizationOfPrincipalArn(state: State, arn: string): Organization | undefined {
  return state.organizations.find((org) => org.arn === arn || org.units.some((u) => u.arn === arn));
}
