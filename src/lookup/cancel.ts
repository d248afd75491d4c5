// Cancellation without 'vscode': vscode.CancellationToken fits this shape, so pure code can stop
// waiting when the editor moves on. Stopping to wait never aborts a shared in-flight call: other
// waiters may need it, and its answer still fills the cache for the next hover.

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled');
  }
}

export function isCancelled(err: unknown): err is CancelledError {
  return err instanceof CancelledError;
}

/** `promise`, or a CancelledError as soon as `token` is cancelled (whichever comes first). */
export function untilCancelled<T>(promise: Promise<T>, token: CancellationLike | undefined): Promise<T> {
  if (!token) return promise;
  if (token.isCancellationRequested) {
    promise.catch(() => undefined);
    return Promise.reject(new CancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const sub = token.onCancellationRequested(() => {
      sub.dispose();
      reject(new CancelledError());
    });
    promise.then(
      (value) => {
        sub.dispose();
        resolve(value);
      },
      (err: unknown) => {
        sub.dispose();
        reject(err);
      },
    );
  });
}

/** Throws a CancelledError when `token` is already cancelled. */
export function throwIfCancelled(token: CancellationLike | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}
