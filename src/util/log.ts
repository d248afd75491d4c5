// The "Feature Store Explorer" log channel: one line per AWS call (names, timings, error codes —
// the call logger never sees arguments or credentials) and the detail behind every error shown.
import * as vscode from 'vscode';
import type { AwsCallLogEntry } from '../aws/clients';
import { AwsCallError } from '../aws/errors';

export const LOG_CHANNEL_NAME = 'Feature Store Explorer';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
}

export function logAwsCall(log: vscode.LogOutputChannel, e: AwsCallLogEntry): void {
  const line = `${e.profile} ${e.region} ${e.service}.${e.operation} ${e.durationMs} ms`;
  if (e.errorCode) log.warn(`${line} failed: ${e.errorCode}`);
  else log.debug(line);
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
