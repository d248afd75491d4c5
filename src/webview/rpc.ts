// The page's side of the request/response protocol: every request gets an id, and the host's
// response with that id settles the promise.
import type { InspectorRequest, OutcomeFor } from '../inspector/protocol';

export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscodeApi: VsCodeApi = acquireVsCodeApi();

let nextRequestId = 1;
const waiting = new Map<number, (outcome: unknown) => void>();

type Body<T extends InspectorRequest> = T extends InspectorRequest ? Omit<T, 'id'> : never;

export function request<R extends InspectorRequest>(body: Body<R>): Promise<OutcomeFor<R>> {
  const id = nextRequestId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve as (outcome: unknown) => void);
    vscodeApi.postMessage({ ...body, id });
  });
}

/** Settles the request a response answers; false when no request is waiting for it. */
export function settle(id: number, outcome: unknown): boolean {
  const resolve = waiting.get(id);
  if (!resolve) return false;
  waiting.delete(id);
  resolve(outcome);
  return true;
}
