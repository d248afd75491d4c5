// What the parts of the inspector page (editor, batch view) may use of the page that holds them.
import type { GroupView } from '../inspector/protocol';
import type { LoadedRecord, PageState, StatusKind } from './state';

export interface PageContext {
  readonly group: GroupView;
  readonly state: PageState;
  save(): void;
  setStatus(kind: StatusKind, message: string): void;
  setBusy(busy: boolean, message?: string): void;
  isBusy(): boolean;
  showRecord(record: LoadedRecord | undefined): void;
  closeDelete(): void;
  /** The features picked for reading; undefined = all. */
  selectedFeatures(): string[] | undefined;
}
