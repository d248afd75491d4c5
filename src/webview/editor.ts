// The edit panel: a record as a form (one input per feature) or as JSON, an optional per-record
// time to live, then the difference against the stored record, then the write. The host re-reads
// the record and asks for confirmation in a modal before anything is sent.
import { nowEventTime, validateRecord } from '../aws/featureValues';
import type { FeatureDefinition, TtlDuration } from '../aws/model';
import { recordFromJson, recordToJson } from '../aws/recordJson';
import type { FieldProblem, PreviewWriteRequest, PutRecordRequest, RecordValues, WritePreview } from '../inspector/protocol';
import { eventTimePlaceholder, formatFeatureType, formatTtl, valuePlaceholder } from '../util/format';
import { roleBadge, valueCell } from './cells';
import { button, byId, el, maybeId } from './dom';
import type { PageContext } from './pageContext';
import { request } from './rpc';
import type { EditorState, LoadedRecord } from './state';
import { collectValues, fieldProblem, roleOf, textsOf } from './values';

const TTL_UNITS: TtlDuration['unit'][] = ['Seconds', 'Minutes', 'Hours', 'Days', 'Weeks'];

function fieldId(feature: string): string {
  return `field-${feature}`;
}

export class RecordEditor {
  constructor(private readonly page: PageContext) {}

  private get group() {
    return this.page.group;
  }

  private get editor(): EditorState | undefined {
    return this.page.state.editor;
  }

  // ---- building ----------------------------------------------------------------------------------

  render(): HTMLElement {
    const section = el('section', { id: 'edit-panel', class: 'panel', hidden: '', 'aria-labelledby': 'edit-title' });
    const modeForm = button('mode-form', 'Form', () => this.switchMode('form'), { secondary: true });
    const modeJson = button('mode-json', 'JSON', () => this.switchMode('json'), { secondary: true });
    modeForm.setAttribute('aria-pressed', 'true');
    modeJson.setAttribute('aria-pressed', 'false');
    section.append(
      el('div', { class: 'panel-head' }, el('h2', { id: 'edit-title' }, 'Edit record'), el('div', { class: 'segmented', role: 'group', 'aria-label': 'Edit as' }, modeForm, modeJson)),
      el('p', { id: 'edit-hint', class: 'muted' }),
      this.form(),
      this.jsonEditor(),
      this.ttlControls(),
      el(
        'div',
        { class: 'row actions' },
        button('put-record', 'Write record…', () => void this.write(), { title: 'Shows the difference, then VS Code asks you to confirm' }),
        button('cancel-edit', 'Cancel', () => this.close(), { secondary: true }),
      ),
      this.diffPanel(),
    );
    return section;
  }

  private form(): HTMLElement {
    const form = el('form', { id: 'edit-form', novalidate: '' });
    for (const def of this.group.features) form.append(this.field(def));
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
    const label = el('label', { for: fieldId(def.name) }, el('span', { class: 'feature-label' }, def.name), ' ', el('span', { class: 'muted type' }, type), ' ', roleBadge(role));
    const control = el('div', { class: 'row' }, input);
    if (role === 'eventTime') {
      control.append(
        button('event-time-now', 'Now', () => {
          input.value = nowEventTime(def);
          this.onInput(def, input);
        }, { secondary: true, title: `Set ${def.name} to the current time` }),
      );
    }
    input.addEventListener('input', () => this.onInput(def, input));
    input.addEventListener('change', () => this.checkField(def, input));
    const field = el('div', { class: 'field', 'data-field': def.name }, label, control);
    if (role === 'eventTime') field.append(el('div', { id: 'event-time-hint', class: 'muted hint' }));
    field.append(el('div', { id: `error-${def.name}`, class: 'field-error', 'data-feature-error': def.name, hidden: '' }));
    return field;
  }

  private jsonEditor(): HTMLElement {
    const area = el('textarea', { id: 'record-json', rows: String(Math.min(24, this.group.features.length + 4)), spellcheck: 'false', 'aria-label': 'Record as JSON', 'aria-describedby': 'json-error' });
    area.addEventListener('input', () => {
      if (!this.editor) return;
      this.editor.jsonText = area.value;
      this.invalidatePreview();
      this.page.save();
    });
    return el(
      'div',
      { id: 'json-editor', hidden: '' },
      el('p', { class: 'muted' }, 'Numbers may be written bare or as strings; they are sent exactly as written. null or a missing feature leaves it out of the record.'),
      area,
      el('div', { id: 'json-error', class: 'field-error', hidden: '' }),
    );
  }

