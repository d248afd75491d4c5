// AWS RAM (restJson1): lower-case paths, camelCase members, errors with lower-case `message`.
import { parseJsonBody, type Json } from '../check';
import type { Caller, Core } from '../core';
import { ApiError } from '../errors';
import { jsonAuthErrors } from '../http/authErrors';
import { jsonError, jsonReply, type Service } from '../http/service';
import { associateResourceShare, disassociateResourceShare, getResourceShareAssociations } from './associations';
import { acceptResourceShareInvitation, getResourceShareInvitations, listPendingInvitationResources, rejectResourceShareInvitation } from './invitations';
import { enableSharingWithAwsOrganization, getPermission, listPermissions, listResourceSharePermissions, listResourceTypes } from './permissions';
import { listPrincipals, listResources } from './resources';
import { createResourceShare, deleteResourceShare, getResourceShares, updateResourceShare } from './shares';

type Handler = (core: Core, caller: Caller, input: Json) => unknown;

const ROUTES: Record<string, { operation: string; method: string; handler?: Handler; mutating?: boolean }> = {
  '/createresourceshare': { operation: 'CreateResourceShare', method: 'POST', handler: createResourceShare, mutating: true },
  '/getresourceshares': { operation: 'GetResourceShares', method: 'POST', handler: getResourceShares },
  '/updateresourceshare': { operation: 'UpdateResourceShare', method: 'POST', handler: updateResourceShare, mutating: true },
  '/deleteresourceshare': { operation: 'DeleteResourceShare', method: 'DELETE', mutating: true },
  '/associateresourceshare': { operation: 'AssociateResourceShare', method: 'POST', handler: associateResourceShare, mutating: true },
  '/disassociateresourceshare': { operation: 'DisassociateResourceShare', method: 'POST', handler: disassociateResourceShare, mutating: true },
  '/getresourceshareassociations': { operation: 'GetResourceShareAssociations', method: 'POST', handler: getResourceShareAssociations },
  '/getresourceshareinvitations': { operation: 'GetResourceShareInvitations', method: 'POST', handler: getResourceShareInvitations },
  '/acceptresourceshareinvitation': { operation: 'AcceptResourceShareInvitation', method: 'POST', handler: acceptResourceShareInvitation, mutating: true },
  '/rejectresourceshareinvitation': { operation: 'RejectResourceShareInvitation', method: 'POST', handler: rejectResourceShareInvitation, mutating: true },
  '/listpendinginvitationresources': { operation: 'ListPendingInvitationResources', method: 'POST', handler: listPendingInvitationResources },
  '/listresources': { operation: 'ListResources', method: 'POST', handler: listResources },
  '/listprincipals': { operation: 'ListPrincipals', method: 'POST', handler: listPrincipals },
  '/listpermissions': { operation: 'ListPermissions', method: 'POST', handler: listPermissions },
  '/listresourcesharepermissions': { operation: 'ListResourceSharePermissions', method: 'POST', handler: listResourceSharePermissions },
  '/getpermission': { operation: 'GetPermission', method: 'POST', handler: getPermission },
  '/listresourcetypes': { operation: 'ListResourceTypes', method: 'POST', handler: listResourceTypes },
  '/enablesharingwithawsorganization': { operation: 'EnableSharingWithAwsOrganization', method: 'POST', handler: (core, caller) => enableSharingWithAwsOrganization(core, caller), mutating: true },
};
const OPERATIONS = new Map(Object.values(ROUTES).map((r) => [r.operation, r]));
const CONTENT_TYPE = 'application/json';

export function isRamPath(path: string): boolean {
  return Object.hasOwn(ROUTES, path);
}

export const ramService: Service = {
  name: 'ram',
  operation(req) {
    const route = ROUTES[req.path];
    if (!route || route.method !== req.method) throw new ApiError('UnknownOperationException', `No operation matches ${req.method} ${req.path}`, 404);
    return route.operation;
  },
  invoke(core, caller, operation, req) {
    if (operation === 'DeleteResourceShare') return deleteResourceShare(core, caller, req.query);
    const input = parseJsonBody(req.body, (m) => new ApiError('SerializationException', m));
    return OPERATIONS.get(operation)!.handler!(core, caller, input);
  },
  mutating: (operation) => !!OPERATIONS.get(operation)?.mutating,
  reply: (_op, result, requestId) => jsonReply(200, CONTENT_TYPE, result ?? {}, requestId),
  error: (err, requestId) => jsonError(err, CONTENT_TYPE, 'message', requestId),
  faultError: (kind) => kind === 'throttle'
    ? new ApiError('ThrottlingException', 'Rate exceeded', 429)
    : new ApiError('ServerInternalException', 'The operation failed because the service could not respond to the request due to an internal problem (injected by the sandbox).', 500),
  authErrors: jsonAuthErrors(403),
  badRequest: (message) => new ApiError('SerializationException', message),
};
