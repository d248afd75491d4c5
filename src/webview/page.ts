// The record inspector page for one group: header, the features to read, a Record tab (lookup,
// the record, copy, edit, delete) and a Batch tab. Built with the DOM API only; every value from
// AWS is set as text. Everything the user typed or got back lives in PageState, saved on change.
import type { CopyFormat, CopyRequest, DeleteRecordRequest, DeletionMode, GetRecordRequest, GroupView } from '../inspector/protocol';
import { explainAccess, formatAccess, formatFeatureType, formatTtl } from '../util/format';
import { validateRecordId } from '../aws/validation';
import { BatchView } from './batchView';
import { roleBadge, valueCell } from './cells';
import { button, byId, el, maybeId } from './dom';
import { RecordEditor } from './editor';
import type { PageContext } from './pageContext';
import { request } from './rpc';
import { saveState, type LoadedRecord, type PageState, type StatusKind } from './state';
import { roleOf } from './values';

const COPY_LABELS: Record<CopyFormat, string> = { json: 'the record as JSON', python: 'a Python (boto3) snippet', typescript: 'a TypeScript (SDK v3) snippet' };

const BUSY_BUTTONS = ['get-record', 'edit-record', 'new-record', 'delete-record', 'put-record', 'confirm-delete', 'batch-run', 'copy-json', 'copy-python', 'copy-typescript'];

export class InspectorPage implements PageContext {
  private busy = false;
  private readonly editor = new RecordEditor(this);
  private readonly batch = new BatchView(this);

  constructor(
    readonly group: GroupView,
    readonly state: PageState,
  ) {}

  save(): void {
    saveState(this.state);
  }

  render(root: HTMLElement): void {
    const g = this.group;
    root.replaceChildren();
    root.setAttribute('aria-busy', 'false');
    root.append(this.header());
    if (g.accessNote) root.append(el('p', { id: 'access-note', class: g.canRead ? 'note' : 'note blocked', role: 'note' }, g.accessNote));
    if (!g.canRead) return;
    root.append(this.featurePicker(), this.tabs(), this.recordTab(), el('div', { id: 'tab-batch', role: 'tabpanel', 'aria-labelledby': 'tab-button-batch', hidden: '' }, this.batch.render()));
    this.restore();
  }

  // ---- header ------------------------------------------------------------------------------------

  private header(): HTMLElement {
    const g = this.group;
    const meta =
      g.access === 'owner'
        ? [`your account ${g.ownerAccountId}`, `profile ${g.profile}`, g.region]
        : [`owner ${g.ownerAccountId}`, `${formatAccess(g.access)} access`, `profile ${g.profile}`, g.region];
    const stores = g.canRead || g.onlineStoreEnabled
      ? [g.onlineStoreEnabled ? `online store${g.storageType ? ` (${g.storageType})` : ''}` : 'no online store', g.offlineStoreEnabled ? 'offline store' : undefined, g.defaultTtl ? `time to live ${formatTtl(g.defaultTtl)}` : undefined]
          .filter(Boolean)
          .join(' · ')
      : undefined;
    const header = el(
      'header',
      { id: 'group-header' },
      el('h1', { id: 'group-name' }, g.name),
      el('p', { id: 'group-meta', class: 'muted' }, meta.join(' · ')),
      el('p', { id: 'group-access', 'data-access': g.access }, explainAccess(g.access)),
    );
    if (stores) header.append(el('p', { id: 'group-stores', class: 'muted' }, stores));
    if (g.description) header.append(el('p', { id: 'group-description' }, g.description));
    return header;
  }

  // ---- features to read --------------------------------------------------------------------------

  private featurePicker(): HTMLElement {
    const g = this.group;
    const checks = g.features.map((def) => {
      const box = el('input', { type: 'checkbox', value: def.name, 'data-feature-choice': def.name });
      box.addEventListener('change', () => this.onPick());
      return el('label', { class: 'check' }, box, ' ', def.name, ' ', el('span', { class: 'muted type' }, formatFeatureType(def)));
    });
    const all = button('pick-all', 'All', () => this.setPicked(undefined), { secondary: true });
    return el(
      'details',
      { id: 'feature-picker' },
      el('summary', { id: 'feature-picker-summary' }),
      el('div', { class: 'checks' }, ...checks),
      el('div', { class: 'row' }, all, el('span', { class: 'muted' }, 'GetRecord and BatchGetRecord return only the picked features.')),
    );
  }

  private onPick(): void {
    const picked = Array.from(document.querySelectorAll<HTMLInputElement>('[data-feature-choice]'))
      .filter((b) => b.checked)
      .map((b) => b.value);
    this.setPicked(picked.length === this.group.features.length || picked.length === 0 ? undefined : picked);
  }

