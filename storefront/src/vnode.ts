/**
 * A tiny virtual-DOM description. Views build these as plain data (unit-testable without a DOM);
 * `render` turns them into elements. Text only ever becomes a Text node, never markup, so data
 * from the API cannot inject HTML.
 */
export type AttrValue = string | number | boolean | null | undefined;
export type Handler = (event: Event) => void;

export interface VElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, AttrValue>>;
  readonly on: Readonly<Record<string, Handler>>;
  readonly children: readonly VNode[];
}

export type VNode = VElement | string;
export type Child = VNode | null | undefined | false | readonly Child[];

export interface Props {
  readonly [name: string]: AttrValue | Handler;
}

function flatten(children: readonly Child[], into: VNode[]): VNode[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child, into);
    else into.push(child as VNode);
  }
  return into;
}

/** `h('td', { 'data-label': 'Total', 'on:click': fn }, 'text', h(...))`. */
export function h(tag: string, props: Props = {}, ...children: Child[]): VElement {
  const attrs: Record<string, AttrValue> = {};
  const on: Record<string, Handler> = {};
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('on:')) on[name.slice(3)] = value as Handler;
    else attrs[name] = value as AttrValue;
  }
  return { tag, attrs, on, children: flatten(children, []) };
}

/** Text content of a tree, as a screen reader or test would read it. */
export function textOf(node: VNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

export function render(node: VNode, doc: Document = document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const element = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(node.on)) element.addEventListener(type, handler);
  for (const child of node.children) element.appendChild(render(child, doc));
  return element;
}
