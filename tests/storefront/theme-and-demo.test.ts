import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoStorefront, renderDemoPage } from '../../storefront/demo/demo-assets';
import { defaultMessages, readMessages } from '../../storefront/src/messages';

const theme = join(__dirname, '..', '..', 'storefront', 'theme');
const read = (...path: string[]) => readFileSync(join(theme, ...path), 'utf8');
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** Opening tags with their classes, in order: the page's skeleton. */
const skeleton = (html: string) =>
  [...html.matchAll(/<(nav|ol|h1|main|div|section|ul|p)\b[^>]*?class="([^"{]*)"/g)].map(([, tag, classes]) => `${tag}.${classes!.trim().split(/\s+/).join('.')}`);

describe('theme drop-in', () => {
  it('has a lang string and a data-msg attribute for every message the module shows', () => {
    const lang = JSON.parse(read('lang', 'en.json')) as { erp_portal: Record<string, unknown> };
    const mount = read('templates', 'components', 'account', 'erp-portal.html');
    for (const [key, text] of Object.entries(defaultMessages)) {
      expect(lang.erp_portal[snake(key)], key).toBe(text);
      // Paper replaces each `{name}` from the helper's hash (with "undefined" when missing): pass them through.
      const hash = [...text.matchAll(/\{(\w+)\}/g)].map(([placeholder, name]) => ` ${name}='${placeholder}'`).join('');
      expect(mount, key).toContain(`data-msg-${kebab(key)}="{{lang 'erp_portal.${snake(key)}'${hash}}}"`);
    }
  });

  it('loads its script with the page nonce, as every script in Cornerstone\'s layout does', () => {
    const mount = read('templates', 'components', 'account', 'erp-portal.html');
    expect(mount).toMatch(/<script nonce="\{\{nonce\}\}" src="\{\{cdn 'assets\/js\/erp-portal\.js'\}\}" defer><\/script>/);
    expect(mount.match(/<script\b/g)).toHaveLength(1);
  });

  it('ignores a theme string that lost a placeholder the module fills, rather than show "undefined"', () => {
    const messages = readMessages({ msgShowing: 'Showing undefined–undefined of undefined', msgPage: 'Seite {page}' });
    expect(messages.showing).toBe(defaultMessages.showing);
    expect(messages.page).toBe('Seite {page}');
  });

  it('keeps the link inside the active tab, as Cornerstone\'s navigation does, on desktop and in the phone menu', () => {
    const tabs = read('templates', 'components', 'account', 'erp-navigation-tabs.html');
    expect(tabs).toContain(`<li class="navBar-item {{#if account_page '===' 'erp_orders'}}is-active{{/if}}">\n    <a class="navBar-action" href="/erp-orders/">`);
    const menu = read('templates', 'components', 'account', 'erp-navigation-menu.html');
    for (const tab of ['orders', 'shipments', 'invoices', 'quotes', 'products']) {
      expect(menu).toContain(`<a class="navPage-subMenu-action navPages-action"\n       href="/erp-${tab}/"`);
    }
  });

  it('gives every custom page its own tab, and the shared page body Cornerstone\'s account markup, gated on a signed-in customer', () => {
    const pages = readdirSync(join(theme, 'templates', 'pages', 'custom', 'page'));
    expect(pages.sort()).toEqual(['erp-invoices.html', 'erp-orders.html', 'erp-products.html', 'erp-quotes.html', 'erp-shipments.html']);
    for (const page of pages) {
      const tab = page.replace(/^erp-|\.html$/g, '');
      const html = read('templates', 'pages', 'custom', 'page', page);
      expect(html).toContain(`{{#partial "page"}}\n{{> components/account/erp-page tab='${tab}' account_page='erp_${tab}'}}\n{{/partial}}\n{{> layout/base}}`);
    }
    const body = read('templates', 'components', 'account', 'erp-page.html');
    expect(body).toContain('{{#if customer}}');
    expect(body).toContain('{{> components/account/erp-portal tab=tab}}');
    expect(body).toContain('{{> components/account/navigation account_page=account_page}}');
    // Cornerstone's account page markup (pages/account/orders/all.html).
    expect(body).toContain('{{> components/common/breadcrumbs breadcrumbs=breadcrumbs}}');
    expect(body).toContain(`<h1 class="page-heading">{{lang (concat 'erp_portal.heading.' tab)}}</h1>`);
    expect(body).toMatch(/<main class="account account--fixed">[\s\S]*<\/main>/);
  });
});

describe('demo storefront assets', () => {
  it('escapes customer names and marks the active tab', () => {
    const template = readFileSync(join(__dirname, '..', '..', 'storefront', 'demo', 'index.html'), 'utf8');
    const html = renderDemoPage(template, 'invoices', 'client"1', [{ custNo: 'C00001', name: 'A&B <Tools>' }], 'Demo Distribution Co.');
    expect(html).toContain('C00001 · A&amp;B &lt;Tools&gt;');
    expect(html).toContain('data-tab="invoices" data-api-base="/api/v1" data-app-client-id="client&quot;1"');
    expect(html).toContain('<li class="navBar-item is-active">\n            <a class="navBar-action" href="/storefront/invoices">Invoices</a>');
    expect(html).not.toMatch(/%[A-Z_]+%/);
  });

  it('has the skeleton of the drop-in\'s page template, so the demo shows what a store shows', () => {
    const template = readFileSync(join(__dirname, '..', '..', 'storefront', 'demo', 'index.html'), 'utf8');
    const demo = skeleton(renderDemoPage(template, 'orders', 'c', [], 'Seller'));
    const page = read('templates', 'components', 'account', 'erp-page.html').replace(
      '{{> components/account/erp-portal tab=tab}}',
      read('templates', 'components', 'account', 'erp-portal.html'),
    );
    const signedIn = skeleton(page.replace(/\{\{else\}\}[\s\S]*?\{\{\/if\}\}\s*<\/section>/, '</section>'));
    expect(signedIn).toEqual(['h1.page-heading', 'main.account.account--fixed', 'div.account-body', 'section.account-content', 'div.erp-portal', 'p.erp-portal-status']);
    expect(demo.filter((entry) => signedIn.includes(entry))).toEqual(signedIn);
    expect(demo).toEqual(expect.arrayContaining(['ol.breadcrumbs', 'nav.navBar.navBar--sub.navBar--account', 'ul.navBar-section']));
  });

  it('serves the pages, the stylesheet and the bundled module, and nothing else', async () => {
    const serve = createDemoStorefront({ appClientId: 'demo-client', sellerName: 'Demo Distribution Co.', customers: async () => [] });
    expect((await serve('/storefront/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await serve('/storefront/quotes'))?.body.toString()).toContain('data-tab="quotes"');
    // One seller name: the one its PDFs print (DOCUMENT_SELLER_NAME), in the page title and the header.
    const page = (await serve('/storefront/invoices'))?.body.toString() ?? '';
    expect(page).toContain('<title>Invoices · Demo Distribution Co.</title>');
    expect(page).toContain('class="header-logo" href="/storefront/orders">Demo Distribution Co.</a>');
    expect(page).not.toContain('Demo Supply');
    expect((await serve('/storefront/products'))?.body.toString()).toContain('data-tab="products"');
    expect((await serve('/storefront/demo.css'))?.contentType).toBe('text/css; charset=utf-8');
    const bundle = await serve('/storefront/erp-portal.js');
    expect(bundle?.contentType).toBe('text/javascript; charset=utf-8');
    expect(bundle?.body.toString()).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(await serve('/storefront/../package.json')).toBeUndefined();
    expect(await serve('/storefront/index.html')).toBeUndefined();
  });
});
