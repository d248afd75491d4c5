// The AWS-layer objects every view and command uses. Rebuilt as a whole when a setting that shapes
// the clients changes (the request timeout), so nobody holds clients with stale options.
import { FeatureStoreCatalog } from '../aws/catalog';
import { ClientPool, type AwsCallLogEntry } from '../aws/clients';
import type { MfaCodeProvider } from '../aws/credentials';
import type { MfaSessions } from '../aws/credentialsMfa';
import { RecordService } from '../aws/records';
import { SharingService } from '../aws/sharing';

export interface Services {
  pool: ClientPool;
  catalog: FeatureStoreCatalog;
  sharing: SharingService;
  records: RecordService;
}

export function createServices(opts: {
  requestTimeoutSeconds: number;
  logger: (e: AwsCallLogEntry) => void;
  mfaCodeProvider?: MfaCodeProvider;
  /** Outlives the services: rebuilding them must not ask for MFA codes again. */
  mfaSessions?: MfaSessions;
}): Services {
  const pool = new ClientPool({
    logger: opts.logger,
    requestTimeoutMs: Math.round(opts.requestTimeoutSeconds * 1000),
    mfaCodeProvider: opts.mfaCodeProvider,
    mfaSessions: opts.mfaSessions,
  });
  return {
    pool,
    catalog: new FeatureStoreCatalog(pool),
    sharing: new SharingService(pool),
    records: new RecordService(pool),
  };
}
