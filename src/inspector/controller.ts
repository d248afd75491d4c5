// The host side of one inspector: answers the page's requests against one feature group as one
// profile. No 'vscode' here: the panel passes in how to confirm, where the clipboard is and where
// failures go, so every rule below is testable against the sandbox without an editor.
import { AwsCallError } from '../aws/errors';
import { compareEventTimes, eventTimeAfter, expiryOf, nowEventTime } from '../aws/featureValues';
import type { AccountContext, FeatureDefinition, FeatureGroupDetail, TtlDuration } from '../aws/model';
import { diffRecords, formatValueShort, recordFingerprint } from '../aws/recordDiff';
import { RecordValidationError, validateWrite, type RecordService } from '../aws/records';
import { validateRecordId } from '../aws/validation';
import { canReadRecords, canWriteRecords, explainAccess, formatAccess, formatTtl } from '../util/format';
import type {
  BatchOutcome,
  CopyOutcome,
  DeleteOutcome,
  DeletionMode,
  GroupView,
  InspectorRequest,
  InspectorResponse,
  PreviewOutcome,
  PutOutcome,
  RecordOutcome,
  RecordValues,
  WritePreview,
} from './protocol';
import { copyText } from './snippets';

/** A modal question: `button` is the only answer that goes ahead. */
export interface Confirmation {
  message: string;
  detail: string;
  button: string;
}

export interface InspectorDeps {
  records(): RecordService;
  /** Asks the user (modal); true only on an explicit click of `button`. */
  confirm(question: Confirmation): Promise<boolean>;
  writeClipboard(text: string): Promise<void>;
  /** Where failures go (the log); returns nothing, never throws. */
  onFailure(what: string, err: unknown): void;
}

/** Most change lines a confirmation lists before "… and N more". */
const MAX_CONFIRM_LINES = 10;

function accessNote(group: FeatureGroupDetail): string | undefined {
  if (!canReadRecords(group.access)) return explainAccess(group.access);
  if (!group.onlineStoreEnabled) return `${group.name} has no online store: GetRecord, PutRecord and DeleteRecord work only on groups with one.`;
  if (!canWriteRecords(group.access)) {
    return `Your ${formatAccess(group.access)} share lets you read records but not write or delete them. For that, ask the owner (${group.ownerAccountId}) for a ReadWrite share.`;
  }
  return undefined;
}