  private setPicked(picked: string[] | undefined): void {
    this.state.featureSelection = picked;
    this.syncPicker();
    this.save();
  }

  private syncPicker(): void {
    const picked = this.state.featureSelection;
    for (const box of Array.from(document.querySelectorAll<HTMLInputElement>('[data-feature-choice]'))) box.checked = !picked || picked.includes(box.value);
    byId('feature-picker-summary').textContent = picked ? `Features to read: ${picked.length} of ${this.group.features.length} (${picked.join(', ')})` : `Features to read: all ${this.group.features.length}`;
  }

  selectedFeatures(): string[] | undefined {
    return this.state.featureSelection;
  }

  // ---- tabs --------------------------------------------------------------------------------------

  private tabs(): HTMLElement {
    const tab = (id: 'record' | 'batch', label: string) => {
      const b = el('button', { id: `tab-button-${id}`, type: 'button', role: 'tab', class: 'tab', 'aria-controls': `tab-${id}` }, label);
      b.addEventListener('click', () => this.selectTab(id));
      return b;
    };
    return el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Inspector' }, tab('record', 'Record'), tab('batch', 'Batch lookup'));
  }

  private selectTab(tab: 'record' | 'batch'): void {
    this.state.tab = tab;
    for (const id of ['record', 'batch'] as const) {
      byId(`tab-${id}`).hidden = id !== tab;
      byId(`tab-button-${id}`).setAttribute('aria-selected', String(id === tab));
    }
    this.save();
  }

  // ---- record tab --------------------------------------------------------------------------------

  private recordTab(): HTMLElement {
    const g = this.group;
    const tab = el('div', { id: 'tab-record', role: 'tabpanel', 'aria-labelledby': 'tab-button-record' }, this.lookupForm(), el('div', { id: 'status', role: 'status', 'aria-live': 'polite', 'data-kind': 'idle' }), this.recordSection());
    if (g.canWrite) tab.append(this.writeActions(), this.editor.render(), this.deletePanel());
    return tab;
  }

  private lookupForm(): HTMLElement {
    const idName = this.group.recordIdentifierFeatureName;
    const input = el('input', { id: 'record-id', type: 'text', 'aria-label': `Record identifier (${idName})`, placeholder: `${idName} value`, autocomplete: 'off', spellcheck: 'false' });
    input.addEventListener('input', () => {
      this.state.recordIdText = input.value;
      this.save();
    });
    const form = el('form', { id: 'lookup-form', class: 'row', novalidate: '' }, el('label', { for: 'record-id' }, `Record identifier (${idName})`), input, button('get-record', 'Get record', () => undefined, { type: 'submit' }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.lookup();
    });
    return form;
  }

