// Test and demo controls: per-call latency and injected faults, chosen per operation and rate.

export type FaultKindName = 'throttle' | 'error500' | 'reset' | 'slow';

export interface Fault {
  operation: string;
  kind: FaultKindName;
  rate: number;
  delayMs?: number;
}

const KINDS: readonly FaultKindName[] = ['throttle', 'error500', 'reset', 'slow'];

export class Controls {
  latencyMs = 0;
  readonly operationLatency = new Map<string, number>();
  faults: Fault[] = [];

  latencyFor(operation: string): number {
    return this.operationLatency.get(operation) ?? this.latencyMs;
  }

  /** The first fault matching the operation that fires this time, if any. */
  pickFault(operation: string): Fault | undefined {
    for (const fault of this.faults) {
      if ((fault.operation === '*' || fault.operation === operation) && Math.random() < fault.rate) return fault;
    }
    return undefined;
  }
}

/** Validates a fault from the control API; returns an error message when it is not usable. */
export function parseFault(body: Record<string, unknown>): Fault | string {
  const { operation, kind, rate = 1, delayMs } = body;
  if (typeof operation !== 'string' || operation === '') return 'operation must be an operation name or "*"';
  if (!KINDS.includes(kind as FaultKindName)) return `kind must be one of ${KINDS.join(', ')}`;
  if (typeof rate !== 'number' || rate < 0 || rate > 1) return 'rate must be a number from 0 to 1';
  if (delayMs !== undefined && (typeof delayMs !== 'number' || delayMs < 0)) return 'delayMs must be a non-negative number';
  return { operation, kind: kind as FaultKindName, rate, delayMs: delayMs as number | undefined };
}
