// Runs one SDK call (or a paginated series) and turns any failure into an AwsCallError that knows
// the profile, the operation and the endpoint it went to.
import { effectiveEndpoint, type ServiceName } from './clients';
import { toAwsCallError, type AwsCallContext } from './errors';
import type { AccountContext } from './model';

export type CallDetails = Omit<AwsCallContext, 'profile' | 'operation' | 'endpoint'>;

export async function awsCall<T>(
  ctx: AccountContext,
  service: ServiceName,
  operation: string,
  run: () => Promise<T>,
  details: CallDetails = {},
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toAwsCallError(err, { ...details, profile: ctx.profile.name, operation, endpoint: effectiveEndpoint(ctx, service) });
  }
}

/** Collects every page of an SDK paginator. */
export async function allPages<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** Maps with at most `limit` calls in flight, keeping the input order (RAM throttles wide fan-outs). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
