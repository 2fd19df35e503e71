type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * `h('label', {for: 'x'}, 'Name')`: an element with attributes (`true` → present, `false`/`null`
 * → absent), `on…` listeners and children. Text always goes in as text, never as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Shows or hides an element (the `hidden` attribute, which the styles honour). */
export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}
