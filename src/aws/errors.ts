// Every failure of src/aws reaches the editor layers as an AwsCallError: the service code for the
// log and menus, plus one sentence for the user that names the cause and the next step.
import { CREDENTIALS_TIMEOUT_CODE, REJECTED_CREDENTIALS_CODES } from './credentialsCodes';
import type { AccessLevel } from './model';

export interface AwsCallContext {
  profile: string;
  operation: string;
  /** What the call was about (feature group name, share or invitation ARN, ...). */
  target?: string;
  /** The endpoint the call went to; named when it cannot be reached. */
  endpoint?: string;
  /** The caller's access to the target, when known: turns AccessDenied into a precise sentence. */
  access?: AccessLevel;
  /** Owner of the target, when known: named as the person to ask. */
  ownerAccountId?: string;
}

/**
 * What went wrong, in the terms of what the user can do about it. The `profile…` kinds concern the
 * whole profile (every call of it fails the same way), the others one call.
 */
export type ErrorKind =
  | 'noCredentials'
  | 'ssoLogin'
  | 'ssoConfig'
  | 'mfa'
  | 'credentialProcess'
  | 'credentialsTimeout'
  | 'credentialsRejected'
  | 'regionMissing'
  | 'unreachable'
  | 'accessDenied'
  | 'throttled'
  | 'notFound'
  | 'invalid'
  | 'internal'
  | 'other';

const PROFILE_WIDE_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'noCredentials', 'ssoLogin', 'ssoConfig', 'mfa', 'credentialProcess', 'credentialsTimeout', 'credentialsRejected', 'regionMissing', 'unreachable',
]);

/** True when the failure is the profile's (credentials, endpoint), not the one call's: show it once, for the profile. */
export function isProfileWide(kind: ErrorKind): boolean {
  return PROFILE_WIDE_KINDS.has(kind);
}

/** Besides retrying: what the user can do next about a failure of this kind. */
export type NextStep = 'ssoLogin' | 'openConfig';

export function nextStepsFor(kind: ErrorKind): NextStep[] {
  switch (kind) {
    case 'ssoLogin':
      return ['ssoLogin'];
    case 'noCredentials':
    case 'ssoConfig':
    case 'credentialProcess':
    case 'regionMissing':
    case 'unreachable':
      return ['openConfig'];
    default:
      return [];
  }
}

export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly operation: string;
  readonly profile: string;
  readonly userMessage: string;
  readonly target?: string;
  readonly httpStatusCode?: number;
  readonly requestId?: string;

  constructor(init: {
    code: string;
    operation: string;
    profile: string;
    userMessage: string;
    kind?: ErrorKind;
    detail?: string;
    target?: string;
    httpStatusCode?: number;
    requestId?: string;
    cause?: unknown;
  }) {
    super(init.detail ? `${init.operation} failed (${init.code}): ${init.detail}` : `${init.operation} failed (${init.code})`, { cause: init.cause });
    this.code = init.code;
    this.kind = init.kind ?? kindOf(init.code, init.detail ?? '', init.profile);
    this.operation = init.operation;
    this.profile = init.profile;
    this.userMessage = init.userMessage;
    this.target = init.target;
    this.httpStatusCode = init.httpStatusCode;
    this.requestId = init.requestId;
  }
}

