import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoStorefront, renderDemoPage } from '../../storefront/demo/demo-assets';
import { defaultMessages } from '../../storefront/src/messages';

const theme = join(__dirname, '..', '..', 'storefront', 'theme');
const read = (...path: string[]) => readFileSync(join(theme, ...path), 'utf8');
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('theme drop-in', () => {
  it('has a lang string and a data-msg attribute for every message the module shows', () => {
    const lang = JSON.parse(read('lang', 'en.json')) as { erp_portal: Record<string, unknown> };
    const mount = read('templates', 'components', 'account', 'erp-portal.html');
    for (const [key, text] of Object.entries(defaultMessages)) {
      expect(lang.erp_portal[snake(key)], key).toBe(text);
      expect(mount, key).toContain(`data-msg-${kebab(key)}="{{lang 'erp_portal.${snake(key)}'}}"`);
    }
  });

  it('gates every custom page on a signed-in customer and mounts its own tab', () => {
    const pages = readdirSync(join(theme, 'templates', 'pages', 'custom', 'page'));
    expect(pages.sort()).toEqual(['erp-invoices.html', 'erp-orders.html', 'erp-quotes.html', 'erp-shipments.html']);
    for (const page of pages) {
      const tab = page.replace(/^erp-|\.html$/g, '');
      const html = read('templates', 'pages', 'custom', 'page', page);
      expect(html).toContain('{{#if customer}}');
      expect(html).toContain(`{{> components/account/erp-portal tab='${tab}'}}`);
      expect(html).toContain(`account_page='erp_${tab}'`);
    }
  });
});

describe('demo storefront assets', () => {
  it('escapes customer names and marks the active tab', () => {
    const template = readFileSync(join(__dirname, '..', '..', 'storefront', 'demo', 'index.html'), 'utf8');
    const html = renderDemoPage(template, 'invoices', 'client"1', [{ custNo: 'C00001', name: 'A&B <Tools>' }]);
    expect(html).toContain('C00001 · A&amp;B &lt;Tools&gt;');
    expect(html).toContain('data-tab="invoices" data-api-base="/api/v1" data-app-client-id="client&quot;1"');
    expect(html).toContain('<li class="navBar-item is-active" aria-current="page">Invoices</li>');
    expect(html).not.toMatch(/%[A-Z_]+%/);
  });

  it('serves the pages, the stylesheet and the bundled module, and nothing else', async () => {
    const serve = createDemoStorefront({ appClientId: 'demo-client', customers: async () => [] });
    expect((await serve('/storefront/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await serve('/storefront/quotes'))?.body.toString()).toContain('data-tab="quotes"');
    expect((await serve('/storefront/demo.css'))?.contentType).toBe('text/css; charset=utf-8');
    const bundle = await serve('/storefront/erp-portal.js');
    expect(bundle?.contentType).toBe('text/javascript; charset=utf-8');
    expect(bundle?.body.toString()).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(await serve('/storefront/../package.json')).toBeUndefined();
    expect(await serve('/storefront/index.html')).toBeUndefined();
  });
});
