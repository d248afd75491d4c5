// The one HTTP server: tells the services apart as AWS endpoints would (aws-facts §4, §8),
// authenticates the caller from SigV4, applies latency and faults, runs the operation.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { callerFromAuthorization } from '../accounts';
import { ApiError } from '../errors';
import { isRamPath, ramService } from '../ram';
import { runtimeService } from '../runtime';
import type { SandboxRuntime } from '../runtimeState';
import { sagemakerService } from '../sagemaker';
import { stsService } from '../sts';
import { badPercentEncoding, readBody } from './body';
import { handleControl } from './control';
import type { HttpReply, SandboxRequest, Service } from './service';

/** The service a request is for, and the path it was sent under (`''` at the root, as served). */
interface Picked { service: Service; basePath: string }

const RUNTIME_BATCH_PATHS = ['/BatchGetRecord', '/BatchWriteRecord'];

/** The path a request was sent under, without trailing slashes (`''` at the root). */
function base(prefix: string): string {
  return prefix.replace(/\/+$/, '');
}

/**
 * Tells the services apart by what they send (target header, runtime and RAM paths, STS forms)
 * wherever the path starts, so that an endpoint URL with a path gets one clear refusal from every
 * service instead of working for SageMaker and 404ing for the others.
 */
function pickService(method: string, path: string, req: IncomingMessage, query: string): Picked | undefined {
  if (req.headers['x-amz-target'] !== undefined) return { service: sagemakerService, basePath: base(path) };
  const group = path.indexOf('/FeatureGroup/');
  if (group >= 0) return { service: runtimeService, basePath: base(path.slice(0, group)) };
  const batch = RUNTIME_BATCH_PATHS.find((p) => path.endsWith(p));
  if (batch) return { service: runtimeService, basePath: base(path.slice(0, -batch.length)) };
  const lastSlash = path.lastIndexOf('/');
  if (isRamPath(path.slice(lastSlash))) return { service: ramService, basePath: base(path.slice(0, lastSlash)) };
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded') || query.includes('Action=')) return { service: stsService, basePath: base(path) };
  if (path === '/' && method === 'POST') return { service: sagemakerService, basePath: '' };
  return undefined;
}

/** The sandbox serves every AWS API at the root: a path in the endpoint URL is a misconfiguration. */
function misplacedPath(req: IncomingMessage, path: string, basePath: string): ApiError {
  const endpoint = `http://${req.headers.host ?? '127.0.0.1'}`;
  return new ApiError('UnknownOperationException', `The sandbox serves AWS APIs at the root of ${endpoint}, but this request went to ${path}: remove the path ${basePath} from the endpoint URL (use ${endpoint}).`, 404);
}

/** Whether the request names an operation that needs no signature (unknown operations do). */
function isUnsigned(service: Service, req: SandboxRequest): boolean {
  if (!service.unsigned) return false;
  try {
    return service.unsigned(service.operation(req));
  } catch {
    return false;
  }
}

function write(res: ServerResponse, reply: HttpReply): void {
  reply.headers['content-length'] = String(Buffer.byteLength(reply.body));
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

async function handle(rt: SandboxRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const method = req.method ?? 'GET';
  const { body, tooLarge } = await readBody(req);
  if (path.startsWith('/_sandbox/')) return handleControl(rt, req, res, path, body);

  const picked = pickService(method, path, req, rawQuery);
  const requestId = randomUUID();
  if (!picked) {
    return write(res, { status: 404, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify({ message: `No AWS operation at ${method} ${path}` }) });
  }
  const { service, basePath } = picked;
  const sreq: SandboxRequest = { method, path, query: new URLSearchParams(rawQuery), headers: req.headers, body };
  try {
    if (basePath !== '') throw misplacedPath(req, path, basePath);
    const caller = isUnsigned(service, sreq) ? undefined : callerFromAuthorization(rt.core, req.headers.authorization, service.authErrors);
    // URLSearchParams decodes broken escapes leniently; AWS refuses them.
    const broken = badPercentEncoding(rawQuery);
    if (broken !== undefined) throw service.badRequest(`The query string is not valid percent-encoded UTF-8: ${broken}`);
    const operation = service.operation(sreq);
    if (tooLarge) throw service.badRequest('The request body is too large');
    const latency = rt.controls.latencyFor(operation);
    if (latency > 0) await sleep(latency);
    const fault = rt.controls.pickFault(operation);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 3000);
    if (fault?.kind === 'throttle' || fault?.kind === 'error500') throw service.faultError(fault.kind);
    const result = caller ? service.invoke(rt.core, caller, operation, sreq) : service.invokeUnsigned?.(rt.core, operation, sreq);
    if (service.mutating(operation)) await rt.store.changed();
    write(res, service.reply(operation, result, requestId));
  } catch (err) {
    if (err instanceof ApiError) return write(res, service.error(err, requestId));
    console.error('sandbox: unexpected error', err);
    write(res, service.error(service.faultError('error500'), requestId));
  }
}

export function createSandboxServer(rt: SandboxRuntime): Server {
  const server = createServer((req, res) => {
    handle(rt, req, res).catch((err: unknown) => {
      console.error('sandbox: request failed', err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