interface ErrorFacts {
  code: string;
  message: string;
  httpStatusCode?: number;
  requestId?: string;
  address?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
const WRITE_OPERATIONS = new Set(['PutRecord', 'DeleteRecord', 'BatchWriteRecord']);
const ADMIN_OPERATIONS = new Set(['UpdateFeatureGroup', 'UpdateFeatureMetadata']);

function factsOf(err: unknown): ErrorFacts {
  if (typeof err !== 'object' || err === null) return { code: 'Unknown', message: String(err) };
  const e = err as {
    name?: string; code?: unknown; Code?: unknown; message?: string; address?: string; port?: number; hostname?: string;
    errors?: unknown[]; $metadata?: { httpStatusCode?: number; requestId?: string };
  };
  // Node reports a refused dual-stack connect as an AggregateError; its parts carry the address.
  const inner = Array.isArray(e.errors) && e.errors.length > 0 ? factsOf(e.errors[0]) : undefined;
  const nodeCode = typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? e.code : undefined;
  let code: string;
  // The SDK renames ECONNRESET/EPIPE to TimeoutError; the socket code says more.
  if (nodeCode && nodeCode !== 'ETIMEDOUT') code = nodeCode;
  else if (e.name === 'TimeoutError') code = 'TimeoutError';
  else if (nodeCode) code = nodeCode;
  else if (inner && NETWORK_CODES.has(inner.code)) code = inner.code;
  else if (typeof e.Code === 'string') code = e.Code;
  else if (e.name && e.name !== 'Error' && e.name !== 'AggregateError') code = e.name;
  else code = 'Unknown';
  const address = e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : (e.hostname ?? inner?.address);
  return {
    code,
    message: e.message || inner?.message || '',
    httpStatusCode: e.$metadata?.httpStatusCode,
    requestId: e.$metadata?.requestId,
    address,
  };
}

function describeTarget(ctx: AwsCallContext): string {
  return ctx.target ? ` on ${ctx.target}` : '';
}

function ownerHint(ctx: AwsCallContext): string {
  return ctx.ownerAccountId ? `the owner (${ctx.ownerAccountId})` : 'the owner';
}

function accessDeniedMessage(ctx: AwsCallContext, message: string): string {
  const who = `Profile ${ctx.profile} may not ${ctx.operation}${describeTarget(ctx)}`;
  if (ctx.access === 'discoverOnly') {
    return `${who}: the group is only discoverable through the owner's catalog share. Ask ${ownerHint(ctx)} to share the group itself with ReadOnly or ReadWrite access.`;
  }
  if (ctx.access === 'readOnly' && WRITE_OPERATIONS.has(ctx.operation)) {
    return `${who}: the share grants read-only access. Ask ${ownerHint(ctx)} for a ReadWrite share.`;
  }
  if ((ctx.access === 'readOnly' || ctx.access === 'readWrite') && ADMIN_OPERATIONS.has(ctx.operation)) {
    return `${who}: the share does not grant admin access. Ask ${ownerHint(ctx)} for an Admin share.`;
  }
  if (ctx.access && ctx.access !== 'owner') {
    return `${who}: AWS denied access; the share may have been revoked. Refresh the list, or ask ${ownerHint(ctx)} to share it again.`;
  }
  return `${who}: AWS denied access. Check the IAM permissions of the profile's identity: it needs ${iamActionOf(ctx.operation, message)} (or ask the owner for a share).`;
}

const RAM_OPERATION = /ResourceShare|Permission|^ListResources$|^ListResourceTypes$|^ListPrincipals$|^ListPendingInvitationResources$|^EnableSharingWithAwsOrganization$/;
const STS_OPERATIONS = new Set(['GetCallerIdentity', 'AssumeRole', 'AssumeRoleWithWebIdentity', 'GetSessionToken']);

/** The IAM action that was missing: as AWS names it in the message when it does, else derived from the operation. */
export function iamActionOf(operation: string, message: string): string {
  const named = /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message);
  if (named) return named[1];
  const prefix = STS_OPERATIONS.has(operation) ? 'sts' : RAM_OPERATION.test(operation) && !/FeatureMetadata/.test(operation) ? 'ram' : 'sagemaker';
  return `${prefix}:${operation}`;
}

function credentialsMessage(ctx: AwsCallContext, message: string): string {
  // The profile name itself may contain "sso" or "mfa": classify on the rest of the message.
  const m = message.split(ctx.profile).join('<profile>').toLowerCase();
  if (m.includes('invalid sso credentials') || (m.includes("sso session '") && m.includes('could not be found')) || m.includes('incomplete configuration') || m.includes('conflicting sso') || m.includes('missing required property')) {
    return `The SSO settings of profile ${ctx.profile} are incomplete (${message}). Fix the profile in your AWS config file, then refresh.`;
  }
  if (m.includes('sso session') || m.includes('sso token') || m.includes('sso login') || m.includes('token is expired')) {
    return `The SSO session of profile ${ctx.profile} is missing or expired. Run \`aws sso login --profile ${ctx.profile}\`, then refresh.`;
  }
  if (m.includes('was not found') || m.includes('could not be found')) {
    return `Profile ${ctx.profile} (or a profile it refers to) is not in the AWS config files any more. Refresh the profile list.`;
  }
  if (m.includes('multi-factor') || m.includes('mfa code')) {
    return `Profile ${ctx.profile} needs an MFA code to assume its role. Retry and enter the code when asked.`;
  }
  if (m.includes('credential_process') || m.includes('credential process')) {
    return `The credential_process of profile ${ctx.profile} failed (${firstLine(message)}). Run the command by hand to see why, then retry.`;
  }
  if (m.includes('could not resolve credentials') || m.includes('could not load credentials') || m.includes('unable to find') || m.includes('no credentials')) {
    return `Profile ${ctx.profile} has no usable credentials. Add access keys, a role, SSO or credential_process to it in your AWS config files.`;
  }
  return `Could not get credentials for profile ${ctx.profile}: ${message}. Check the profile in your AWS config files.`;
}

