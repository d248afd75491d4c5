// Table cells for feature values: one rendering for the record table, the batch table and the
// difference before a write. Values are set as text, never as HTML.
import type { FeatureDefinition } from '../aws/model';
import { el } from './dom';
import { displayValue, type FeatureRole, type WireValue } from './values';

export function valueCell(def: FeatureDefinition, value: WireValue | undefined, role?: FeatureRole, tag: 'td' | 'div' = 'td'): HTMLElement {
  const shown = displayValue(def, value, role);
  const cell = el(tag, { class: `value value-${shown.kind}${role === 'eventTime' ? ' event-time' : ''}`, 'data-value-kind': shown.kind });
  if ((shown.kind === 'list' || shown.kind === 'vector') && shown.items && shown.items.length > 0) {
    const chips = el('span', { class: shown.kind === 'vector' ? 'vector' : 'chips' });
    if (shown.kind === 'vector') chips.textContent = shown.text;
    else chips.append(...shown.items.map((item) => el('span', { class: 'chip' }, item)));
    cell.append(chips);
  } else {
    cell.append(el('span', { class: 'value-text' }, shown.text));
  }
  if (shown.note) cell.append(el('span', { class: shown.warning ? 'value-note warning' : 'value-note' }, shown.note));
  return cell;
}

export function roleBadge(role: FeatureRole): HTMLElement | undefined {
  if (!role) return undefined;
  return el('span', { class: 'badge' }, role === 'recordIdentifier' ? 'record id' : 'event time');
}