  private recordSection(): HTMLElement {
    const copy = (format: CopyFormat, label: string) => button(`copy-${format}`, label, () => void this.copy(format), { secondary: true, title: `Copy ${COPY_LABELS[format]}` });
    const table = el(
      'table',
      { id: 'record-table', 'aria-labelledby': 'record-title' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Feature'), el('th', { scope: 'col' }, 'Type'), el('th', { scope: 'col' }, 'Value'))),
      el('tbody'),
    );
    return el(
      'section',
      { id: 'record-section', hidden: '' },
      el('div', { class: 'panel-head' }, el('h2', { id: 'record-title' }), el('div', { class: 'row copy-actions' }, copy('json', 'Copy JSON'), copy('python', 'Copy as Python'), copy('typescript', 'Copy as TypeScript'))),
      el('p', { id: 'record-expiry', class: 'muted', hidden: '' }),
      el('p', { id: 'record-subset', class: 'muted', hidden: '' }),
      table,
      el('details', { id: 'copied', hidden: '' }, el('summary', { id: 'copied-summary' }), el('pre', { id: 'copied-text' })),
    );
  }

  /** Reads `recordId` as if the user had typed it and pressed Get record. */
  lookUpRecord(recordId: string): void {
    const input = byId<HTMLInputElement>('record-id');
    input.value = recordId;
    this.state.recordIdText = recordId;
    this.save();
    void this.lookup();
  }

  private async lookup(): Promise<void> {
    if (this.busy) return;
    const input = byId<HTMLInputElement>('record-id');
    const recordId = input.value;
    const problem = validateRecordId(recordId);
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      this.setStatus('error', problem);
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    this.setBusy(true, `Reading record "${recordId}"…`);
    const picked = this.selectedFeatures();
    const outcome = await request<GetRecordRequest>({ type: 'getRecord', recordId, ...(picked ? { featureNames: picked } : {}) });
    this.setBusy(false);
    switch (outcome.kind) {
      case 'found':
        this.showRecord({ recordId: outcome.recordId, values: outcome.values, ...(outcome.expiresAt ? { expiresAt: outcome.expiresAt } : {}), ...(outcome.featureNames ? { featureNames: outcome.featureNames } : {}) });
        this.setStatus('success', `Record "${outcome.recordId}" loaded.`);
        break;
      case 'notFound':
        this.showRecord(undefined);
        this.setStatus('not-found', `No record with ${this.group.recordIdentifierFeatureName} "${outcome.recordId}" in ${this.group.name}. (Not an error: the id is simply not stored, or was deleted or expired.)`);
        break;
      case 'error':
        this.setStatus('error', outcome.message);
        break;
    }
    this.save();
  }

  showRecord(record: LoadedRecord | undefined): void {
    this.state.record = record;
    this.state.copied = undefined;
    this.drawRecord();
  }

  private drawRecord(): void {
    const record = this.state.record;
    const section = byId('record-section');
    this.updateWriteButtons();
    this.drawCopied();
    if (!record) {
      section.hidden = true;
      return;
    }
    byId('record-title').textContent = `Record "${record.recordId}"`;
    const expiry = byId('record-expiry');
    expiry.hidden = !record.expiresAt;
    expiry.textContent = record.expiresAt ? `Expires at ${record.expiresAt}` : '';
    const subset = byId('record-subset');
    subset.hidden = !record.featureNames;
    subset.textContent = record.featureNames ? `Only ${record.featureNames.join(', ')} were read; edit reads the whole record first.` : '';
    const shown = record.featureNames ? this.group.features.filter((f) => record.featureNames!.includes(f.name)) : this.group.features;
    byId('record-table').querySelector('tbody')!.replaceChildren(
      ...shown.map((def) => {
        const role = roleOf(this.group, def.name);
        return el('tr', { 'data-feature': def.name }, el('td', { class: 'feature-name' }, def.name, ' ', roleBadge(role)), el('td', { class: 'feature-type' }, formatFeatureType(def)), valueCell(def, record.values[def.name], role));
      }),
    );
    section.hidden = false;
  }

  private async copy(format: CopyFormat): Promise<void> {
    const record = this.state.record;
    if (!record || this.busy) return;
    const outcome = await request<CopyRequest>({ type: 'copy', format, recordId: record.recordId, ...(format === 'json' ? { values: record.values } : {}) });
    if (outcome.kind === 'error') {
      this.setStatus('error', outcome.message);
      return;
    }
    this.state.copied = { format: outcome.format, text: outcome.text };
    this.drawCopied();
    this.setStatus('success', `Copied ${COPY_LABELS[outcome.format]} to the clipboard.`);
    this.save();
  }

  private drawCopied(): void {
    const copied = this.state.copied;
    const box = byId<HTMLDetailsElement>('copied');
    box.hidden = !copied;
    if (!copied) return;
    byId('copied-summary').textContent = `Copied: ${COPY_LABELS[copied.format]}`;
    byId('copied-text').textContent = copied.text;
  }

  // ---- writing and deleting ----------------------------------------------------------------------

  private writeActions(): HTMLElement {
    return el(
      'div',
      { id: 'write-actions', class: 'row' },
      button('edit-record', 'Edit record', () => void this.startEdit(), { secondary: true, title: 'Read the whole record again and edit it' }),
      button('new-record', 'New record', () => this.editor.open(undefined), { secondary: true }),
      button('delete-record', 'Delete…', () => this.openDelete(), { secondary: true }),
    );
  }

  /** Read, change, write: the edit starts from the record as stored now, with every feature. */
  private async startEdit(): Promise<void> {
    const record = this.state.record;
    if (!record || this.busy) return;
    this.setBusy(true, `Reading record "${record.recordId}" to edit it…`);
    const outcome = await request<GetRecordRequest>({ type: 'getRecord', recordId: record.recordId });
    this.setBusy(false);
    if (outcome.kind === 'found') {
      this.showRecord({ recordId: outcome.recordId, values: outcome.values, ...(outcome.expiresAt ? { expiresAt: outcome.expiresAt } : {}) });
      this.setStatus('idle', '');
      this.editor.open(this.state.record);
    } else if (outcome.kind === 'notFound') {
      this.showRecord(undefined);
      this.setStatus('not-found', `Record "${outcome.recordId}" is no longer stored. Use New record to write it again.`);
    } else {
      this.setStatus('error', outcome.message);
    }
    this.save();
  }

  private updateWriteButtons(): void {
    const hasRecord = !!this.state.record;
    for (const id of ['edit-record', 'delete-record']) {
      const b = maybeId<HTMLButtonElement>(id);
      if (b) b.disabled = this.busy || !hasRecord;
    }
  }

  private deletePanel(): HTMLElement {
    const choice = (mode: DeletionMode, title: string, text: string) => {
      const radio = el('input', { type: 'radio', name: 'delete-mode', value: mode, id: `delete-mode-${mode}` });
      radio.addEventListener('change', () => {
        this.state.deleteMode = mode;
        this.save();
      });
      return el('label', { class: 'choice', for: `delete-mode-${mode}` }, radio, el('span', {}, el('strong', {}, title), el('span', { class: 'muted' }, ` — ${text}`)));
    };
    return el(
      'section',
      { id: 'delete-panel', class: 'panel danger-zone', hidden: '', 'aria-labelledby': 'delete-title' },
      el('h2', { id: 'delete-title' }, 'Delete record'),
      choice('SoftDelete', 'Soft delete', 'clears the features in the online store; GetRecord and BatchGetRecord stop returning the record. A later write with a newer event time brings it back.'),
      choice('HardDelete', 'Hard delete', 'removes the record from the online store completely. It cannot be undone.'),
      el('p', { class: 'muted hint' }, 'The delete carries an event time later than the stored one (an older one would be ignored). A group with an offline store keeps its history there and gets a deletion marker. VS Code asks you to confirm.'),
      el('div', { class: 'row actions' }, button('confirm-delete', 'Delete record…', () => void this.deleteRecord(), { danger: true }), button('cancel-delete', 'Cancel', () => this.closeDelete(), { secondary: true })),
    );
  }

  private openDelete(): void {
    if (!this.state.record) return;
    this.editor.close();
    this.state.deleteOpen = true;
    this.drawDelete();
    this.save();
    byId(`delete-mode-${this.state.deleteMode}`).focus();
  }

  closeDelete(): void {
    this.state.deleteOpen = false;
    this.drawDelete();
    this.save();
  }

  private drawDelete(): void {
    const panel = maybeId('delete-panel');
    if (!panel) return;
    const record = this.state.record;
    panel.hidden = !this.state.deleteOpen || !record;
    if (!record) return;
    byId('delete-title').textContent = `Delete record "${record.recordId}"`;
    for (const mode of ['SoftDelete', 'HardDelete'] as const) byId<HTMLInputElement>(`delete-mode-${mode}`).checked = this.state.deleteMode === mode;
  }

  private async deleteRecord(): Promise<void> {
    const record = this.state.record;
    if (!record || this.busy) return;
    const mode = this.state.deleteMode;
    this.setBusy(true, 'Waiting for your confirmation in VS Code…');
    const outcome = await request<DeleteRecordRequest>({ type: 'deleteRecord', recordId: record.recordId, mode });
    this.setBusy(false);
    switch (outcome.kind) {
      case 'deleted':
        this.closeDelete();
        this.showRecord(undefined);
        this.setStatus('success', `Record "${outcome.recordId}" ${outcome.mode === 'SoftDelete' ? 'soft-deleted' : 'hard-deleted'} (delete event time ${outcome.eventTime}).`);
        break;
      case 'notFound':
        this.closeDelete();
        this.showRecord(undefined);
        this.setStatus('not-found', `Record "${outcome.recordId}" is no longer stored; nothing to delete.`);
        break;
      case 'cancelled':
        this.setStatus('info', 'Nothing was deleted: the delete was cancelled.');
        break;
      case 'error':
        this.setStatus('error', outcome.message);
        break;
    }
    this.save();
  }

  // ---- status, busy and restoring ----------------------------------------------------------------

  setBusy(busy: boolean, message?: string): void {
    this.busy = busy;
    for (const id of BUSY_BUTTONS) {
      const b = maybeId<HTMLButtonElement>(id);
      if (b) b.disabled = busy;
    }
    this.updateWriteButtons();
    byId('app').setAttribute('aria-busy', String(busy));
    if (busy && message) this.setStatus('busy', message, false);
  }

  isBusy(): boolean {
    return this.busy;
  }

  setStatus(kind: StatusKind, message: string, remember = true): void {
    const status = byId('status');
    status.dataset.kind = kind;
    status.textContent = message;
    if (remember) this.state.status = kind === 'idle' ? undefined : { kind, message };
  }

  /** Puts the saved state back on screen: inputs, results, an open editor or delete panel. */
  private restore(): void {
    const s = this.state;
    byId<HTMLInputElement>('record-id').value = s.recordIdText;
    this.syncPicker();
    this.drawRecord();
    if (s.status) this.setStatus(s.status.kind, s.status.message, false);
    this.editor.sync();
    this.drawDelete();
    this.batch.sync();
    this.selectTab(s.tab);
    this.save();
    if (s.tab === 'record' && !s.editor && !s.deleteOpen) byId('record-id').focus();
  }
}
