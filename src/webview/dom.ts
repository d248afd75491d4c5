// Small DOM helpers for the inspector page. Text always goes in as text nodes: nothing from AWS
// (values, names, descriptions) is ever parsed as HTML.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Array<Node | string | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child !== undefined) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing`);
  return node as T;
}

export function maybeId<T extends HTMLElement>(id: string): T | undefined {
  return (document.getElementById(id) as T | null) ?? undefined;
}

export function button(id: string, label: string, onClick: () => void, opts: { secondary?: boolean; danger?: boolean; title?: string; type?: 'button' | 'submit' } = {}): HTMLButtonElement {
  const classes = [opts.secondary ? 'secondary' : undefined, opts.danger ? 'danger' : undefined].filter(Boolean).join(' ');
  const b = el('button', { id, type: opts.type ?? 'button', class: classes || undefined, title: opts.title }, label);
  if (opts.type !== 'submit') b.addEventListener('click', onClick);
  return b;
}
