// The "Feature Store Explorer" log channel: one line per AWS call (profile, region, operation,
// duration, error code — the call logger never sees arguments or credentials) and the detail behind
// every error shown. Every line goes through redactSecrets on its way in, whoever writes it.
import * as vscode from 'vscode';
import type { AwsCallLogEntry } from '../aws/clients';
import { redactSecrets } from '../aws/credentialsRedaction';
import { AwsCallError } from '../aws/errors';

export const LOG_CHANNEL_NAME = 'Feature Store Explorer';

/** The channel's methods that take text to write. */
const WRITERS = new Set<PropertyKey>(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

function redactArg(arg: unknown): unknown {
  if (typeof arg === 'string') return redactSecrets(arg);
  if (arg instanceof Error) return redactSecrets(arg.stack ?? `${arg.name}: ${arg.message}`);
  return arg;
}

/** A LogOutputChannel whose text is redacted before VS Code sees it. */
export function redactingLog(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!WRITERS.has(property)) return (value as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args.map(redactArg));
    },
  });
}

export function createLog(): vscode.LogOutputChannel {
  return redactingLog(vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true }));
}

/** `AWS call: profile p, region r, service.Operation, 12 ms` (+ `, failed: Code`). */
export function formatAwsCall(e: AwsCallLogEntry): string {
  return `AWS call: profile ${e.profile}, region ${e.region}, ${e.service}.${e.operation}, ${e.durationMs} ms${e.errorCode ? `, failed: ${e.errorCode}` : ''}`;
}

export function logAwsCall(log: vscode.LogOutputChannel, e: AwsCallLogEntry): void {
  // Info, not debug: the log at its default level must show every call the extension made.
  if (e.errorCode) log.warn(formatAwsCall(e));
  else log.info(formatAwsCall(e));
}

/** Writes what went wrong, with the code, operation and profile of AWS failures. */
export function logFailure(log: vscode.LogOutputChannel, what: string, err: unknown): void {
  if (err instanceof AwsCallError) {
    const extra = [err.target && `target ${err.target}`, err.httpStatusCode && `HTTP ${err.httpStatusCode}`, err.requestId && `request ${err.requestId}`]
      .filter(Boolean)
      .join(', ');
    log.error(`${what}: profile ${err.profile}, ${err.operation} failed with ${err.code}${extra ? ` (${extra})` : ''}: ${err.message}`);
  } else if (err instanceof Error) {
    log.error(`${what}: ${err.message}`);
    if (err.stack) log.trace(err.stack);
  } else {
    log.error(`${what}: ${String(err)}`);
  }
}
