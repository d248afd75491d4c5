// A middleware that reports every SDK call (one entry per call, retries included) to the
// optional logger. It sees only names, timings and error codes: never arguments or credentials.
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware, Pluggable } from '@smithy/types';

export interface AwsCallLogEntry {
  profile: string;
  region: string;
  service: string;
  operation: string;
  durationMs: number;
  errorCode?: string;
}

export type AwsCallLogger = (e: AwsCallLogEntry) => void;

export const CALL_LOG_MIDDLEWARE_OPTIONS: InitializeHandlerOptions & AbsoluteLocation & { name: string; override: boolean } = {
  step: 'initialize',
  priority: 'high',
  name: 'featureStoreExplorerCallLog',
  override: true,
};

function errorCodeOf(err: unknown): string {
  if (typeof err !== 'object' || err === null) return 'Unknown';
  const e = err as { name?: string; code?: unknown };
  const nodeCode = typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? e.code : undefined;
  if (nodeCode && nodeCode !== 'ETIMEDOUT') return nodeCode;
  if (e.name === 'TimeoutError') return e.name;
  if (nodeCode) return nodeCode;
  return e.name && e.name !== 'Error' ? e.name : 'Unknown';
}

function emit(logger: AwsCallLogger, entry: AwsCallLogEntry): void {
  try {
    logger(entry);
  } catch {
    // A broken logger must not turn a successful call into a failure.
  }
}

export function callLogMiddleware<Input extends object, Output extends object>(
  who: { profile: string; region: string; service: string },
  logger: AwsCallLogger,
): InitializeMiddleware<Input, Output> {
  return (next, context) => async (args) => {
    const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
    const started = performance.now();
    try {
      const result = await next(args);
      emit(logger, { ...who, operation, durationMs: Math.round(performance.now() - started) });
      return result;
    } catch (err) {
      emit(logger, { ...who, operation, durationMs: Math.round(performance.now() - started), errorCode: errorCodeOf(err) });
      throw err;
    }
  };
}

/** The middleware as a plugin: for a client's middlewareStack.use() and fromIni's clientPlugins. */
export function callLogPlugin<Input extends object, Output extends object>(
  who: { profile: string; region: string; service: string },
  logger: AwsCallLogger,
): Pluggable<Input, Output> {
  return { applyToStack: (stack) => stack.add(callLogMiddleware<Input, Output>(who, logger), CALL_LOG_MIDDLEWARE_OPTIONS) };
}
