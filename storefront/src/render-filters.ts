import type { Messages } from './messages';
import type { FilterKey, TabDefinition } from './tab-definitions';
import { h, type VElement, type VNode } from './vnode';

export type ListFilters = Partial<Record<FilterKey, string>>;

export interface FilterHandlers {
  apply(filters: ListFilters): void;
  clear(): void;
  download(button: HTMLButtonElement): void;
}

/** The named, non-empty filter values of a submitted form. */
export function filtersFromForm(data: FormData, keys: readonly FilterKey[]): ListFilters {
  const filters: ListFilters = {};
  for (const key of keys) {
    const value = data.get(key);
    if (typeof value === 'string' && value.trim() !== '') filters[key] = value.trim();
  }
  return filters;
}

function field(id: string, label: string, control: VElement): VElement {
  return h('div', { class: 'form-field erp-portal-filter' }, h('label', { class: 'form-label', for: id }, label), control);
}

function control(key: FilterKey, id: string, value: string, messages: Messages): VNode {
  switch (key) {
    case 'status': {
      const option = (code: string, label: string) => h('option', { value: code, selected: value === code }, label);
      return field(
        id,
        messages.status,
        h(
          'select',
          { id, name: key, class: 'form-select' },
          option('', messages.anyStatus),
          option('O', messages.statusOpen),
          option('C', messages.statusComplete),
          option('V', messages.statusVoid),
        ),
      );
    }
    case 'from':
    case 'to':
      return field(id, messages[key], h('input', { id, name: key, type: 'date', class: 'form-input', value }));
    case 'po':
      return field(id, messages.po, h('input', { id, name: key, type: 'search', class: 'form-input', maxlength: 20, value, autocomplete: 'off' }));
    case 'item':
      return field(id, messages.item, h('input', { id, name: key, type: 'search', class: 'form-input', maxlength: 25, value, autocomplete: 'off' }));
    case 'q':
      return field(id, messages.search, h('input', { id, name: key, type: 'search', class: 'form-input', maxlength: 30, value, autocomplete: 'off' }));
  }
}

/** Cornerstone form markup: filters the tab's API accepts, then Apply, Clear and Download CSV. */
export function renderFilters(
  tab: TabDefinition<unknown>,
  idPrefix: string,
  current: ListFilters,
  messages: Messages,
  handlers: FilterHandlers,
): VElement {
  const submit = (event: Event) => {
    event.preventDefault();
    handlers.apply(filtersFromForm(new FormData(event.currentTarget as HTMLFormElement), tab.filters));
  };
  return h(
    'form',
    { class: 'form erp-portal-filters', role: 'search', 'aria-label': messages.filters, 'on:submit': submit },
    h(
      'fieldset',
      { class: 'form-fieldset' },
      h('legend', { class: 'u-hiddenVisually' }, messages.filters),
      tab.filters.map((key) => control(key, `${idPrefix}-${key}`, current[key] ?? '', messages)),
      h(
        'div',
        { class: 'form-actions erp-portal-actions' },
        h('button', { type: 'submit', class: 'button button--primary button--small' }, messages.apply),
        h('button', { type: 'button', class: 'button button--small', 'on:click': handlers.clear }, messages.clear),
        h('button', { type: 'button', class: 'button button--small erp-portal-download', 'on:click': (event) => handlers.download(event.currentTarget as HTMLButtonElement) }, messages.downloadCsv),
      ),
    ),
  );
}
