// Command ids of the inline lookup (package.json `contributes.commands` lists them too).
export const LOOKUP_COMMANDS = {
  /** "Look Up Record…": the group under the cursor, a record id, its values in a peek. */
  lookUpRecord: 'featureStoreExplorer.lookUpRecord',
} as const;

/** The inspector command (owned by src/commands) that hover links open; takes { profile, featureGroup, recordId? }. */
export const OPEN_RECORD_INSPECTOR = 'featureStoreExplorer.openRecordInspector';

/** Scheme of the read-only documents a record peek shows. */
export const RECORD_SCHEME = 'featurestore-record';

export const DIAGNOSTIC_SOURCE = 'Feature Store';
export const BARE_NAME_OTHER_ACCOUNT = 'bare-name-other-account';
