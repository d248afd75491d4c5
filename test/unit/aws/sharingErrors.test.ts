// Every RAM error code (aws-facts §2.5) the sharing calls can meet is worded: a sentence that names
// the cause and a next step; the AwsCallError keeps RAM's code and message for the log.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AwsCallError, toAwsCallError } from '../../../src/aws/errors';
import { ramUserMessage, refineRamError } from '../../../src/aws/ramErrors';

const ctx = { profile: 'analytics', operation: 'AssociateResourceShare', subject: 'the share "orders"', ownerAccountId: '111111111111' };

/** Codes the sandbox returns for the sharing calls, with a message it sends. */
const SANDBOX_CODES: Array<[code: string, message: string, expected: RegExp]> = [
  ['MalformedArnException', 'The format of ARN x is not valid.', /could not read an ARN/],
  ['UnknownResourceException', 'ResourceShare arn:x could not be found.', /^The share "orders" no longer exists/],
  ['UnknownResourceException', '222222222222 is not associated with resource share arn:x.', /no longer part of the share "orders"/],
  ['UnknownResourceException', 'Permission arn:p could not be found.', /does not know the permission/],
  ['UnknownResourceException', 'Principal arn:o could not be found in your organization.', /could not find a principal/],
  ['UnknownResourceException', 'Resource arn:r could not be found.', /does not exist.*feature group may have been deleted/],
  ['InvalidParameterException', 'The resource share owner cannot be a principal of its own share.', /rejected AssociateResourceShare the share "orders" \(The resource share owner cannot be a principal of its own share\)\. Correct/],
  ['MissingRequiredParameterException', 'name is required', /required value is missing/],
  ['InvalidNextTokenException', 'The specified value for NextToken is not valid.', /Refresh to list again/],
  ['InvalidResourceTypeException', 'The specified resource type x is not valid.', /does not recognise the resource type/],
  ['InvalidStateTransitionException', 'Resource share arn:x is already deleted.', /cannot change now.*deleted share/],
  ['OperationNotPermittedException', 'Unable to share with your organization: sharing with AWS Organizations is not enabled. Call EnableSharingWithAwsOrganization first.', /^Sharing with AWS Organizations is not enabled/],
  ['OperationNotPermittedException', 'IAM roles and users can be principals only inside your organization with sharing enabled: arn', /Share with the account id instead/],
  ['OperationNotPermittedException', 'Account 222222222222 does not own resource share arn:x.', /Profile analytics does not own the share "orders"/],
  ['OperationNotPermittedException', 'Resource arn:r is not owned by account 222222222222.', /can share only what its own account owns/],
  ['OperationNotPermittedException', 'Only the management account of an organization can enable sharing with AWS Organizations.', /management account/],
  ['IdempotentParameterMismatchException', 'The client token t was already used with different parameters.', /Try again: a new attempt/],
  ['ResourceShareInvitationAlreadyAcceptedException', 'already accepted', /already accepted.*Shared with me/],
  ['ResourceShareInvitationAlreadyRejectedException', 'already rejected', /already rejected\. Ask the owner \(111111111111\)/],
  ['ResourceShareInvitationArnNotFoundException', 'could not be found', /no longer exists.*Refresh the Invitations list/],
  ['ResourceShareInvitationExpiredException', 'expired', /has expired: RAM invitations are valid for 7 days\. Ask the owner \(111111111111\) to add your account/],
  ['ThrottlingException', 'Rate exceeded', /throttling.*try again/],
  ['ServerInternalException', 'internal', /Try again in a moment/],
];

/** The rest of RAM's modelled errors for these operations. */
const OTHER_CODES = ['InvalidClientTokenException', 'InvalidMaxResultsException', 'ResourceShareLimitExceededException', 'TagLimitExceededException', 'TagPolicyViolationException', 'ServiceUnavailableException'];

describe('ramUserMessage', () => {
  for (const [code, message, expected] of SANDBOX_CODES) {
    test(`${code}: ${message.slice(0, 40)}`, () => {
      const sentence = ramUserMessage(code, message, ctx);
      assert.ok(sentence, `no sentence for ${code}`);
      assert.match(sentence, expected);
      assert.match(sentence, /\.$/);
      assert.doesNotMatch(sentence, /Exception/);
    });
  }

  test('every other modelled RAM error has a sentence too', () => {
    for (const code of OTHER_CODES) {
      const sentence = ramUserMessage(code, 'x', ctx);
      assert.ok(sentence && sentence.endsWith('.'), code);
    }
  });

  test('credentials, network and access errors keep the general wording', () => {
    for (const code of ['AccessDeniedException', 'CredentialsProviderError', 'ECONNREFUSED', 'UnrecognizedClientException']) assert.equal(ramUserMessage(code, 'x', ctx), undefined);
  });
});

describe('refineRamError', () => {
  test("keeps RAM's code, operation and message, and replaces the sentence", () => {
    const sdkError = Object.assign(new Error('ResourceShare arn:x could not be found.'), { name: 'UnknownResourceException', $metadata: { httpStatusCode: 400, requestId: 'r-1' } });
    const general = toAwsCallError(sdkError, { profile: 'analytics', operation: 'DeleteResourceShare', target: 'arn:x' });
    const refined = refineRamError(general, { profile: 'analytics', operation: 'DeleteResourceShare', subject: 'the share' });
    assert.ok(refined instanceof AwsCallError);
    assert.equal(refined.code, 'UnknownResourceException');
    assert.equal(refined.operation, 'DeleteResourceShare');
    assert.equal(refined.target, 'arn:x');
    assert.equal(refined.requestId, 'r-1');
    assert.match(refined.message, /could not be found/, 'the log line keeps what RAM said');
    assert.match(refined.userMessage, /^The share no longer exists/);
  });

  test('leaves other failures alone', () => {
    const other = new Error('boom');
    assert.equal(refineRamError(other, ctx), other);
    const network = toAwsCallError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), { profile: 'analytics', operation: 'GetResourceShares' });
    assert.equal(refineRamError(network, ctx), network);
  });
});
