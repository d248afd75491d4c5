// The refusals JSON services send for missing, ill-formed, unknown or expired credentials.
import { ApiError } from '../errors';
import type { Service } from './service';

export function jsonAuthErrors(unknownKeyStatus: number): Service['authErrors'] {
  return {
    missing: new ApiError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403),
    incomplete: new ApiError('IncompleteSignatureException', "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.", 403),
    unknownKey: new ApiError('UnrecognizedClientException', 'The security token included in the request is invalid.', unknownKeyStatus),
    expired: new ApiError('ExpiredTokenException', 'The security token included in the request is expired', unknownKeyStatus),
  };
}
