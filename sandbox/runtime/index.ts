// Feature Store runtime (restJson1). The group name or ARN is one percent-encoded path segment,
// so the raw path is split on '/' before each segment is decoded (aws-facts §0.5).
import { parseJsonBody } from '../check';
import { ApiError } from '../errors';
import { jsonAuthErrors } from '../http/authErrors';
import { jsonError, jsonReply, type SandboxRequest, type Service } from '../http/service';
import { batchGetRecord, batchWriteRecord, listRecords, updateRecord } from './batch';
import { deleteRecord, getRecord, putRecord } from './records';

const CONTENT_TYPE = 'application/json';
const MUTATING = new Set(['PutRecord', 'DeleteRecord', 'BatchWriteRecord', 'UpdateRecord']);

interface Route { operation: string; group: string }

export function runtimeRoute(method: string, path: string): Route | undefined {
  if (path === '/BatchGetRecord') return method === 'POST' ? { operation: 'BatchGetRecord', group: '' } : undefined;
  if (path === '/BatchWriteRecord') return method === 'POST' ? { operation: 'BatchWriteRecord', group: '' } : undefined;
  const parts = path.split('/');
  if (parts[1] !== 'FeatureGroup' || parts.length < 3 || parts.length > 4 || parts[2] === '') return undefined;
  let group: string;
  try {
    group = decodeURIComponent(parts[2]);
  } catch {
    throw new ApiError('ValidationError', 'The feature group name in the path is not valid percent-encoding');
  }
  if (parts.length === 3) {
    const op = method === 'GET' ? 'GetRecord' : method === 'PUT' ? 'PutRecord' : method === 'DELETE' ? 'DeleteRecord' : undefined;
    return op ? { operation: op, group } : undefined;
  }
  if (method === 'POST' && parts[3] === 'ListRecords') return { operation: 'ListRecords', group };
  if (method === 'POST' && parts[3] === 'Record') return { operation: 'UpdateRecord', group };
  return undefined;
}

function routeOf(req: SandboxRequest): Route {
  const route = runtimeRoute(req.method, req.path);
  if (!route) throw new ApiError('UnknownOperationException', `No operation matches ${req.method} ${req.path}`, 404);
  return route;
}

export const runtimeService: Service = {
  name: 'runtime',
  operation: (req) => routeOf(req).operation,
  invoke(core, caller, operation, req) {
    const { group } = routeOf(req);
    const body = () => parseJsonBody(req.body, (m) => new ApiError('ValidationError', m));
    switch (operation) {
      case 'GetRecord': return getRecord(core, caller, group, req.query);
      case 'PutRecord': return putRecord(core, caller, group, body());
      case 'DeleteRecord': return deleteRecord(core, caller, group, req.query);
      case 'BatchGetRecord': return batchGetRecord(core, caller, body());
      case 'BatchWriteRecord': return batchWriteRecord(core, caller, body());
      case 'ListRecords': return listRecords(core, caller, group, body());
      default: return updateRecord(core, caller, group, body());
    }
  },
  mutating: (operation) => MUTATING.has(operation),
  reply: (_op, result, requestId) => jsonReply(200, CONTENT_TYPE, result, requestId),
  error: (err, requestId) => jsonError(err, CONTENT_TYPE, 'Message', requestId),
  faultError: (kind) => kind === 'throttle'
    ? new ApiError('ThrottlingException', 'Rate exceeded', 429)
    : new ApiError('InternalFailure', 'An internal error occurred (injected by the sandbox)', 500),
  authErrors: jsonAuthErrors(403),
  badRequest: (message) => new ApiError('ValidationError', message),
};
