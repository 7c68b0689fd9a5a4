import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../shared/config';
import { createApp } from '../../shared/composition/create-app';
import { devHostSettings } from '../../shared/dev-host/demo-mode';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { demoCatalog, type DemoSale } from '../../shared/dev-host/demo-catalog';
import { startDevHost, type DevHost } from '../../shared/dev-host/dev-host';
import { findChromium, launchChromium } from '../e2e/chromium';
import { seedStorefrontMirror } from '../e2e/storefront-seed';
import { createTestMirror } from '../helpers/databases';
import { renderThemePage } from './helpers/paper-render';
import { storeContext } from './helpers/store-context';
import { bundleThemeScripts } from './helpers/theme-scripts';
import { startThemeServer, withThemeScripts, type ThemeServer } from './helpers/theme-server';

// Opt-in like the SQL Server suite: CORNERSTONE_DIR names an unmodified Cornerstone checkout (.ci/run sets it).
const cornerstone = process.env.CORNERSTONE_DIR ? resolve(process.env.CORNERSTONE_DIR) : undefined;
const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const screenshots = join(root, '.artifacts', 'screenshots');
const nonce = 'cornerstone-test-nonce';
const tabs = { orders: 'ERP Orders', shipments: 'Shipments', invoices: 'Invoices', quotes: 'Quotes', products: 'Products' } as const;
type Tab = keyof typeof tabs;

async function themeInstall(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, join(root, 'scripts', 'theme-install.ts'), dir], { cwd: root, timeout: 240_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** Every file's content, to prove a second install changes nothing. */
function snapshot(dir: string, base = dir): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of snapshot(path, base)) files.set(k, v);
    else files.set(path.slice(base.length), readFileSync(path, 'latin1'));
  }
  return files;
}

/** A writable scratch copy: the shared checkout is read-only and must stay unmodified. */
function scratchCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cornerstone-')), 'theme');
  cpSync(cornerstone as string, dir, { recursive: true });
  const writable = (path: string) => {
    chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) writable(join(path, name));
  };
  writable(dir);
  return dir;
}

const withoutScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');

