// SageMaker control plane (awsJson1_1): POST / with `X-Amz-Target: SageMaker.<Operation>`.
import { parseJsonBody, type Json } from '../check';
import type { Caller, Core } from '../core';
import { ApiError } from '../errors';
import { jsonAuthErrors } from '../http/authErrors';
import { jsonError, jsonReply, type Service } from '../http/service';
import { listResourceCatalogs } from './catalogs';
import { createFeatureGroup, deleteFeatureGroup, describeFeatureGroup, listFeatureGroups, updateFeatureGroup } from './featureGroups';
import { describeFeatureMetadata, updateFeatureMetadata } from './metadata';
import { search } from './search';
import { addTags, deleteTags, listTags } from './tags';

type Handler = (core: Core, caller: Caller, input: Json) => unknown;

const HANDLERS: Record<string, Handler> = {
  CreateFeatureGroup: createFeatureGroup,
  DescribeFeatureGroup: describeFeatureGroup,
  ListFeatureGroups: listFeatureGroups,
  DeleteFeatureGroup: deleteFeatureGroup,
  UpdateFeatureGroup: updateFeatureGroup,
  DescribeFeatureMetadata: describeFeatureMetadata,
  UpdateFeatureMetadata: updateFeatureMetadata,
  Search: search,
  ListResourceCatalogs: listResourceCatalogs,
  AddTags: addTags,
  DeleteTags: deleteTags,
  ListTags: listTags,
};
const MUTATING = new Set(['CreateFeatureGroup', 'DeleteFeatureGroup', 'UpdateFeatureGroup', 'UpdateFeatureMetadata', 'AddTags', 'DeleteTags']);
const CONTENT_TYPE = 'application/x-amz-json-1.1';

export const sagemakerService: Service = {
  name: 'sagemaker',
  operation(req) {
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = target.startsWith('SageMaker.') ? target.slice('SageMaker.'.length) : '';
    if (!Object.hasOwn(HANDLERS, op)) throw new ApiError('UnknownOperationException', `Unknown operation ${target}`);
    return op;
  },
  invoke(core, caller, operation, req) {
    const input = parseJsonBody(req.body, (m) => new ApiError('SerializationException', m));
    return HANDLERS[operation](core, caller, input);
  },
  mutating: (operation) => MUTATING.has(operation),
  reply: (_op, result, requestId) => jsonReply(200, CONTENT_TYPE, result ?? {}, requestId),
  error: (err, requestId) => jsonError(err, CONTENT_TYPE, 'Message', requestId),
  faultError: (kind) => kind === 'throttle'
    ? new ApiError('ThrottlingException', 'Rate exceeded', 400)
    : new ApiError('InternalFailure', 'An internal error occurred (injected by the sandbox)', 500),
  authErrors: jsonAuthErrors(400),
  badRequest: (message) => new ApiError('SerializationException', message),
};
