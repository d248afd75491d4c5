// The record inspector page (runs in the webview, bundled to dist/webview.js). Plain DOM: every
// element is created here and every value from AWS is set with textContent, never parsed as HTML.
// It talks to the host only through ../inspector/protocol.
import { nowEventTime } from '../aws/featureValues';
import type { FeatureDefinition } from '../aws/model';
import { validateRecordId } from '../aws/validation';
import {
  isHostMessage,
  type FieldProblem,
  type GroupView,
  type InspectorRequest,
  type PutOutcome,
  type RecordOutcome,
  type RecordValues,
} from '../inspector/protocol';
import { eventTimePlaceholder, explainAccess, formatAccess, formatFeatureType, formatTtl, valuePlaceholder } from '../util/format';
import { collectValues, displayValue, fieldProblem, inputText, roleOf } from './values';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface LoadedRecord {
  recordId: string;
  values: RecordValues;
  expiresAt?: string;
}

/** Survives the page being hidden and re-created (retainContextWhenHidden is off). */
interface PageState {
  groupArn: string;
  recordIdText: string;
  record?: LoadedRecord;
}

type StatusKind = 'idle' | 'busy' | 'info' | 'success' | 'not-found' | 'error';

const vscodeApi = acquireVsCodeApi();

// ---- requests ----------------------------------------------------------------------------------

let nextRequestId = 1;
const waiting = new Map<number, (outcome: RecordOutcome | PutOutcome) => void>();

type RequestBody<T extends InspectorRequest> = T extends InspectorRequest ? Omit<T, 'id'> : never;

function send(body: RequestBody<InspectorRequest>): Promise<RecordOutcome | PutOutcome> {
  const id = nextRequestId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    vscodeApi.postMessage({ ...body, id });
  });
}

function getRecord(recordId: string): Promise<RecordOutcome> {
  return send({ type: 'getRecord', recordId }) as Promise<RecordOutcome>;
}

function putRecord(values: RecordValues): Promise<PutOutcome> {
  return send({ type: 'putRecord', values }) as Promise<PutOutcome>;
}

// ---- small DOM helpers -------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing`);
  return node as T;
}

function fieldId(feature: string): string {
  return `field-${feature}`;
}

// ---- page --------------------------------------------------------------------------------------

class InspectorPage {
  private record?: LoadedRecord;
  private busy = false;

  constructor(private readonly group: GroupView) {}