describe.skipIf(!cornerstone)('the drop-in inside the real Cornerstone theme (CORNERSTONE_DIR)', { timeout: 600_000 }, () => {
  let theme: string;
  const rendered = new Map<string, { html: string; warnings: readonly string[] }>();
  const render = (tab: Tab, signedIn: boolean) =>
    renderThemePage(theme, { template: `pages/custom/page/erp-${tab}`, nonce, context: storeContext(tab, tabs[tab], signedIn) });

  beforeAll(async () => {
    theme = scratchCopy();
  });

  it('theme:install installs, then a second run changes nothing and succeeds', async () => {
    const first = await themeInstall(theme);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('updated   templates/components/common/navigation-menu.html');
    const after = snapshot(theme);
    const second = await themeInstall(theme);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/0 file\(s\) updated/);
    expect(snapshot(theme)).toEqual(after);
  });

  it('theme:install refuses, with the reason, a directory that is not a Stencil theme and a file it does not own', async () => {
    const notTheme = mkdtempSync(join(tmpdir(), 'not-a-theme-'));
    const refused = await themeInstall(notTheme);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is not a Stencil theme checkout: missing config\.json/);

    const foreign = scratchCopy();
    mkdirSync(join(foreign, 'templates', 'pages', 'custom', 'page'), { recursive: true });
    writeFileSync(join(foreign, 'templates', 'pages', 'custom', 'page', 'erp-orders.html'), '<p>the merchant page</p>');
    const before = snapshot(foreign);
    const kept = await themeInstall(foreign);
    expect(kept.code).toBe(1);
    expect(kept.output).toContain("templates/pages/custom/page/erp-orders.html exists and is not the drop-in's");
    expect(snapshot(foreign)).toEqual(before);
  });

  it('renders every tab with Paper, signed in and out: no undefined, no raw keys, no warnings, Cornerstone account markup, nonce on every script', async () => {
    for (const tab of Object.keys(tabs) as Tab[]) {
      for (const signedIn of [true, false]) {
        const { html, warnings } = await render(tab, signedIn);
        const where = `${tab} signed ${signedIn ? 'in' : 'out'}`;
        rendered.set(`${tab}:${signedIn}`, { html, warnings });
        expect(warnings, where).toEqual([]);
        expect(withoutScripts(html), where).not.toMatch(/undefined/);
        expect(withoutScripts(html), where).not.toMatch(/erp_portal\./);
        expect(html, where).toContain(`<h1 class="page-heading">${tabs[tab]}</h1>`);
        expect(html, where).toMatch(/<main class="account account--fixed">/);
        expect(html, where).toContain('<ol class="breadcrumbs">');
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)), where).toEqual([]);
        if (signedIn) {
          expect(html, where).toContain(`data-tab="${tab}"`);
          expect(html, where).toContain('data-msg-showing="Showing {from}–{to} of {total}"');
          expect(html, where).toContain('data-msg-order-heading="Order #{id}"');
          expect(html, where).toMatch(/<script nonce="cornerstone-test-nonce" src="[^"]*erp-portal\.js" defer>/);
          // The active tab keeps its link, as Cornerstone's own items do.
          expect(html, where).toMatch(new RegExp(`<li class="navBar-item is-active">\\s*<a class="navBar-action" href="/erp-${tab}/">`));
          const menuStart = html.indexOf('id="navPages-account"');
          const phoneMenu = html.slice(menuStart, html.indexOf('</ul>', menuStart));
          for (const other of Object.keys(tabs)) expect(phoneMenu, where).toContain(`href="/erp-${other}/"`);
        } else {
          expect(html, where).not.toContain('data-erp-portal');
          expect(html, where).toContain('href="/login.php"');
        }
      }
    }
  });

  it('B2B Edition’s header script leaves every ERP tab visible: our pages are page_type "page", not "account"', async () => {
    // The header script b2b-buyer-portal's docs/stencil.md has operators add (Script Manager, all pages),
    // reduced to its condition: it hides the body of signed-in buyers on any page whose page_type contains "account".
    const script = [
      '{{#if customer.id}}{{#contains page_type "account"}}<style id="b2b-account-page-hide-body">body { display: none !important }</style>{{/contains}}{{/if}}',
      '<p>page_type={{page_type}}</p>',
    ].join('\n');
    mkdirSync(join(theme, 'templates', 'pages', 'custom', 'page'), { recursive: true });
    writeFileSync(join(theme, 'templates', 'pages', 'custom', 'page', 'b2b-header-script-probe.html'), script);
    const probe = (context: Record<string, unknown>) => renderThemePage(theme, { template: 'pages/custom/page/b2b-header-script-probe', nonce, context });
    for (const tab of Object.keys(tabs) as Tab[]) {
      const context = storeContext(tab, tabs[tab], true);
      const ours = await probe(context);
      expect(ours.html, tab).toContain('page_type=page');
      expect(ours.html, tab).not.toContain('b2b-account-page-hide-body');
      // The control: the same script on Cornerstone's own Orders page hides it.
      expect((await probe({ ...context, page_type: 'account_orderstatus' })).html, tab).toContain('b2b-account-page-hide-body');
    }
  });

  describe('in Chromium with Cornerstone\'s compiled CSS, against the dev host\'s API', () => {
    const executablePath = findChromium();
    let mirror: PortalDatabase<MirrorDatabase>;
    let host: DevHost;
    let store: ThemeServer;
    let browser: Browser;
    let page: Page;

    const open = async (path: string) => {
      await page.goto('about:blank');
      await page.goto(`${store.url}${path}`);
      await page.locator('.erp-portal-table, .erp-portal-detail, .erp-portal-alert').first().waitFor();
    };
    const shoot = (name: string) => page.screenshot({ path: join(screenshots, `cornerstone-${name}.png`), fullPage: true });

    beforeAll(async () => {
      if (!executablePath) throw new Error('the theme suite needs Chromium: apt-get install chromium, or set CHROMIUM_PATH');
      mkdirSync(screenshots, { recursive: true });
      mirror = await createTestMirror();
      await seedStorefrontMirror(mirror.db);
      const app = createApp(devHostSettings(loadSettings({ DEMO_MODE: 'on' })), { mirror, erp: () => Promise.reject(new Error('no ERP here')) });
      host = await startDevHost({ port: 0, app });
      // The operator's step after theme:install: point the settings at the API and the app.
      const configPath = join(theme, 'config.json');
      const config = JSON.parse(readFileSync(configPath, 'utf8')) as { settings: Record<string, unknown> };
      config.settings.erp_portal_api_base = '/api/v1';
      config.settings.erp_portal_app_client_id = host.settings.BC_CLIENT_ID;
      writeFileSync(configPath, JSON.stringify(config, null, 2));
      const pages = new Map<string, string>();
      for (const tab of Object.keys(tabs) as Tab[]) pages.set(`/erp-${tab}/`, withThemeScripts((await render(tab, true)).html, nonce));
      store = await startThemeServer({
        pages,
        nonce,
        themeCss: join(cornerstone as string, 'compiled', 'theme.css'),
        bundle: join(theme, 'assets', 'js', 'erp-portal.js'),
        themeScripts: await bundleThemeScripts(cornerstone as string, root),
        upstream: host.url,
      });
      browser = await launchChromium(executablePath);
      page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      page.setDefaultTimeout(30_000);
      // Offline: fonts and the theme's full JS bundle are not part of this check (its cart badge and phone menu are, above).
      await page.route('**/*', (route) => (route.request().url().startsWith(store.url) ? route.continue() : route.abort()));
      await page.goto(`${store.url}/demo/login?erp=C00001`);
    });

    afterAll(async () => {
      await browser?.close();
      await store?.close();
      await host?.close();
      await mirror?.close();
    });

    it('desktop 1280×900: the list renders inside the account page with the ERP tabs', async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await open('/erp-orders/');
      expect(await page.locator('.erp-portal-table tbody tr').count()).toBe(20);
      expect(await page.locator('.erp-portal-status').textContent()).toMatch(/^Showing 1–20 of 45/);
      await expect(page.locator('.navBar--account a[href="/erp-shipments/"]').isVisible()).resolves.toBe(true);
      expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/undefined/);
      await shoot('orders-desktop');
    });

    it('phone 390×844: rows are cards, each value beside its label, no sideways scroll', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await open('/erp-orders/');
      const layout = await page.evaluate(() => {
        const cells = Array.from(document.querySelectorAll<HTMLElement>('.erp-portal-table tbody tr:first-child > *'));
        return {
          overflow: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
          rowDisplay: getComputedStyle(document.querySelector('.erp-portal-table tbody tr') as Element).display,
          cells: cells.map((cell) => ({
            display: getComputedStyle(cell).display,
            direction: getComputedStyle(cell).flexDirection,
            label: getComputedStyle(cell, '::before').content,
            expected: JSON.stringify(cell.dataset.label),
          })),
        };
      });
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.rowDisplay).toBe('block');
      expect(layout.cells.length).toBeGreaterThan(3);
      for (const cell of layout.cells) expect(cell).toEqual({ display: 'flex', direction: 'row', label: cell.expected, expected: cell.expected });
      await shoot('orders-phone');
    });

    it('phone: the ERP tabs are in the account menu, the desktop tabs are hidden, and the menu leads to a tab', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await open('/erp-orders/');
      await expect(page.locator('.navBar--account').isVisible()).resolves.toBe(false);
      // Cornerstone's own scripts open the menu (mobile-menu-toggle.js) and its Account section (menu.js' collapsibles).
      await page.locator('.mobileMenu-toggle').click();
      await page.locator('#menu.is-open').waitFor();
      expect(await page.evaluate(() => document.body.classList.contains('has-activeNavPages'))).toBe(true);
      await page.locator('#menu [data-collapsible="navPages-account"]').click();
      await page.locator('#navPages-account.is-open').waitFor();
      const link = page.locator('#navPages-account a[href="/erp-shipments/"]');
      await expect(link.isVisible()).resolves.toBe(true);
      await link.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshots, 'cornerstone-phone-menu.png') });
      await Promise.all([page.waitForURL(`${store.url}/erp-shipments/`), link.click()]);
      await page.locator('.erp-portal-table').waitFor();
      expect(await page.locator('h1.page-heading').textContent()).toBe('Shipments');
    });

    it('the Products tab lists the bought items and searches them, on desktop and phone', async () => {
      for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(viewport);
        await open('/erp-products/');
        expect(await page.locator('.erp-portal-table tbody th').allTextContents()).toEqual(['BOLT-7', 'WIDGET-1']);
        await page.fill('.erp-portal-filters input[name=q]', 'bolt');
        await page.locator('.erp-portal-filters button[type=submit]').click();
        await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 1–1 of 1');
        expect(await page.locator('.erp-portal-table tbody th').allTextContents()).toEqual(['BOLT-7']);
        expect(await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth))).toBe(0);
        await shoot(`products-${name}`);
      }
    });

    it('the order detail opens from the list, on desktop and phone', async () => {
      for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(viewport);
        await open('/erp-orders/');
        const first = page.locator('.erp-portal-open').first();
        const number = (await first.textContent())?.trim();
        await first.click();
        await page.locator('.erp-portal-detail').waitFor();
        expect(await page.locator('.erp-portal-detail .account-heading').first().textContent()).toBe(`Order #${number}`);
        const detail = await page.evaluate(() => {
          const top = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().top;
          const amount = Array.from(document.querySelectorAll('.erp-portal-detail thead th')).find((th) => th.textContent === 'Amount');
          const right = (element: Element | null | undefined) => Math.round(element?.getBoundingClientRect().right ?? -1);
          return {
            overflow: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
            factRowsAligned: top('.erp-portal-facts dt') === top('.erp-portal-facts dd'),
            // On a phone the rows stack as cards and the header is hidden: there is no column to stand under.
            totalsUnderAmount: window.innerWidth < 600 || right(document.querySelector('.erp-portal-grand-total td')) === right(amount),
          };
        });
        expect(detail).toEqual({ overflow: 0, factRowsAligned: true, totalsUnderAmount: true });
        await shoot(`order-detail-${name}`);
      }
    });

    it('Buy again on the order detail adds the mapped line to the store cart and lists the others, on desktop and phone', async () => {
      const item = (sale: DemoSale) => demoCatalog().find((entry) => entry.sale === sale)!;
      const stamp = { row_hash: '0'.repeat(16), sync_date: new Date() };
      const line = (lin: number, itemNo: string) =>
        ({ order_no: 100_041, lin_no: String(lin), item_no: itemNo.padEnd(25), item_desc: 'Demo item', ord_qty: 2, qty_shipd: 0, unit_price: '1.0000', status: 'O', ...stamp });
      await mirror.db.insertInto('ord_detl').values([line(3, item('online').itemNo), line(4, item('purchasing-disabled').itemNo)]).execute();
      for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(viewport);
        await open('/erp-orders/#order-100041');
        await page.click('.erp-portal-buy-all');
        await page.locator('.erp-portal-buy-summary').waitFor();
        expect(await page.locator('.erp-portal-buy-summary').textContent()).toBe('Added 1 of 4 items to your cart. View cart');
        expect(await page.locator('.erp-portal-not-added li').count()).toBe(3);
        const overflow = await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
        expect(overflow).toBe(0);
        await shoot(`buy-again-${name}`);
      }
      const cart = await page.evaluate(async () => (await (await fetch('/api/storefront/carts', { credentials: 'same-origin' })).json()) as { lineItems: { physicalItems: { sku: string; quantity: number }[] } }[]);
      expect(cart.flatMap((c) => c.lineItems.physicalItems.map((i) => `${i.sku}×${i.quantity}`))).toEqual([`${item('online').itemNo}×4`]);
      // Cornerstone's cart-preview.js took the new count from our jQuery event: the badge and its cache.
      const badge = await page.evaluate(() => {
        const pill = document.querySelector('.navUser-item--cart .cart-quantity');
        return { text: pill?.textContent, positive: pill?.classList.contains('countPill--positive'), cached: localStorage.getItem('cart-quantity') };
      });
      expect(badge).toEqual({ text: '4', positive: true, cached: '4' });
    });

    it('a quote opens with its quoted prices, prints, and Order this quote moves the theme’s cart badge, on desktop and phone', async () => {
      const online = demoCatalog().filter((entry) => entry.sale === 'online')[3]!;
      const stamp = { row_hash: '0'.repeat(16), sync_date: new Date() };
      await mirror.db
        .insertInto('ord_detl')
        .values({ order_no: 100_103, lin_no: '3', item_no: online.itemNo.padEnd(25), item_desc: 'Demo item', ord_qty: 3, qty_shipd: 0, unit_price: '2.0000', status: 'O', ...stamp })
        .execute();
      const badge = () => page.evaluate(() => document.querySelector('.navUser-item--cart .cart-quantity')?.textContent);
      for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(viewport);
        await open('/erp-quotes/');
        await page.locator('a.erp-portal-open', { hasText: '100103' }).click();
        await page.locator('.erp-portal-quote').waitFor();
        expect(await page.locator('.erp-portal-detail .account-heading').first().textContent()).toBe('Quote #100103');
        expect(await page.locator('.erp-portal-quote-note').textContent()).toContain('may differ');
        await page.getByRole('button', { name: 'Order this quote' }).click();
        await page.locator('.erp-portal-buy-summary').waitFor();
        expect(await page.locator('.erp-portal-buy-summary').textContent()).toBe('Added 1 of 3 items to your cart. View cart');
        expect(await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth))).toBe(0);
        await shoot(`quote-detail-${name}`);
      }
      // Cornerstone's badge shows the whole cart's count (this test's 2 × 3 units and what earlier tests added).
      const units = await page.evaluate(async () => {
        const carts = (await (await fetch('/api/storefront/carts', { credentials: 'same-origin' })).json()) as { lineItems: { physicalItems: { quantity: number }[] } }[];
        return carts.flatMap((c) => c.lineItems.physicalItems).reduce((sum, item) => sum + item.quantity, 0);
      });
      expect(units).toBeGreaterThanOrEqual(6);
      expect(await badge()).toBe(String(units));
    });
  });
});