/** Tool output can be long (a stack, a whole stderr): the tree shows its first line. */
function firstLine(message: string): string {
  const line = message.split('\n', 1)[0].trim().replace(/\.$/, '');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The kind of a credentials-provider failure, from its message (the SDK has one code for all of them). */
function credentialsKindOf(message: string, profile: string): ErrorKind {
  const m = message.split(profile).join('<profile>').toLowerCase();
  if (m.includes('invalid sso credentials') || (m.includes("sso session '") && m.includes('could not be found')) || m.includes('incomplete configuration') || m.includes('conflicting sso') || m.includes('missing required property')) return 'ssoConfig';
  if (m.includes('sso session') || m.includes('sso token') || m.includes('sso login') || m.includes('token is expired')) return 'ssoLogin';
  if (m.includes('was not found') || m.includes('could not be found')) return 'noCredentials';
  if (m.includes('multi-factor') || m.includes('mfa code')) return 'mfa';
  if (m.includes('credential_process') || m.includes('credential process')) return 'credentialProcess';
  return 'noCredentials';
}

function kindOf(code: string, message: string, profile: string): ErrorKind {
  if (NETWORK_CODES.has(code) || code === 'TimeoutError') return 'unreachable';
  switch (code) {
    case 'CredentialsProviderError':
    case 'TokenProviderError':
      return credentialsKindOf(message, profile);
    case CREDENTIALS_TIMEOUT_CODE:
      return 'credentialsTimeout';
    case 'RegionMissing':
      return 'regionMissing';
    case 'AccessForbidden':
    case 'AccessDeniedException':
    case 'AccessDenied':
    case 'UnauthorizedOperation':
      return 'accessDenied';
    case 'ThrottlingException':
    case 'Throttling':
    case 'TooManyRequestsException':
    case 'ProvisionedThroughputExceededException':
      return 'throttled';
    case 'ResourceNotFound':
    case 'ResourceNotFoundException':
    case 'UnknownResourceException':
      return 'notFound';
    case 'ValidationError':
    case 'ValidationException':
    case 'InvalidParameterException':
    case 'MissingRequiredParameterException':
    case 'MalformedArnException':
      return 'invalid';
    case 'InternalFailure':
    case 'ServerInternalException':
    case 'ServiceUnavailable':
    case 'ServiceUnavailableException':
    case 'InternalServerError':
      return 'internal';
    default:
      return REJECTED_CREDENTIALS_CODES.has(code) ? 'credentialsRejected' : 'other';
  }
}

function networkMessage(ctx: AwsCallContext, facts: ErrorFacts): string {
  const where = ctx.endpoint ?? facts.address ?? 'the AWS endpoint';
  if (facts.code === 'TimeoutError' || facts.code === 'ETIMEDOUT') {
    return `${where} did not answer ${ctx.operation} for profile ${ctx.profile} in time. Check the network or the endpoint_url of the profile (is the local sandbox running?), then retry.`;
  }
  if (facts.code === 'ENOTFOUND' || facts.code === 'EAI_AGAIN') {
    return `The host of ${where} could not be resolved for profile ${ctx.profile}. Check the endpoint_url or the region of the profile, and the network.`;
  }
  const how =
    facts.code === 'ECONNREFUSED' ? 'refused the connection'
    : facts.code === 'ECONNRESET' || facts.code === 'EPIPE' ? `dropped the connection (${facts.code})`
    : `is unreachable (${facts.code})`;
  return `${where} ${how} for ${ctx.operation} of profile ${ctx.profile}. Start the local sandbox or fix the profile's endpoint_url, then retry.`;
}

function messageFor(ctx: AwsCallContext, facts: ErrorFacts): string {
  const { code, message } = facts;
  const detail = message ? `: ${message.replace(/\.$/, '')}` : '';
  if (NETWORK_CODES.has(code) || code === 'TimeoutError') return networkMessage(ctx, facts);
  switch (code) {
    case 'CredentialsProviderError':
    case 'TokenProviderError':
      return credentialsMessage(ctx, message);
    case 'AccessForbidden':
    case 'AccessDeniedException':
    case 'AccessDenied':
    case 'UnauthorizedOperation':
      return accessDeniedMessage(ctx, message);
    case 'ResourceNotFound':
    case 'ResourceNotFoundException':
      return `${ctx.target ?? 'The feature group'} was not found for profile ${ctx.profile}: it may have been deleted, or its share revoked. Refresh the list.`;
    case 'ValidationError':
    case 'ValidationException':
    case 'InvalidParameterException':
    case 'MissingRequiredParameterException':
      return `AWS rejected ${ctx.operation}${describeTarget(ctx)} as invalid${detail}. Correct the input and try again.`;
    case 'ThrottlingException':
    case 'Throttling':
    case 'TooManyRequestsException':
    case 'ProvisionedThroughputExceededException':
      return `AWS is throttling ${ctx.operation} for profile ${ctx.profile} (still after retries). Wait a few seconds and try again.`;
    case 'UnknownResourceException':
      return `RAM does not know ${ctx.target ?? 'the resource or share'}: it may have been deleted, or belongs to another region. Refresh the list.`;
    case 'MalformedArnException':
      return `${ctx.target ? `"${ctx.target}"` : 'The ARN'} is not a valid ARN for ${ctx.operation}. Copy the ARN again from the tree or the console.`;
    case 'ResourceShareInvitationAlreadyAcceptedException':
      return 'This invitation was already accepted. Refresh the Invitations list; the shared group appears under Shared with me.';
    case 'ResourceShareInvitationAlreadyRejectedException':
      return 'This invitation was already rejected. Ask the owner to share the feature group again if you need it.';
    case 'ResourceShareInvitationExpiredException':
      return 'This invitation has expired. Ask the owner to share the feature group again.';
    case 'ResourceShareInvitationArnNotFoundException':
      return 'This invitation no longer exists. Refresh the Invitations list.';
    case 'OperationNotPermittedException':
      return `RAM does not permit ${ctx.operation} for profile ${ctx.profile}${detail}. Check that this kind of sharing is allowed (for example sharing outside your organization).`;
    case 'ResourceShareLimitExceededException':
      return `Profile ${ctx.profile} has reached the RAM limit on resource shares. Delete unused shares or request a higher quota.`;
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
    case 'InvalidSignatureException':
    case 'SignatureDoesNotMatch':
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return `AWS rejected the credentials of profile ${ctx.profile} (${code}): they are wrong or expired. Refresh them (for SSO: \`aws sso login --profile ${ctx.profile}\`) and retry.`;
    case 'InternalFailure':
    case 'ServerInternalException':
    case 'ServiceUnavailable':
    case 'ServiceUnavailableException':
    case 'InternalServerError':
      return `AWS had an internal error on ${ctx.operation} (${code}). Try again in a moment.`;
    case 'RegionMissing':
      return `Profile ${ctx.profile} has no region. Set \`region\` in the profile, then refresh.`;
    case CREDENTIALS_TIMEOUT_CODE:
      return `${message.replace(/\.$/, '')}: its credential_process, SSO or role chain did not finish. Check the profile (run the command by hand, or \`aws sts get-caller-identity --profile ${ctx.profile}\`), then retry.`;
    default:
      return `${ctx.operation}${describeTarget(ctx)} failed for profile ${ctx.profile} with ${code}${detail}. See the Feature Store log for details.`;
  }
}

export function toAwsCallError(err: unknown, ctx: AwsCallContext): AwsCallError {
  if (err instanceof AwsCallError) return err;
  const facts = factsOf(err);
  if (facts.code === 'Unknown' && /region is missing/i.test(facts.message)) facts.code = 'RegionMissing';
  // A 5xx without a modelled code still deserves the "try again" sentence.
  if (facts.code === 'Unknown' && facts.httpStatusCode && facts.httpStatusCode >= 500) facts.code = 'InternalFailure';
  return new AwsCallError({
    code: facts.code,
    operation: ctx.operation,
    profile: ctx.profile,
    userMessage: messageFor(ctx, facts),
    detail: facts.message,
    target: ctx.target,
    httpStatusCode: facts.httpStatusCode,
    requestId: facts.requestId,
    cause: err,
  });
}