  render(root: HTMLElement): void {
    const g = this.group;
    root.replaceChildren();
    root.setAttribute('aria-busy', 'false');
    root.append(this.header(), this.lookupForm(), el('div', { id: 'status', role: 'status', 'aria-live': 'polite', 'data-kind': 'idle' }), this.recordSection());
    if (g.canWrite) root.append(this.writeActions(), this.editForm());
    else root.append(el('p', { id: 'read-only-note', class: 'muted' }, `Writing records needs a ReadWrite or Admin share; ask the owner (${g.ownerAccountId}).`));
    byId<HTMLFormElement>('lookup-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.lookup();
    });
    byId<HTMLInputElement>('record-id').addEventListener('input', () => this.saveState());
  }

  restore(state: PageState | undefined): void {
    if (!state || state.groupArn !== this.group.arn) {
      byId<HTMLInputElement>('record-id').focus();
      return;
    }
    byId<HTMLInputElement>('record-id').value = state.recordIdText;
    if (state.record) {
      this.showRecord(state.record);
      this.setStatus('info', `Showing record "${state.record.recordId}" as loaded earlier. Choose Get record to read it again.`);
    }
  }

  // -- header

  private header(): HTMLElement {
    const g = this.group;
    const meta =
      g.access === 'owner'
        ? [`your account ${g.ownerAccountId}`, `profile ${g.profile}`, g.region]
        : [`owner ${g.ownerAccountId}`, `${formatAccess(g.access)} access`, `profile ${g.profile}`, g.region];
    const stores = g.onlineStoreEnabled
      ? ['online store', g.storageType, g.defaultTtl ? `TTL ${formatTtl(g.defaultTtl)}` : undefined].filter(Boolean).join(' · ')
      : 'no online store: records cannot be read or written here';
    const header = el(
      'header',
      { id: 'group-header' },
      el('h1', { id: 'group-name' }, g.name),
      el('p', { id: 'group-meta', class: 'muted' }, meta.join(' · ')),
      el('p', { id: 'group-access', 'data-access': g.access }, explainAccess(g.access)),
      el('p', { id: 'group-stores', class: 'muted' }, stores),
    );
    if (g.description) header.append(el('p', { id: 'group-description' }, g.description));
    return header;
  }

  // -- lookup

  private lookupForm(): HTMLElement {
    const idName = this.group.recordIdentifierFeatureName;
    return el(
      'form',
      { id: 'lookup-form', class: 'row', novalidate: '' },
      el('label', { for: 'record-id' }, `Record identifier (${idName})`),
      el('input', { id: 'record-id', type: 'text', 'aria-label': `Record identifier (${idName})`, placeholder: `${idName} value`, autocomplete: 'off', spellcheck: 'false' }),
      el('button', { id: 'get-record', type: 'submit' }, 'Get record'),
    );
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
    const outcome = await getRecord(recordId);
    this.setBusy(false);
    switch (outcome.kind) {
      case 'found':
        this.showRecord(outcome);
        this.setStatus('success', `Record "${outcome.recordId}" loaded.`);
        break;
      case 'notFound':
        this.showRecord(undefined);
        this.setStatus('not-found', `No record with ${this.group.recordIdentifierFeatureName} "${outcome.recordId}" in ${this.group.name}.`);
        break;
      case 'error':
        this.setStatus('error', outcome.message);
        break;
    }
    this.saveState();
  }

  // -- record table

  private recordSection(): HTMLElement {
    const table = el(
      'table',
      { id: 'record-table', 'aria-labelledby': 'record-title' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Feature'), el('th', { scope: 'col' }, 'Type'), el('th', { scope: 'col' }, 'Value'))),
      el('tbody'),
    );
    return el('section', { id: 'record-section', hidden: '' }, el('h2', { id: 'record-title' }), el('p', { id: 'record-expiry', class: 'muted', hidden: '' }), table);
  }

  private showRecord(record: LoadedRecord | undefined): void {
    this.record = record;
    const section = byId('record-section');
    const edit = document.getElementById('edit-record') as HTMLButtonElement | null;
    if (edit) edit.disabled = !record;
    if (!record) {
      section.hidden = true;
      return;
    }
    byId('record-title').textContent = `Record "${record.recordId}"`;
    const expiry = byId('record-expiry');
    expiry.hidden = !record.expiresAt;
    expiry.textContent = record.expiresAt ? `Expires at ${record.expiresAt}` : '';
    const body = byId('record-table').querySelector('tbody')!;
    body.replaceChildren(...this.group.features.map((def) => this.row(def, record.values[def.name])));
    section.hidden = false;
  }

  private row(def: FeatureDefinition, value: string | string[] | undefined): HTMLTableRowElement {
    const role = roleOf(this.group, def.name);
    const nameCell = el('td', { class: 'feature-name' }, def.name);
    if (role) nameCell.append(' ', el('span', { class: 'badge' }, role === 'recordIdentifier' ? 'record id' : 'event time'));
    const shown = displayValue(def, value);
    const valueCell = el('td', { class: `value value-${shown.kind}`, 'data-value-kind': shown.kind });
    if (shown.kind === 'list' && shown.items && shown.items.length > 0) {
      valueCell.append(...shown.items.map((item) => el('span', { class: 'chip' }, item)));
    } else {
      valueCell.textContent = shown.text;
    }
    return el('tr', { 'data-feature': def.name }, nameCell, el('td', { class: 'feature-type' }, formatFeatureType(def)), valueCell);
  }

  // -- writing

  private writeActions(): HTMLElement {
    const edit = el('button', { id: 'edit-record', type: 'button', class: 'secondary', disabled: '' }, 'Edit record');
    const create = el('button', { id: 'new-record', type: 'button', class: 'secondary' }, 'New record');
    edit.addEventListener('click', () => this.openEditor(this.record));
    create.addEventListener('click', () => this.openEditor(undefined));
    return el('div', { id: 'write-actions', class: 'row' }, edit, create);
  }

  private editForm(): HTMLElement {
    const form = el('form', { id: 'edit-form', hidden: '', novalidate: '' }, el('h2', { id: 'edit-title' }, 'Edit record'));
    for (const def of this.group.features) form.append(this.field(def));
    const put = el('button', { id: 'put-record', type: 'submit' }, 'Write record');
    const cancel = el('button', { id: 'cancel-edit', type: 'button', class: 'secondary' }, 'Cancel');
    cancel.addEventListener('click', () => this.closeEditor());
    form.append(el('p', { class: 'muted' }, 'Empty fields are left out of the record. You confirm before anything is written.'), el('div', { class: 'row' }, put, cancel));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.write();
    });
    return form;
  }

  private field(def: FeatureDefinition): HTMLElement {
    const role = roleOf(this.group, def.name);
    const type = formatFeatureType(def);
    const input = el('input', {
      id: fieldId(def.name),
      type: 'text',
      'data-feature': def.name,
      'aria-label': `${def.name} (${type})`,
      'aria-describedby': `error-${def.name}`,
      placeholder: role === 'eventTime' ? eventTimePlaceholder(def) : valuePlaceholder(def),
      autocomplete: 'off',
      spellcheck: 'false',
    });
    const label = el('label', { for: fieldId(def.name) }, def.name, ' ', el('span', { class: 'muted' }, type));
    if (role) label.append(' ', el('span', { class: 'badge' }, role === 'recordIdentifier' ? 'record id' : 'event time'));
    const control = el('div', { class: 'row' }, input);
    if (role === 'eventTime') {
      const now = el('button', { id: 'event-time-now', type: 'button', class: 'secondary', 'aria-label': `Set ${def.name} to now` }, 'Now');
      now.addEventListener('click', () => {
        input.value = nowEventTime(def);
        this.checkField(def, input);
      });
      control.append(now);
    }
    input.addEventListener('change', () => this.checkField(def, input));
    input.addEventListener('input', () => {
      if (input.getAttribute('aria-invalid') === 'true') this.checkField(def, input);
    });
    return el('div', { class: 'field', 'data-field': def.name }, label, control, el('div', { id: `error-${def.name}`, class: 'field-error', 'data-feature-error': def.name, hidden: '' }));
  }

  private checkField(def: FeatureDefinition, input: HTMLInputElement): void {
    this.showFieldProblem(def.name, fieldProblem(def, roleOf(this.group, def.name), input.value));
  }

  private showFieldProblem(feature: string, message: string | undefined): void {
    const input = document.getElementById(fieldId(feature));
    const error = document.getElementById(`error-${feature}`);
    if (input) {
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (error) {
      error.textContent = message ?? '';
      error.hidden = !message;
    }
  }

  private openEditor(record: LoadedRecord | undefined): void {
    const form = byId<HTMLFormElement>('edit-form');
    byId('edit-title').textContent = record ? `Edit record "${record.recordId}"` : 'New record';
    for (const def of this.group.features) {
      const input = byId<HTMLInputElement>(fieldId(def.name));
      // A write only replaces the stored record when its event time is newer: start from now.
      input.value = roleOf(this.group, def.name) === 'eventTime' ? nowEventTime(def) : inputText(def, record?.values[def.name]);
      this.showFieldProblem(def.name, undefined);
    }
    form.hidden = false;
    byId<HTMLInputElement>(fieldId(record ? this.firstEditableFeature() : this.group.recordIdentifierFeatureName)).focus();
  }

  private firstEditableFeature(): string {
    const g = this.group;
    return g.features.find((f) => f.name !== g.recordIdentifierFeatureName && f.name !== g.eventTimeFeatureName)?.name ?? g.recordIdentifierFeatureName;
  }

  private closeEditor(): void {
    byId('edit-form').hidden = true;
  }

  private showProblems(problems: FieldProblem[]): void {
    for (const def of this.group.features) this.showFieldProblem(def.name, problems.find((p) => p.feature === def.name)?.message);
    const first = problems.find((p) => document.getElementById(fieldId(p.feature)));
    if (first) document.getElementById(fieldId(first.feature))?.focus();
    const count = problems.length === 1 ? '1 value needs' : `${problems.length} values need`;
    const unplaced = problems.filter((p) => !document.getElementById(fieldId(p.feature))).map((p) => p.message);
    this.setStatus('error', [`${count} fixing; nothing was written.`, ...unplaced].join(' '));
  }

  private async write(): Promise<void> {
    if (this.busy) return;
    const texts: Record<string, string> = {};
    for (const def of this.group.features) texts[def.name] = byId<HTMLInputElement>(fieldId(def.name)).value;
    const { values, problems } = collectValues(this.group, texts);
    if (problems.length > 0) {
      this.showProblems(problems);
      return;
    }
    this.setBusy(true, 'Waiting for your confirmation in VS Code…');
    const outcome = await putRecord(values);
    this.setBusy(false);
    switch (outcome.kind) {
      case 'written': {
        this.closeEditor();
        byId<HTMLInputElement>('record-id').value = outcome.recordId;
        this.setStatus('success', `Record "${outcome.recordId}" written to ${this.group.name}.`);
        await this.lookup();
        if (byId('status').dataset.kind === 'success') this.setStatus('success', `Record "${outcome.recordId}" written to ${this.group.name} and read back.`);
        break;
      }
      case 'invalid':
        this.showProblems(outcome.problems);
        break;
      case 'cancelled':
        this.setStatus('info', 'Nothing was written: the write was cancelled.');
        break;
      case 'error':
        this.setStatus('error', outcome.message);
        break;
    }
  }

  // -- status

  private setBusy(busy: boolean, message?: string): void {
    this.busy = busy;
    for (const id of ['get-record', 'put-record', 'edit-record', 'new-record']) {
      const button = document.getElementById(id) as HTMLButtonElement | null;
      if (button) button.disabled = busy || (id === 'edit-record' && !this.record);
    }
    byId('app').setAttribute('aria-busy', String(busy));
    if (busy && message) this.setStatus('busy', message);
  }

  private setStatus(kind: StatusKind, message: string): void {
    const status = byId('status');
    status.dataset.kind = kind;
    status.textContent = message;
  }

  private saveState(): void {
    const state: PageState = { groupArn: this.group.arn, recordIdText: byId<HTMLInputElement>('record-id').value, record: this.record };
    vscodeApi.setState(state);
  }
}

// ---- wiring ------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  if (message.type === 'init') {
    const page = new InspectorPage(message.group);
    page.render(byId('app'));
    page.restore(vscodeApi.getState() as PageState | undefined);
    return;
  }
  const resolve = waiting.get(message.id);
  if (resolve) {
    waiting.delete(message.id);
    resolve(message.outcome);
  }
});

vscodeApi.postMessage({ type: 'ready' });
