// SageMaker control-plane errors (awsJson1_1): modelled ones carry `Message`, status 400.
import { Check } from '../check';
import { ApiError } from '../errors';
import type { ResolveErrors } from '../access';

export const smCheck = new Check('ValidationException');

export const smResolveErrors: ResolveErrors = {
  denied: (message) => new ApiError('AccessDeniedException', message),
  notFound: (message) => new ApiError('ResourceNotFound', message),
  invalid: (message) => new ApiError('ValidationException', message),
};