  private ttlControls(): HTMLElement {
    const enabled = el('input', { id: 'ttl-enabled', type: 'checkbox' });
    const value = el('input', { id: 'ttl-value', type: 'number', min: '1', step: '1', 'aria-label': 'Time to live amount', class: 'short' });
    const unit = el('select', { id: 'ttl-unit', 'aria-label': 'Time to live unit' }, ...TTL_UNITS.map((u) => el('option', { value: u }, u.toLowerCase())));
    const sync = () => {
      if (!this.editor) return;
      this.editor.ttlEnabled = enabled.checked;
      this.editor.ttlValue = value.value;
      this.editor.ttlUnit = unit.value as TtlDuration['unit'];
      value.disabled = unit.disabled = !enabled.checked;
      this.invalidatePreview();
      this.page.save();
    };
    enabled.addEventListener('change', sync);
    value.addEventListener('input', sync);
    unit.addEventListener('change', sync);
    const groupTtl = this.group.defaultTtl ? `Without it, the group's time to live applies (${formatTtl(this.group.defaultTtl)}).` : 'Without it, the record does not expire (the group has no time to live).';
    return el(
      'fieldset',
      { id: 'ttl', class: 'ttl' },
      el('legend', {}, 'Time to live'),
      el('div', { class: 'row' }, el('label', { class: 'check' }, enabled, ' Expire this record after'), value, unit),
      el('p', { class: 'muted hint' }, `${groupTtl} ExpiresAt = event time + time to live.`),
    );
  }

