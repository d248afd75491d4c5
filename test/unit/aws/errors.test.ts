import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CredentialsProviderError } from '@smithy/core/config';
import { AccessForbidden } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { UnknownResourceException } from '@aws-sdk/client-ram';
import { AwsCallError, toAwsCallError } from '../../../src/aws/errors';

const base = { profile: 'marketing', operation: 'PutRecord', target: 'customer-profile' };

function serviceError(name: string, message = 'm', status = 400) {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status, requestId: 'req-1' } });
}

describe('toAwsCallError', () => {
  test('keeps code, operation, profile, status and request id', () => {
    const e = toAwsCallError(serviceError('ValidationError', 'bad value'), base);
    assert.ok(e instanceof AwsCallError);
    assert.equal(e.code, 'ValidationError');
    assert.equal(e.operation, 'PutRecord');
    assert.equal(e.profile, 'marketing');
    assert.equal(e.httpStatusCode, 400);
    assert.equal(e.requestId, 'req-1');
    assert.equal(e.userMessage, 'AWS rejected PutRecord on customer-profile as invalid: bad value. Correct the input and try again.');
  });

  test('an SDK exception class is recognised by its name', () => {
    const sdk = new AccessForbidden({ message: 'denied', $metadata: { httpStatusCode: 403 } });
    const e = toAwsCallError(sdk, { ...base, access: 'readOnly', ownerAccountId: '111111111111' });
    assert.equal(e.code, 'AccessForbidden');
    assert.equal(e.userMessage, 'Profile marketing may not PutRecord on customer-profile: the share grants read-only access. Ask the owner (111111111111) for a ReadWrite share.');
    const ram = toAwsCallError(new UnknownResourceException({ message: 'no such share', $metadata: {} }), { profile: 'p', operation: 'AcceptResourceShareInvitation', target: 'arn:x' });
    assert.equal(ram.code, 'UnknownResourceException');
    assert.match(ram.userMessage, /RAM does not know arn:x/);
  });

  test('AccessDenied explains discover-only groups and unknown access differently', () => {
    const discover = toAwsCallError(serviceError('AccessDeniedException'), { ...base, operation: 'GetRecord', access: 'discoverOnly', ownerAccountId: '111111111111' });
    assert.match(discover.userMessage, /only discoverable .* Ask the owner \(111111111111\) to share the group itself/);
    const plain = toAwsCallError(serviceError('AccessDeniedException'), { profile: 'p', operation: 'ListFeatureGroups' });
    assert.match(plain.userMessage, /^Profile p may not ListFeatureGroups: AWS denied access\. Check the IAM permissions/);
    const admin = toAwsCallError(serviceError('AccessDeniedException'), { ...base, operation: 'UpdateFeatureGroup', access: 'readWrite' });
    assert.match(admin.userMessage, /does not grant admin access/);
  });

  const table: [string, RegExp][] = [
    ['ResourceNotFound', /customer-profile was not found for profile marketing: .*Refresh the list\./],
    ['ValidationException', /as invalid/],
    ['ThrottlingException', /throttling PutRecord .*Wait a few seconds/],
    ['MalformedArnException', /"customer-profile" is not a valid ARN/],
    ['ResourceShareInvitationAlreadyAcceptedException', /already accepted/],
    ['ResourceShareInvitationAlreadyRejectedException', /already rejected/],
    ['ResourceShareInvitationExpiredException', /has expired\. Ask the owner/],
    ['OperationNotPermittedException', /RAM does not permit PutRecord .*outside your organization/],
    ['ServiceUnavailable', /internal error .*Try again/],
    ['UnrecognizedClientException', /rejected the credentials of profile marketing/],
  ];
  for (const [code, expected] of table) {
    test(`${code} gets its own sentence`, () => {
      const e = toAwsCallError(serviceError(code), base);
      assert.equal(e.code, code);
      assert.match(e.userMessage, expected);
    });
  }

  test('credentials: missing, SSO expired, MFA', () => {
    const none = toAwsCallError(new CredentialsProviderError('Could not resolve credentials using profile: [x] in configuration/credentials file(s).'), base);
    assert.equal(none.code, 'CredentialsProviderError');
    assert.match(none.userMessage, /Profile marketing has no usable credentials/);
    const sso = toAwsCallError(new CredentialsProviderError('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.'), base);
    assert.equal(sso.userMessage, 'The SSO session of profile marketing is missing or expired. Run `aws sso login --profile marketing`, then refresh.');
    const mfa = toAwsCallError(new CredentialsProviderError('Profile marketing requires multi-factor authentication, but no MFA code callback was provided.'), base);
    assert.match(mfa.userMessage, /needs an MFA code/);
  });

  test('connection refused and timeouts name the endpoint', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9 });
    const e = toAwsCallError(refused, { ...base, endpoint: 'http://127.0.0.1:9' });
    assert.equal(e.code, 'ECONNREFUSED');
    assert.equal(e.userMessage, 'http://127.0.0.1:9 refused the connection for PutRecord of profile marketing. Start the local sandbox or fix the profile\'s endpoint_url, then retry.');
    const noEndpoint = toAwsCallError(refused, base);
    assert.match(noEndpoint.userMessage, /^127\.0\.0\.1:9 refused/);
    const aggregate = Object.assign(new AggregateError([refused], ''), { code: 'ECONNREFUSED' });
    assert.equal(toAwsCallError(aggregate, base).code, 'ECONNREFUSED');
    const timeout = Object.assign(new Error('the request socket did not establish a connection'), { name: 'TimeoutError' });
    const t = toAwsCallError(timeout, { ...base, endpoint: 'http://10.0.0.1:4566' });
    assert.equal(t.code, 'TimeoutError');
    assert.match(t.userMessage, /^http:\/\/10\.0\.0\.1:4566 did not answer PutRecord for profile marketing in time/);
  });

  test('unknown codes fall back to a sentence that keeps the code', () => {
    const e = toAwsCallError(serviceError('SomethingNewException', 'odd'), base);
    assert.equal(e.code, 'SomethingNewException');
    assert.equal(e.userMessage, 'PutRecord on customer-profile failed for profile marketing with SomethingNewException: odd. See the Feature Store log for details.');
    assert.equal(toAwsCallError('a string', base).code, 'Unknown');
    assert.equal(toAwsCallError(serviceError('Error', 'boom', 502), base).code, 'InternalFailure');
  });

  test('an AwsCallError passes through unchanged', () => {
    const first = toAwsCallError(serviceError('ThrottlingException'), base);
    assert.equal(toAwsCallError(first, { profile: 'other', operation: 'X' }), first);
  });
});

describe('credentials messages are not fooled by the profile name', () => {
  test('a profile called sso-user whose profile is missing is reported as missing', () => {
    const e = toAwsCallError(new CredentialsProviderError('Profile sso-user was not found.'), { profile: 'sso-user', operation: 'ListFeatureGroups' });
    assert.match(e.userMessage, /^Profile sso-user \(or a profile it refers to\) is not in the AWS config files/);
  });
  test('the token-provider wording for a missing SSO token asks for aws sso login', () => {
    const e = toAwsCallError(
      new CredentialsProviderError("The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."),
      { profile: 'dev', operation: 'Search' },
    );
    assert.match(e.userMessage, /aws sso login --profile dev/);
  });
});