export function toGroupView(profile: string, group: FeatureGroupDetail): GroupView {
  const canRead = canReadRecords(group.access) && group.onlineStoreEnabled;
  return {
    profile,
    name: group.name,
    arn: group.arn,
    ownerAccountId: group.ownerAccountId,
    region: group.region,
    access: group.access,
    canRead,
    canWrite: canRead && canWriteRecords(group.access),
    accessNote: accessNote(group),
    recordIdentifierFeatureName: group.recordIdentifierFeatureName,
    eventTimeFeatureName: group.eventTimeFeatureName,
    features: group.features,
    description: group.description,
    onlineStoreEnabled: group.onlineStoreEnabled,
    offlineStoreEnabled: group.offlineStoreEnabled,
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
        return { type: 'recordResult', id: request.id, outcome: await this.getRecord(request.recordId, request.featureNames) };
      case 'batchGet':
        return { type: 'batchResult', id: request.id, outcome: await this.batchGet(request.recordIds, request.featureNames) };
      case 'previewWrite':
        return { type: 'previewResult', id: request.id, outcome: await this.previewWrite(request.values, request.ttl) };
      case 'putRecord':
        return { type: 'putResult', id: request.id, outcome: await this.putRecord(request.values, request.ttl, request.baseline) };
      case 'deleteRecord':
        return { type: 'deleteResult', id: request.id, outcome: await this.deleteRecord(request.recordId, request.mode) };
      case 'copy':
        return { type: 'copyResult', id: request.id, outcome: await this.copy(request.format, request.recordId, request.values) };
    }
  }

  // ---- reading ---------------------------------------------------------------------------------

  private readRefusal(): string | undefined {
    const view = this.view();
    return view.canRead ? undefined : (view.accessNote ?? explainAccess(this.group.access));
  }

  private writeRefusal(action: 'writing' | 'deleting'): string | undefined {
    const refusal = this.readRefusal();
    if (refusal) return refusal;
    if (canWriteRecords(this.group.access)) return undefined;
    return `Profile ${this.profileName} has ${formatAccess(this.group.access)} access to ${this.group.name}: ${action} records needs a ReadWrite or Admin share from ${this.group.ownerAccountId}.`;
  }

  private knownFeatures(names: string[] | undefined): string[] | undefined {
    if (!names || names.length === 0) return undefined;
    const known = new Set(this.group.features.map((f) => f.name));
    const picked = names.filter((n) => known.has(n));
    // Every feature picked is the same as none picked: leave the parameter out.
    return picked.length === 0 || picked.length === known.size ? undefined : picked;
  }

  private async getRecord(recordId: string, featureNames?: string[]): Promise<RecordOutcome> {
    const refusal = this.readRefusal();
    if (refusal) return { kind: 'error', message: refusal };
    const problem = validateRecordId(recordId);
    if (problem) return { kind: 'error', message: problem };
    const subset = this.knownFeatures(featureNames);
    try {
      const record = await this.deps.records().get(this.context, this.group, recordId, { featureNames: subset });
      if (!record) return { kind: 'notFound', recordId };
      return { kind: 'found', recordId, values: record.values, ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}), ...(subset ? { featureNames: subset } : {}) };
    } catch (err) {
      this.deps.onFailure(`GetRecord ${recordId} from ${this.group.name}`, err);
      return { kind: 'error', message: messageOf(err) };
    }
  }

  private async batchGet(recordIds: string[], featureNames?: string[]): Promise<BatchOutcome> {
    const refusal = this.readRefusal();
    if (refusal) return { kind: 'error', message: refusal };
    const ids = recordIds.filter((id) => validateRecordId(id) === undefined);
    if (ids.length === 0) return { kind: 'error', message: 'Enter at least one record identifier.' };
    const subset = this.knownFeatures(featureNames);
    try {
      const result = await this.deps.records().batchGet(this.context, this.group, ids, { featureNames: subset });
      return { kind: 'batch', rows: result.rows, calls: result.calls, retriedIds: result.retriedIds, ...(subset ? { featureNames: subset } : {}) };
    } catch (err) {
      this.deps.onFailure(`BatchGetRecord (${ids.length} ids) from ${this.group.name}`, err);
      return { kind: 'error', message: messageOf(err) };
    }
  }

  // ---- writing ---------------------------------------------------------------------------------

  private get eventTimeDef(): FeatureDefinition {
    return this.group.features.find((f) => f.name === this.group.eventTimeFeatureName) ?? { name: this.group.eventTimeFeatureName, type: 'String' };
  }

  private def(name: string): FeatureDefinition | undefined {
    return this.group.features.find((f) => f.name === name);
  }

  /** Reads the stored record and compares it with `values`. Throws AwsCallError when the read fails. */
  async preview(values: RecordValues, ttl: TtlDuration | undefined): Promise<WritePreview> {
    const recordId = values[this.group.recordIdentifierFeatureName] as string;
    const stored = await this.deps.records().get(this.context, this.group, recordId);
    const changes = diffRecords(this.group.features, stored?.values, values);
    const names = new Set([...Object.keys(stored?.values ?? {}), ...Object.keys(values)]);
    const etDef = this.eventTimeDef;
    const storedEventTime = stored?.values[etDef.name];
    const newEventTime = values[etDef.name] as string;
    const preview: WritePreview = {
      recordId,
      exists: stored !== undefined,
      changes,
      unchanged: names.size - changes.length,
      newEventTime,
      baseline: recordFingerprint(stored?.values),
    };
    if (typeof storedEventTime === 'string') {
      preview.storedEventTime = storedEventTime;
      if (compareEventTimes(etDef, newEventTime, storedEventTime) === -1) {
        preview.eventTimeWarning = this.group.offlineStoreEnabled
          ? `The new event time ${newEventTime} is older than the stored one (${storedEventTime}): the online store keeps the stored record, and this write only goes to the offline store as a historic record.`
          : `The new event time ${newEventTime} is older than the stored one (${storedEventTime}): the online store keeps the stored record, and ${this.group.name} has no offline store, so this write changes nothing.`;
      }
    }
    const effectiveTtl = ttl ?? this.group.defaultTtl;
    if (effectiveTtl) {
      const expiry = expiryOf(etDef, newEventTime, effectiveTtl);
      const source = ttl ? `its own time to live of ${formatTtl(ttl)}` : `the group's time to live of ${formatTtl(effectiveTtl)}`;
      if (expiry) preview.ttlNote = `The record expires at ${expiry} (event time + ${source}).`;
    }
    if (ttl) preview.ttl = ttl;
    return preview;
  }

  /** The same checks RecordService.put runs, expiry past year 9999 included. */
  private validate(values: RecordValues, ttl: TtlDuration | undefined) {
    return validateWrite(this.group, values, ttl);
  }

  private async previewWrite(values: RecordValues, ttl: TtlDuration | undefined): Promise<PreviewOutcome> {
    const refusal = this.writeRefusal('writing');
    if (refusal) return { kind: 'error', message: refusal };
    const problems = this.validate(values, ttl);
    if (problems.length > 0) return { kind: 'invalid', problems };
    try {
      return { kind: 'preview', preview: await this.preview(values, ttl) };
    } catch (err) {
      this.deps.onFailure(`Reading ${this.group.name} before a write`, err);
      return { kind: 'error', message: messageOf(err) };
    }
  }

  /** The modal's words for a write: what changes, and what the service will do with it. */
  writeConfirmation(preview: WritePreview): Confirmation {
    const owner = this.group.access === 'owner' ? '' : ` (owned by ${this.group.ownerAccountId})`;
    const lines: string[] = [];
    if (!preview.exists) lines.push(`No record "${preview.recordId}" is stored: this creates it.`);
    if (preview.changes.length === 0) lines.push('No feature changes value; the write stores the same values with the new event time.');
    else lines.push(preview.changes.length === 1 ? '1 feature changes:' : `${preview.changes.length} features change:`);
    for (const c of preview.changes.slice(0, MAX_CONFIRM_LINES)) {
      const def = this.def(c.feature);
      lines.push(`  ${c.feature}: ${formatValueShort(c.before, def, 40)} → ${formatValueShort(c.after, def, 40)}`);
    }
    if (preview.changes.length > MAX_CONFIRM_LINES) lines.push(`  … and ${preview.changes.length - MAX_CONFIRM_LINES} more (see the inspector).`);
    if (preview.exists) lines.push('PutRecord replaces the whole stored record; features left empty are removed.');
    if (preview.eventTimeWarning) lines.push(`Warning: ${preview.eventTimeWarning}`);
    if (preview.ttlNote) lines.push(preview.ttlNote);
    return {
      message: `Write record "${preview.recordId}" to ${this.group.name}${owner} as profile ${this.profileName}?`,
      detail: lines.join('\n'),
      button: 'Write',
    };
  }

  private async putRecord(values: RecordValues, ttl: TtlDuration | undefined, baseline: string | undefined): Promise<PutOutcome> {
    const refusal = this.writeRefusal('writing');
    if (refusal) return { kind: 'error', message: refusal };
    // The same validation RecordService.put runs; checked here first so nothing is confirmed in vain.
    const problems = this.validate(values, ttl);
    if (problems.length > 0) return { kind: 'invalid', problems };
    const recordId = values[this.group.recordIdentifierFeatureName] as string;
    let preview: WritePreview;
    try {
      // Read again right before confirming: the confirmation shows what is stored now.
      preview = await this.preview(values, ttl);
    } catch (err) {
      this.deps.onFailure(`Reading ${recordId} from ${this.group.name} before a write`, err);
      return { kind: 'error', message: messageOf(err) };
    }
    if (baseline !== undefined && baseline !== preview.baseline) return { kind: 'conflict', preview };
    if (!(await this.deps.confirm(this.writeConfirmation(preview)))) return { kind: 'cancelled' };
    try {
      await this.deps.records().put(this.context, this.group, values, { ttl });
    } catch (err) {
      if (err instanceof RecordValidationError) return { kind: 'invalid', problems: err.problems };
      this.deps.onFailure(`PutRecord ${recordId} to ${this.group.name}`, err);
      return { kind: 'error', message: messageOf(err) };
    }
    const readBack = await this.getRecord(recordId);
    return { kind: 'written', recordId, readBack, ...(preview.eventTimeWarning ? { warning: preview.eventTimeWarning } : {}) };
  }

  // ---- deleting --------------------------------------------------------------------------------

  /**
   * The modal's words for a delete: which kind, what it does, and the event time it carries
   * (`shiftedAfter`: the stored event time the delete had to be placed after, when not now).
   */
  deleteConfirmation(recordId: string, mode: DeletionMode, eventTime: string, shiftedAfter?: string): Confirmation {
    const owner = this.group.access === 'owner' ? '' : ` (owned by ${this.group.ownerAccountId})`;
    const what =
      mode === 'SoftDelete'
        ? 'Soft delete clears the record in the online store: GetRecord and BatchGetRecord stop returning it, and a later write with a newer event time brings it back.'
        : 'Hard delete removes the record from the online store completely. It cannot be undone.';
    const lines = [what];
    if (this.group.offlineStoreEnabled) lines.push('The offline store keeps its history and gets a deletion marker (is_deleted = true).');
    lines.push(`Delete event time: ${eventTime}.`);
    if (shiftedAfter !== undefined) {
      lines.push(`The stored event time (${shiftedAfter}) is not in the past, so the delete carries a later one; an older one would be ignored.`);
    }
    return {
      message: `${mode === 'SoftDelete' ? 'Soft delete' : 'Hard delete'} record "${recordId}" from ${this.group.name}${owner} as profile ${this.profileName}?`,
      detail: lines.join('\n'),
      button: mode === 'SoftDelete' ? 'Soft Delete' : 'Hard Delete',
    };
  }

  private async deleteRecord(recordId: string, mode: DeletionMode): Promise<DeleteOutcome> {
    const refusal = this.writeRefusal('deleting');
    if (refusal) return { kind: 'error', message: refusal };
    const problem = validateRecordId(recordId);
    if (problem) return { kind: 'error', message: problem };
    const records = this.deps.records();
    try {
      const stored = await records.get(this.context, this.group, recordId, { featureNames: [this.group.eventTimeFeatureName] });
      if (!stored) return { kind: 'notFound', recordId };
      const storedEventTime = stored.values[this.group.eventTimeFeatureName];
      const storedText = typeof storedEventTime === 'string' ? storedEventTime : undefined;
      const at = new Date();
      const eventTime = eventTimeAfter(this.eventTimeDef, storedText, at);
      const shifted = eventTime !== nowEventTime(this.eventTimeDef, at);
      if (!(await this.deps.confirm(this.deleteConfirmation(recordId, mode, eventTime, shifted ? storedText : undefined)))) return { kind: 'cancelled' };
      await records.delete(this.context, this.group, recordId, { eventTime, hard: mode === 'HardDelete' });
      return { kind: 'deleted', recordId, mode, eventTime };
    } catch (err) {
      this.deps.onFailure(`DeleteRecord (${mode}) ${recordId} from ${this.group.name}`, err);
      return { kind: 'error', message: messageOf(err) };
    }
  }

  // ---- copying ---------------------------------------------------------------------------------

  private async copy(format: 'json' | 'python' | 'typescript', recordId: string, values: RecordValues | undefined): Promise<CopyOutcome> {
    const problem = validateRecordId(recordId);
    if (problem) return { kind: 'error', message: problem };
    const text = copyText(
      format,
      {
        profile: this.profileName,
        region: this.group.region || this.context.region,
        featureGroupName: this.group.name,
        featureGroupArn: this.group.arn,
        ownerAccountId: this.group.ownerAccountId,
        recordId,
        endpoint: this.context.profile.endpoints.featurestoreRuntime,
      },
      this.group.features,
      values,
    );
    try {
      await this.deps.writeClipboard(text);
      return { kind: 'copied', format, text };
    } catch (err) {
      this.deps.onFailure('Copying to the clipboard', err);
      return { kind: 'error', message: `Could not write to the clipboard: ${messageOf(err)}` };
    }
  }
}
