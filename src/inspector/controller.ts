// The host side of one inspector: answers the page's requests against one feature group as one
// profile. No 'vscode' here: the panel passes in how to confirm a write and where failures go.
import { AwsCallError } from '../aws/errors';
import type { AccountContext, FeatureGroupDetail } from '../aws/model';
import { RecordValidationError, validateRecord, type RecordService } from '../aws/records';
import { validateRecordId } from '../aws/validation';
import { canWriteRecords, formatAccess } from '../util/format';
import type { GroupView, InspectorRequest, InspectorResponse, PutOutcome, RecordOutcome, RecordValues } from './protocol';

export interface InspectorDeps {
  records(): RecordService;
  /** Asks the user (modal) whether to write; true only on an explicit yes. */
  confirmWrite(group: FeatureGroupDetail, recordId: string, profile: string): Promise<boolean>;
  /** Where failures go (the log); returns nothing, never throws. */
  onFailure(what: string, err: unknown): void;
}

export function toGroupView(profile: string, group: FeatureGroupDetail): GroupView {
  return {
    profile,
    name: group.name,
    arn: group.arn,
    ownerAccountId: group.ownerAccountId,
    region: group.region,
    access: group.access,
    canWrite: canWriteRecords(group.access),
    recordIdentifierFeatureName: group.recordIdentifierFeatureName,
    eventTimeFeatureName: group.eventTimeFeatureName,
    features: group.features,
    description: group.description,
    onlineStoreEnabled: group.onlineStoreEnabled,
    storageType: group.storageType,
    defaultTtl: group.defaultTtl,
  };
}

function messageOf(err: unknown): string {
  if (err instanceof AwsCallError) return err.userMessage;
  return err instanceof Error ? err.message : String(err);
}

export class InspectorController {
  constructor(
    readonly context: AccountContext,
    readonly group: FeatureGroupDetail,
    private readonly deps: InspectorDeps,
  ) {}

  get profileName(): string {
    return this.context.profile.name;
  }

  view(): GroupView {
    return toGroupView(this.profileName, this.group);
  }

  async handle(request: InspectorRequest): Promise<InspectorResponse> {
    switch (request.type) {
      case 'getRecord':
        return { type: 'recordResult', id: request.id, outcome: await this.getRecord(request.recordId) };
      case 'putRecord':
        return { type: 'putResult', id: request.id, outcome: await this.putRecord(request.values) };
    }
  }

  private async getRecord(recordId: string): Promise<RecordOutcome> {
    const problem = validateRecordId(recordId);
    if (problem) return { kind: 'error', message: problem };
    try {
      const record = await this.deps.records().get(this.context, this.group, recordId);
      if (!record) return { kind: 'notFound', recordId };
      return { kind: 'found', recordId, values: record.values, ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}) };
    } catch (err) {
      this.deps.onFailure(`GetRecord ${recordId} from ${this.group.name}`, err);
      return { kind: 'error', message: messageOf(err) };
    }
  }

  private async putRecord(values: RecordValues): Promise<PutOutcome> {
    if (!canWriteRecords(this.group.access)) {
      return {
        kind: 'error',
        message: `Profile ${this.profileName} has ${formatAccess(this.group.access)} access to ${this.group.name}: writing records needs a ReadWrite or Admin share from ${this.group.ownerAccountId}.`,
      };
    }
    // The same validation RecordService.put runs; checked here first so nothing is confirmed in vain.
    const problems = validateRecord(this.group, values);
    if (problems.length > 0) return { kind: 'invalid', problems };
    const recordId = values[this.group.recordIdentifierFeatureName] as string;
    if (!(await this.deps.confirmWrite(this.group, recordId, this.profileName))) return { kind: 'cancelled' };
    try {
      await this.deps.records().put(this.context, this.group, values);
      return { kind: 'written', recordId };
    } catch (err) {
      if (err instanceof RecordValidationError) return { kind: 'invalid', problems: err.problems };
      this.deps.onFailure(`PutRecord ${recordId} to ${this.group.name}`, err);
      return { kind: 'error', message: messageOf(err) };
    }
  }
}
