// STS (awsQuery protocol, XML replies): GetCallerIdentity, and AssumeRole into another sandbox
// account; the temporary access key id (ASIA…) then maps to the role's account.
import { createHash, randomBytes } from 'node:crypto';
import type { Caller, Core } from './core';
import { ApiError } from './errors';
import { badPercentEncoding } from './http/body';
import type { HttpReply, SandboxRequest, Service } from './http/service';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::([0-9]{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const SESSION_RE = /^[\w+=,.@-]{2,64}$/;
const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function xmlEscape(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function xml(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${typeof v === 'object' ? xml(v as Record<string, unknown>) : xmlEscape(String(v))}</${k}>`)
    .join('');
}

function params(req: SandboxRequest): URLSearchParams {
  const merged = new URLSearchParams(req.query);
  if (req.body.length === 0) return merged;
  const form = req.body.toString('utf8');
  // The query string was checked by the server; the form body carries the same kind of parameters.
  const broken = badPercentEncoding(form);
  if (broken !== undefined) throw new ApiError('MalformedInput', `The request body is not valid percent-encoded UTF-8: ${broken}`);
  for (const [k, v] of new URLSearchParams(form)) merged.append(k, v);
  return merged;
}

function randomKey(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (let i = 0; i < length; i++) out += KEY_CHARS[bytes[i] % KEY_CHARS.length];
  return out;
}

function validation(member: string, value: string | null, constraint: string): ApiError {
  return new ApiError('ValidationError', `1 validation error detected: Value ${value === null ? 'null' : `'${value}'`} at '${member}' failed to satisfy constraint: ${constraint}`);
}

/** Checks the role and session, then issues temporary credentials that act as the role's account. */
function issueRoleCredentials(core: Core, p: URLSearchParams): { result: Record<string, unknown>; accountId: string } {
  const roleArn = p.get('RoleArn');
  const session = p.get('RoleSessionName');
  if (roleArn === null) throw validation('roleArn', null, 'Member must not be null');
  if (session === null) throw validation('roleSessionName', null, 'Member must not be null');
  const role = ROLE_ARN_RE.exec(roleArn);
  if (!role) throw new ApiError('ValidationError', `${roleArn} is invalid`);
  if (!SESSION_RE.test(session)) throw validation('roleSessionName', session, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  const duration = Number(p.get('DurationSeconds') ?? 3600);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
    throw validation('durationSeconds', p.get('DurationSeconds'), 'Member must have value between 900 and 43200');
  }
  const [, accountId, , roleName] = role;
  const now = core.now();
  const temps = core.state.temporaryCredentials;
  for (const [key, cred] of Object.entries(temps)) if (cred.expiration <= now) delete temps[key];
  const roleId = `AROA${createHash('sha256').update(roleArn).digest('hex').slice(0, 17).toUpperCase()}`;
  const accessKeyId = randomKey('ASIA', 16);
  const arn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${session}`;
  const expiration = now + duration * 1000;
  temps[accessKeyId] = { accountId, arn, userId: `${roleId}:${session}`, roleArn, expiration };
  return {
    accountId,
    result: {
      Credentials: {
        AccessKeyId: accessKeyId,
        SecretAccessKey: randomBytes(30).toString('base64'),
        SessionToken: `sandbox/${randomBytes(48).toString('base64')}`,
        Expiration: new Date(expiration).toISOString(),
      },
      AssumedRoleUser: { AssumedRoleId: `${roleId}:${session}`, Arn: arn },
    },
  };
}

function assumeRole(core: Core, p: URLSearchParams): Record<string, unknown> {
  const { result } = issueRoleCredentials(core, p);
  return { ...result, PackedPolicySize: p.has('Policy') ? 6 : undefined };
}

/**
 * AssumeRoleWithWebIdentity is unsigned (the token is the credential). The sandbox trusts any
 * well-formed token, as a role trusting every identity provider would; AWS would verify it.
 */
function assumeRoleWithWebIdentity(core: Core, p: URLSearchParams): Record<string, unknown> {
  const token = p.get('WebIdentityToken');
  if (token === null) throw validation('webIdentityToken', null, 'Member must not be null');
  if (token.length < 4 || token.length > 20000) throw validation('webIdentityToken', '***', 'Member must have length between 4 and 20000');
  const { result } = issueRoleCredentials(core, p);
  return { ...result, SubjectFromWebIdentityToken: 'sandbox-subject', Provider: p.get('ProviderId') ?? 'sandbox', Audience: 'sandbox' };
}

function callerIdentity(caller: Caller): Record<string, unknown> {
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
}

const ACTIONS = new Set(['GetCallerIdentity', 'AssumeRole', 'AssumeRoleWithWebIdentity']);

export const stsService: Service = {
  name: 'sts',
  operation(req) {
    const action = params(req).get('Action') ?? '';
    if (!ACTIONS.has(action)) throw new ApiError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
    return action;
  },
  invoke(core, caller, operation, req) {
    return operation === 'AssumeRole' ? assumeRole(core, params(req)) : callerIdentity(caller);
  },
  unsigned: (operation) => operation === 'AssumeRoleWithWebIdentity',
  invokeUnsigned: (core, _operation, req) => assumeRoleWithWebIdentity(core, params(req)),
  mutating: (operation) => operation !== 'GetCallerIdentity',
  reply(operation, result, requestId): HttpReply {
    const body = `<${operation}Response xmlns="${XMLNS}"><${operation}Result>${xml(result as Record<string, unknown>)}</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
  },
  error(err, requestId): HttpReply {
    const type = err.status >= 500 ? 'Receiver' : 'Sender';
    const body = `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status: err.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
  },
  faultError: (kind) => kind === 'throttle'
    ? new ApiError('Throttling', 'Rate exceeded', 400)
    : new ApiError('InternalFailure', 'An internal error occurred (injected by the sandbox)', 500),
  authErrors: {
    missing: new ApiError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403),
    incomplete: new ApiError('IncompleteSignature', "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.", 400),
    unknownKey: new ApiError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
    expired: new ApiError('ExpiredToken', 'The security token included in the request is expired', 400),
  },
  badRequest: (message) => new ApiError('MalformedInput', message),
};
