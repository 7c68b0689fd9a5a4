/** Marks every template the drop-in ships; a file carrying it is the drop-in's to replace. */
export const dropInMarker = 'erp-portal drop-in';

export interface MenuEdit {
  /** Theme-relative path of the Cornerstone template that lists the account pages. */
  readonly file: string;
  /** The drop-in partial included after the Orders item. */
  readonly include: string;
}

/** Desktop account tabs, and the phone menu's account sub-menu (`.navBar--account` is hidden on phones). */
export const menuEdits: readonly MenuEdit[] = [
  { file: 'templates/components/account/navigation.html', include: '{{> components/account/erp-navigation-tabs}}' },
  { file: 'templates/components/common/navigation-menu.html', include: '{{> components/account/erp-navigation-menu}}' },
];

const ordersLink = '{{urls.account.orders.all}}';

/**
 * The template with the include placed after the `<li>` that links to the Orders page, indented
 * like it; the text unchanged when the include is already there; undefined when there is no such item.
 */
export function addMenuInclude(text: string, include: string): string | undefined {
  if (text.includes(include)) return text;
  const link = text.indexOf(ordersLink);
  const open = text.lastIndexOf('<li', link);
  const close = text.indexOf('</li>', link);
  if (link < 0 || open < 0 || close < 0) return undefined;
  const indent = /[ \t]*$/.exec(text.slice(0, open))?.[0] ?? '';
  const end = close + '</li>'.length;
  return `${text.slice(0, end)}\n${indent}${include}${text.slice(end)}`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `target` with every key of `source` it lacks added, nested objects included; existing values are kept. */
export function addMissingKeys(target: { [key: string]: Json }, source: { [key: string]: Json }): { [key: string]: Json } {
  const merged = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const current = merged[key];
    if (current === undefined) merged[key] = value;
    else if (isObject(current) && isObject(value)) merged[key] = addMissingKeys(current, value);
  }
  return merged;
}

/** The indentation a JSON file uses, so a merged file keeps the theme's own style. */
export function jsonIndent(text: string): string {
  return /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
}

/**
 * `text` with a top-level key appended before its closing brace, so the rest of the file keeps
 * its formatting byte for byte; undefined when the result would not parse to `expected`.
 */
export function appendTopLevelKey(text: string, key: string, value: Json, expected: Json): string | undefined {
  const close = text.lastIndexOf('}');
  if (close < 0) return undefined;
  const indent = jsonIndent(text);
  const body = JSON.stringify(value, null, indent).split('\n').join(`\n${indent}`);
  const head = text.slice(0, close).trimEnd();
  const result = `${head}${head.endsWith('{') ? '' : ','}\n${indent}${JSON.stringify(key)}: ${body}\n${text.slice(close)}`;
  try {
    return JSON.stringify(JSON.parse(result)) === JSON.stringify(expected) ? result : undefined;
  } catch {
    return undefined;
  }
}

export type { Json };
