// RAM's errors in words. errors.ts words what every service shares (credentials, network, throttling,
// access denied); RAM codes such as OperationNotPermittedException cover several causes, told apart
// here by the operation and RAM's own message, so the sentence names the cause and the next step.
// The AwsCallError keeps RAM's code (and its message as detail) for the log.
import { AwsCallError } from './errors';

export interface RamErrorContext {
  profile: string;
  operation: string;
  /** What the call was about in words, e.g. `the share "orders-for-bi"` or `the invitation "x"`. */
  subject?: string;
  /** Account that owns the share or sent the invitation, named as the person to ask. */
  ownerAccountId?: string;
}

function clean(message: string): string {
  return message.trim().replace(/\.$/, '');
}

const ORG_SHARING_OFF =
  "Sharing with AWS Organizations is not enabled, so RAM cannot share with an organization, an OU, or IAM roles and users. Ask your organization's management account to enable it (RAM settings, or `aws ram enable-sharing-with-aws-organization`), or share with account ids.";

/** The sentence for a RAM error code, or undefined to keep the general one of errors.ts. */
export function ramUserMessage(code: string, serviceMessage: string, ctx: RamErrorContext): string | undefined {
  const msg = clean(serviceMessage);
  const said = msg ? ` (${msg})` : '';
  const about = ctx.subject ? ` ${ctx.subject}` : '';
  const subject = ctx.subject ?? 'the share';
  const owner = ctx.ownerAccountId ? `the owner (${ctx.ownerAccountId})` : 'the owner';
  switch (code) {
    case 'MalformedArnException':
      return `RAM could not read an ARN in ${ctx.operation}${said}. Copy the ARN again from the tree or the AWS console, then retry.`;
    case 'UnknownResourceException':
      if (/not associated/i.test(msg)) return `That is no longer part of ${subject}${said}. Refresh My shares to see what it holds now.`;
      if (/resource ?share\b/i.test(msg)) return `${capitalize(subject)} no longer exists${said}: it was deleted, or belongs to another region. Refresh My shares.`;
      if (/permission/i.test(msg)) return `RAM does not know the permission used by ${ctx.operation}${said}. Refresh, then choose a permission from the list RAM offers.`;
      if (/principal|organization/i.test(msg)) return `RAM could not find a principal${said}. Check that the organization or OU ARN belongs to your own organization, then try again.`;
      if (/resource/i.test(msg)) return `A resource of ${ctx.operation} does not exist${said}. Refresh the view: the feature group may have been deleted.`;
      return `RAM does not know what ${ctx.operation} names${said}. Refresh the view and try again.`;
    case 'InvalidParameterException':
      return `RAM rejected ${ctx.operation}${about}${said}. Correct the request and try again.`;
    case 'MissingRequiredParameterException':
      return `RAM rejected ${ctx.operation}: a required value is missing${said}. Fill it in and try again.`;
    case 'InvalidNextTokenException':
    case 'InvalidMaxResultsException':
      return `RAM refused to continue the listing of ${ctx.operation}${said}. Refresh to list again from the start.`;
    case 'InvalidResourceTypeException':
      return `RAM does not recognise the resource type in ${ctx.operation}${said}. Refresh; if it happens again, report it with the Feature Store log.`;
    case 'InvalidStateTransitionException':
      return `${capitalize(subject)} cannot change now${said}. Refresh My shares: a deleted share can be neither changed nor deleted again.`;
    case 'OperationNotPermittedException':
      if (/iam roles and users/i.test(msg)) {
        return `RAM shares with IAM roles and users only inside your organization, with sharing with AWS Organizations enabled${said}. Share with the account id instead, or ask the management account to enable organization sharing.`;
      }
      if (/organi[sz]ations?\b.*not enabled|not enabled.*organi[sz]ation/i.test(msg)) return ORG_SHARING_OFF;
      if (/management account/i.test(msg)) return `Only the management account of the organization can enable sharing with AWS Organizations${said}. Run it with a profile of the management account.`;
      if (/does not own/i.test(msg)) return `Profile ${ctx.profile} does not own ${subject}: only the account that created a share can change it. Use the owner's profile.`;
      if (/not owned by/i.test(msg)) return `Profile ${ctx.profile} can share only what its own account owns${said}. Share it from the owner's profile.`;
      return `RAM does not permit ${ctx.operation} for profile ${ctx.profile}${said}. Check the share's settings (ownership, sharing outside your organization) and try again.`;
    case 'IdempotentParameterMismatchException':
    case 'InvalidClientTokenException':
      return `RAM matched ${ctx.operation} to an earlier request with different values${said}. Try again: a new attempt sends a new client token.`;
    case 'ResourceShareInvitationExpiredException':
      return `The invitation${about} has expired: RAM invitations are valid for 7 days. Ask ${owner} to add your account to the share again; that sends a new invitation.`;
    case 'ResourceShareInvitationArnNotFoundException':
      return `The invitation${about} no longer exists: ${owner} may have deleted the share or removed your account. Refresh the Invitations list.`;
    case 'ResourceShareInvitationAlreadyAcceptedException':
      return `The invitation${about} was already accepted. Refresh the view: the shared groups are under Shared with me.`;
    case 'ResourceShareInvitationAlreadyRejectedException':
      return `The invitation${about} was already rejected. Ask ${owner} to share again if you need access.`;
    case 'ResourceShareLimitExceededException':
      return `Profile ${ctx.profile} has reached a RAM limit on shares or their associations${said}. Delete unused shares (My shares) or request a higher quota.`;
    case 'TagLimitExceededException':
    case 'TagPolicyViolationException':
      return `RAM refused the tags of ${ctx.operation}${said}. Adjust the tags to your organization's tag policy and try again.`;
    case 'ThrottlingException':
      return `AWS RAM is throttling ${ctx.operation} for profile ${ctx.profile} (still after retries). Wait a few seconds and try again.`;
    case 'ServerInternalException':
    case 'ServiceUnavailableException':
      return `AWS RAM could not answer ${ctx.operation} just now (an internal error on its side). Try again in a moment.`;
    default:
      return undefined;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The same failure with RAM's sentence; anything else (network, credentials, throttling) is kept as is. */
export function refineRamError(err: unknown, ctx: RamErrorContext): unknown {
  if (!(err instanceof AwsCallError)) return err;
  const cause = err.cause as { message?: unknown } | undefined;
  const serviceMessage = typeof cause?.message === 'string' ? cause.message : '';
  const userMessage = ramUserMessage(err.code, serviceMessage, ctx);
  if (!userMessage) return err;
  return new AwsCallError({
    code: err.code,
    operation: err.operation,
    profile: err.profile,
    userMessage,
    detail: serviceMessage || undefined,
    target: err.target,
    httpStatusCode: err.httpStatusCode,
    requestId: err.requestId,
    cause: err.cause,
  });
}
