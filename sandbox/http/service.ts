// What the HTTP server needs from each emulated service: name its operation, run it, and write
// results and errors in that service's wire format.
import type { IncomingHttpHeaders } from 'node:http';
import type { Caller, Core } from '../core';
import type { ApiError } from '../errors';

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type FaultKind = 'throttle' | 'error500';

export interface Service {
  readonly name: 'sagemaker' | 'runtime' | 'ram' | 'sts';
  /** The operation a request names; throws the service's unknown-operation error. */
  operation(req: SandboxRequest): string;
  invoke(core: Core, caller: Caller, operation: string, req: SandboxRequest): unknown;
  /** Operations AWS serves without a signature (STS AssumeRoleWithWebIdentity), and how. */
  unsigned?(operation: string): boolean;
  invokeUnsigned?(core: Core, operation: string, req: SandboxRequest): unknown;
  mutating(operation: string): boolean;
  reply(operation: string, result: unknown, requestId: string): HttpReply;
  error(err: ApiError, requestId: string): HttpReply;
  /** The error AWS sends for throttling / an internal failure on this service. */
  faultError(kind: FaultKind): ApiError;
  /** Refusals for a missing / ill-formed / unknown / expired credential. */
  authErrors: { missing: ApiError; incomplete: ApiError; unknownKey: ApiError; expired: ApiError };
  /** The error for an unreadable or oversized body. */
  badRequest(message: string): ApiError;
}

/** A JSON reply with AWS's request id header; an undefined result is an empty 200. */
export function jsonReply(status: number, contentType: string, body: unknown, requestId: string): HttpReply {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { status, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body: text };
}

/** A JSON error reply: `__type` plus the message member the service models. */
export function jsonError(err: ApiError, contentType: string, messageKey: 'Message' | 'message', requestId: string): HttpReply {
  const reply = jsonReply(err.status, contentType, { __type: err.code, [messageKey]: err.message }, requestId);
  reply.headers['x-amzn-errortype'] = err.code;
  return reply;
}
