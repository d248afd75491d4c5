// Batch lookup: pasted or typed ids, any number of them (the host splits them into BatchGetRecord
// calls of 100, sent concurrently), and a table with one row per id: values, "no record", or the
// per-id error the service gave.
import type { BatchGetRequest, BatchRowView } from '../inspector/protocol';
import { valueCell } from './cells';
import { button, byId, el } from './dom';
import type { PageContext } from './pageContext';
import { request } from './rpc';
import type { BatchState, StatusKind } from './state';
import { parseRecordIds, roleOf } from './values';

/** More rows than this are not drawn at once (the rest on demand), so a huge paste stays responsive. */
const ROWS_PER_PAGE = 500;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function batchSummary(batch: BatchState): string {
  const count = (s: BatchRowView['status']) => batch.rows.filter((r) => r.status === s).length;
  const parts = [`${plural(count('found'), 'found', 'found')}`, `${count('notFound')} without a record`];
  if (count('error')) parts.push(plural(count('error'), 'error'));
  if (count('unprocessed')) parts.push(`${count('unprocessed')} still unprocessed`);
  const calls = `${plural(batch.calls, 'BatchGetRecord call')}${batch.retriedIds ? `, ${plural(batch.retriedIds, 'id')} retried` : ''}`;
  return `${plural(batch.rows.length, 'id')}: ${parts.join(', ')} (${calls}).`;
}

export class BatchView {
  private shownRows = ROWS_PER_PAGE;

  constructor(private readonly page: PageContext) {}

  render(): HTMLElement {
    const ids = el('textarea', {
      id: 'batch-ids',
      rows: '6',
      spellcheck: 'false',
      'aria-label': 'Record identifiers to look up',
      placeholder: `One ${this.page.group.recordIdentifierFeatureName} per line (or comma-separated, or a JSON array)`,
    });
    ids.addEventListener('input', () => {
      this.page.state.batchText = ids.value;
      this.updateCount();
      this.page.save();
    });
    const form = el(
      'form',
      { id: 'batch-form', novalidate: '' },
      el('label', { for: 'batch-ids' }, `Record identifiers (${this.page.group.recordIdentifierFeatureName})`),
      ids,
      el('div', { class: 'row' }, button('batch-run', 'Look up all', () => undefined, { type: 'submit' }), el('span', { id: 'batch-count', class: 'muted' })),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run();
    });
    return el(
      'section',
      { id: 'batch-section', 'aria-label': 'Batch lookup' },
      el('p', { class: 'muted' }, 'Any number of ids: they are sent 100 per BatchGetRecord call, several calls at once, and ids the service leaves unprocessed are retried.'),
      form,
      el('div', { id: 'batch-status', role: 'status', 'aria-live': 'polite', 'data-kind': 'idle' }),
      el('div', { class: 'table-wrap' }, el('table', { id: 'batch-table', hidden: '' }, el('thead'), el('tbody'))),
      el('div', { class: 'row' }, button('batch-more', 'Show more rows', () => this.showMore(), { secondary: true })),
    );
  }

  /** Puts the saved state on screen. */
  sync(): void {
    byId<HTMLTextAreaElement>('batch-ids').value = this.page.state.batchText;
    this.updateCount();
    const status = this.page.state.batchStatus;
    this.setStatus(status?.kind ?? 'idle', status?.message ?? '', false);
    this.drawTable();
  }

  private updateCount(): void {
    const n = parseRecordIds(this.page.state.batchText).length;
    byId('batch-count').textContent = n === 0 ? '' : `${plural(n, 'distinct id')}, ${plural(Math.ceil(n / 100), 'call')}`;
  }

  private setStatus(kind: StatusKind, message: string, save = true): void {
    const status = byId('batch-status');
    status.dataset.kind = kind;
    status.textContent = message;
    if (save) this.page.state.batchStatus = kind === 'busy' ? undefined : { kind, message };
  }

  private async run(): Promise<void> {
    if (this.page.isBusy()) return;
    const ids = parseRecordIds(this.page.state.batchText);
    if (ids.length === 0) {
      this.setStatus('error', 'Enter at least one record identifier.');
      byId('batch-ids').focus();
      return;
    }
    this.page.setBusy(true);
    this.setStatus('busy', `Looking up ${plural(ids.length, 'record')}…`);
    const outcome = await request<BatchGetRequest>({ type: 'batchGet', recordIds: ids, ...(this.page.selectedFeatures() ? { featureNames: this.page.selectedFeatures() } : {}) });
    this.page.setBusy(false);
    if (outcome.kind === 'error') {
      this.setStatus('error', outcome.message);
    } else {
      const { rows, calls, retriedIds, featureNames } = outcome;
      this.page.state.batch = { rows, calls, retriedIds, ...(featureNames ? { featureNames } : {}) };
      this.shownRows = ROWS_PER_PAGE;
      const failed = rows.some((r) => r.status === 'error' || r.status === 'unprocessed');
      this.setStatus(failed ? 'warning' : 'success', batchSummary(this.page.state.batch));
      this.drawTable();
    }
    this.page.save();
  }

  private showMore(): void {
    this.shownRows += ROWS_PER_PAGE;
    this.drawTable();
  }

  private drawTable(): void {
    const table = byId<HTMLTableElement>('batch-table');
    const more = byId<HTMLButtonElement>('batch-more');
    const batch = this.page.state.batch;
    table.hidden = !batch;
    more.hidden = true;
    if (!batch) return;
    const g = this.page.group;
    const picked = batch.featureNames ? new Set(batch.featureNames) : undefined;
    const columns = g.features.filter((f) => f.name !== g.recordIdentifierFeatureName && (!picked || picked.has(f.name)));
    table.querySelector('thead')!.replaceChildren(
      el('tr', {}, el('th', { scope: 'col' }, g.recordIdentifierFeatureName), el('th', { scope: 'col' }, 'Result'), ...columns.map((c) => el('th', { scope: 'col' }, c.name))),
    );
    const rows = batch.rows.slice(0, this.shownRows).map((row) => {
      const tr = el('tr', { 'data-record-id': row.recordId, 'data-status': row.status }, el('td', { class: 'record-id' }, row.recordId));
      switch (row.status) {
        case 'found':
          tr.append(el('td', { class: 'result found' }, row.expiresAt ? `found · expires ${row.expiresAt}` : 'found'));
          tr.append(...columns.map((def) => valueCell(def, row.values?.[def.name], roleOf(g, def.name))));
          break;
        case 'notFound':
          tr.append(el('td', { class: 'result not-found', colspan: String(columns.length + 1) }, 'no record with this id'));
          break;
        default:
          tr.append(el('td', { class: 'result error', colspan: String(columns.length + 1) }, `${row.status === 'unprocessed' ? 'unprocessed' : (row.errorCode ?? 'error')}: ${row.error ?? ''}`));
      }
      return tr;
    });
    table.querySelector('tbody')!.replaceChildren(...rows);
    if (batch.rows.length > this.shownRows) {
      more.hidden = false;
      more.textContent = `Show more rows (${batch.rows.length - this.shownRows} not shown)`;
    }
  }
}