  private diffPanel(): HTMLElement {
    return el(
      'div',
      { id: 'diff-panel', class: 'diff', hidden: '', 'aria-live': 'polite' },
      el('h3', { id: 'diff-title' }),
      el('p', { id: 'diff-summary' }),
      el('table', { id: 'diff-table' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Feature'), el('th', { scope: 'col' }, 'Stored'), el('th', { scope: 'col', class: 'arrow' }, ''), el('th', { scope: 'col' }, 'New'))), el('tbody')),
      el('p', { id: 'diff-warning', class: 'warning-box', role: 'alert', hidden: '' }),
      el('p', { id: 'diff-ttl', class: 'muted', hidden: '' }),
    );
  }

  // ---- opening and closing -----------------------------------------------------------------------

  /** Starts editing: from the loaded record (read, change, write) or from scratch. */
  open(record: LoadedRecord | undefined): void {
    const values = record?.values ?? {};
    const texts = textsOf(this.group.features, values);
    const etDef = this.group.features.find((f) => f.name === this.group.eventTimeFeatureName);
    // A write only replaces the stored record when its event time is newer: start from now.
    if (etDef) texts[etDef.name] = nowEventTime(etDef);
    this.page.state.editor = {
      mode: 'form',
      isNew: !record,
      texts,
      jsonText: recordToJson(this.group.features, collectValues(this.group, texts).values),
      ttlEnabled: false,
      ttlValue: this.group.defaultTtl ? String(this.group.defaultTtl.value) : '1',
      ttlUnit: this.group.defaultTtl?.unit ?? 'Days',
    };
    this.page.closeDelete();
    this.sync();
    this.page.save();
    const first = record ? this.group.features.find((f) => !roleOf(this.group, f.name)) : undefined;
    maybeId<HTMLInputElement>(fieldId(first?.name ?? this.group.recordIdentifierFeatureName))?.focus();
  }

  close(): void {
    this.page.state.editor = undefined;
    this.sync();
    this.page.save();
  }

  /** Puts the saved editor state on screen (after open, and when the page is restored). */
  sync(): void {
    const section = maybeId('edit-panel');
    if (!section) return;
    const editor = this.editor;
    section.hidden = !editor;
    if (!editor) return;
    const stored = this.page.state.record;
    const editingStored = !editor.isNew && stored !== undefined;
    byId('edit-title').textContent = editingStored ? `Edit record "${stored.recordId}"` : 'New record';
    byId('edit-hint').textContent = editingStored
      ? 'You start from the stored record. PutRecord replaces the whole record: a feature left empty is removed. The event time starts at now, so the write replaces the online record.'
      : 'Fill in the record identifier and the event time; empty features are left out. Writing an existing id replaces that whole record.';
    for (const def of this.group.features) {
      const input = byId<HTMLInputElement>(fieldId(def.name));
      input.value = editor.texts[def.name] ?? '';
      this.showFieldProblem(def.name, undefined);
    }
    const hint = maybeId('event-time-hint');
    if (hint) {
      const storedTime = editingStored ? stored.values[this.group.eventTimeFeatureName] : undefined;
      hint.textContent = typeof storedTime === 'string' ? `Stored: ${storedTime}. Only a newer event time replaces the online record.` : '';
      hint.hidden = typeof storedTime !== 'string';
    }
    byId<HTMLTextAreaElement>('record-json').value = editor.jsonText;
    byId('json-error').hidden = true;
    const json = editor.mode === 'json';
    byId('edit-form').hidden = json;
    byId('json-editor').hidden = !json;
    byId('mode-form').setAttribute('aria-pressed', String(!json));
    byId('mode-json').setAttribute('aria-pressed', String(json));
    const enabled = byId<HTMLInputElement>('ttl-enabled');
    const value = byId<HTMLInputElement>('ttl-value');
    const unit = byId<HTMLSelectElement>('ttl-unit');
    enabled.checked = editor.ttlEnabled;
    value.value = editor.ttlValue;
    unit.value = editor.ttlUnit;
    value.disabled = unit.disabled = !editor.ttlEnabled;
    this.showPreview(editor.preview);
  }

  // ---- form <-> JSON -----------------------------------------------------------------------------

  private onInput(def: FeatureDefinition, input: HTMLInputElement): void {
    if (!this.editor) return;
    this.editor.texts[def.name] = input.value;
    if (input.getAttribute('aria-invalid') === 'true') this.checkField(def, input);
    this.invalidatePreview();
    this.page.save();
  }

  private checkField(def: FeatureDefinition, input: HTMLInputElement): void {
    this.showFieldProblem(def.name, fieldProblem(def, roleOf(this.group, def.name), input.value));
  }

  private showFieldProblem(feature: string, message: string | undefined): void {
    const input = maybeId(fieldId(feature));
    const error = maybeId(`error-${feature}`);
    if (input) {
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (error) {
      error.textContent = message ?? '';
      error.hidden = !message;
    }
  }

  private switchMode(mode: 'form' | 'json'): void {
    const editor = this.editor;
    if (!editor || editor.mode === mode) return;
    if (mode === 'json') {
      const { values, problems } = collectValues(this.group, editor.texts);
      if (problems.length > 0) {
        this.showProblems(problems);
        return;
      }
      editor.jsonText = recordToJson(this.group.features, values);
    } else {
      const { values, problems } = recordFromJson(editor.jsonText);
      if (problems.length > 0) {
        this.showJsonProblems(problems);
        return;
      }
      editor.texts = textsOf(this.group.features, values);
    }
    editor.mode = mode;
    editor.preview = undefined;
    this.sync();
    this.page.save();
  }

  /** The record to send and its time to live, or the problems (shown where they belong). */
  private collect(): { values: RecordValues; ttl?: TtlDuration } | undefined {
    const editor = this.editor;
    if (!editor) return undefined;
    let values: RecordValues;
    if (editor.mode === 'json') {
      const parsed = recordFromJson(editor.jsonText);
      const problems = [...parsed.problems, ...(parsed.problems.length ? [] : validateRecord(this.group, parsed.values))];
      if (problems.length > 0) {
        this.showJsonProblems(problems);
        return undefined;
      }
      values = parsed.values;
    } else {
      const collected = collectValues(this.group, editor.texts);
      if (collected.problems.length > 0) {
        this.showProblems(collected.problems);
        return undefined;
      }
      values = collected.values;
    }
    if (!editor.ttlEnabled) return { values };
    const amount = Number(editor.ttlValue);
    if (!Number.isSafeInteger(amount) || amount < 1) {
      this.page.setStatus('error', 'The time to live must be a whole number, 1 or more. Nothing was written.');
      byId('ttl-value').focus();
      return undefined;
    }
    return { values, ttl: { unit: editor.ttlUnit, value: amount } };
  }

  private showProblems(problems: FieldProblem[]): void {
    if (this.editor?.mode === 'json') {
      this.showJsonProblems(problems);
      return;
    }
    for (const def of this.group.features) this.showFieldProblem(def.name, problems.find((p) => p.feature === def.name)?.message);
    const first = problems.find((p) => maybeId(fieldId(p.feature)));
    if (first) maybeId(fieldId(first.feature))?.focus();
    const unplaced = problems.filter((p) => !maybeId(fieldId(p.feature))).map((p) => p.message);
    const count = problems.length === 1 ? '1 value needs' : `${problems.length} values need`;
    this.page.setStatus('error', [`${count} fixing; nothing was written.`, ...unplaced].join(' '));
  }

  private showJsonProblems(problems: FieldProblem[]): void {
    const box = byId('json-error');
    box.textContent = problems.map((p) => (p.feature === '(JSON)' ? p.message : `${p.feature}: ${p.message}`)).join('\n');
    box.hidden = false;
    byId('record-json').setAttribute('aria-invalid', 'true');
    this.page.setStatus('error', problems.length === 1 ? 'The JSON needs fixing; nothing was written.' : `The JSON has ${problems.length} problems; nothing was written.`);
  }

  // ---- review and write --------------------------------------------------------------------------

  private invalidatePreview(): void {
    const editor = this.editor;
    if (!editor?.preview) return;
    editor.preview = undefined;
    editor.previewValues = undefined;
    this.showPreview(undefined);
    this.page.save();
  }

  /**
   * Write: validate here, let the host read the stored record and compute the difference, show it,
   * then ask the host to write exactly that; it re-reads, stops if the record changed meanwhile,
   * and asks in a modal (which lists the changes too) before sending PutRecord.
   */
  private async write(): Promise<void> {
    if (this.page.isBusy()) return;
    const collected = this.collect();
    if (!collected) return;
    maybeId('record-json')?.removeAttribute('aria-invalid');
    maybeId('json-error')?.setAttribute('hidden', '');
    for (const def of this.group.features) this.showFieldProblem(def.name, undefined);
    this.page.setBusy(true, 'Reading the stored record to compare…');
    const previewed = await request<PreviewWriteRequest>({ type: 'previewWrite', values: collected.values, ...(collected.ttl ? { ttl: collected.ttl } : {}) });
    const editor = this.editor;
    if (previewed.kind !== 'preview' || !editor) {
      this.page.setBusy(false);
      if (previewed.kind === 'invalid') this.showProblems(previewed.problems);
      else if (previewed.kind === 'error') this.page.setStatus('error', previewed.message);
      this.page.save();
      return;
    }
    editor.preview = previewed.preview;
    editor.previewValues = collected.values;
    this.showPreview(previewed.preview);
    this.page.save();
    byId('diff-panel').scrollIntoView({ block: 'nearest' });
    this.page.setBusy(true, 'Check the difference below and confirm the write in VS Code…');
    const outcome = await request<PutRecordRequest>({
      type: 'putRecord',
      values: collected.values,
      baseline: previewed.preview.baseline,
      ...(collected.ttl ? { ttl: collected.ttl } : {}),
    });
    this.page.setBusy(false);
    switch (outcome.kind) {
      case 'written': {
        this.close();
        const readBack = outcome.readBack;
        byId<HTMLInputElement>('record-id').value = outcome.recordId;
        this.page.state.recordIdText = outcome.recordId;
        if (readBack?.kind === 'found') this.page.showRecord({ recordId: readBack.recordId, values: readBack.values, ...(readBack.expiresAt ? { expiresAt: readBack.expiresAt } : {}) });
        if (outcome.warning) this.page.setStatus('warning', `Record "${outcome.recordId}" was sent, but the online store kept the stored record. ${outcome.warning}`);
        else this.page.setStatus('success', `Record "${outcome.recordId}" written to ${this.group.name} and read back.`);
        break;
      }
      case 'conflict':
        editor.preview = outcome.preview;
        this.showPreview(outcome.preview);
        this.page.setStatus('warning', 'The stored record changed while you were confirming; nothing was written. Check the new difference and write again.');
        break;
      case 'cancelled':
        this.page.setStatus('info', 'Nothing was written: the write was cancelled. The difference stays below; change the values or write again.');
        break;
      case 'invalid':
        this.invalidatePreview();
        this.showProblems(outcome.problems);
        break;
      case 'error':
        this.page.setStatus('error', outcome.message);
        break;
    }
    this.page.save();
  }

  private showPreview(preview: WritePreview | undefined): void {
    const panel = byId('diff-panel');
    panel.hidden = !preview;
    if (!preview) return;
    byId('diff-title').textContent = preview.exists ? `Changes to record "${preview.recordId}"` : `New record "${preview.recordId}"`;
    const kept = preview.unchanged === 1 ? '1 feature keeps its value' : `${preview.unchanged} features keep their values`;
    const changed = preview.changes.length === 1 ? '1 feature changes' : `${preview.changes.length} features change`;
    byId('diff-summary').textContent = preview.exists ? `${changed}; ${kept}.` : `No record with this id is stored: writing creates it with ${preview.changes.length} features.`;
    const defs = new Map(this.group.features.map((f) => [f.name, f]));
    const rows = preview.changes.map((c) => {
      const def = defs.get(c.feature) ?? { name: c.feature, type: 'String' as const };
      const role = roleOf(this.group, c.feature);
      const kind = c.before === undefined ? 'added' : c.after === undefined ? 'removed' : 'changed';
      const before = valueCell(def, c.before, role);
      const after = valueCell(def, c.after, role);
      before.classList.add('before');
      after.classList.add('after');
      return el('tr', { 'data-feature': c.feature, 'data-change': kind }, el('td', { class: 'feature-name' }, c.feature, ' ', roleBadge(role)), before, el('td', { class: 'arrow', 'aria-hidden': 'true' }, '→'), after);
    });
    byId('diff-table').querySelector('tbody')!.replaceChildren(...rows);
    byId('diff-table').hidden = rows.length === 0;
    const warning = byId('diff-warning');
    warning.textContent = preview.eventTimeWarning ?? '';
    warning.hidden = !preview.eventTimeWarning;
    const ttl = byId('diff-ttl');
    ttl.textContent = preview.ttlNote ?? '';
    ttl.hidden = !preview.ttlNote;
  }
}
