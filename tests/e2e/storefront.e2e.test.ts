import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../shared/config';
import { createApp } from '../../shared/composition/create-app';
import { devHostSettings } from '../../shared/dev-host/demo-mode';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { demoCatalog, type DemoSale } from '../../shared/dev-host/demo-catalog';
import { startDevHost, type DevHost } from '../../shared/dev-host/dev-host';
import { createDemoStorefront } from '../../storefront/demo/demo-assets';
import { createTestMirror } from '../helpers/databases';
import { findChromium, launchChromium } from './chromium';
import { orderSubtotal, orderTotal, seedOrders, seedStorefrontMirror } from './storefront-seed';

const executablePath = findChromium();
const inCi = Boolean(process.env.CI);
const screenshots = join(__dirname, '..', '..', '.artifacts', 'screenshots');
const documents = join(__dirname, '..', '..', '.artifacts', 'documents');
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

const orders = seedOrders();
const numbersOf = (custNo: string) => new Set(orders.filter((o) => o.custNo === custNo).flatMap((o) => [o.orderNo, o.invoiceNo ?? -1]));

// Locally a missing browser skips with the reason in the suite name; CI must have one (.ci/run installs it).
const suite = executablePath || inCi ? describe : describe.skip;
const title = executablePath || inCi ? 'storefront tabs in Chromium against the dev host' : 'storefront e2e skipped: no Chromium binary (apt-get install chromium, or set CHROMIUM_PATH)';

suite(title, () => {
  let mirror: PortalDatabase<MirrorDatabase>;
  let host: DevHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const open = async (tab: string, hash = '') => {
    // Via about:blank, so a URL differing only in its hash still loads a fresh page.
    await page.goto('about:blank');
    await page.goto(`${host.url}/storefront/${tab}${hash}`);
    // Attached, not visible: an empty list's results hold nothing (the status line says it is empty).
    await page.locator('.erp-portal-table, .erp-portal-detail, .erp-portal-alert, .erp-portal-empty').first().waitFor({ state: 'attached' });
  };
  const firstCells = () => page.locator('.erp-portal-body > .erp-portal-results tbody th').allTextContents();
  const status = () => page.locator('.erp-portal-status').textContent();
  /** Desktop: the whole page. Phone: the first 1,600 px from the account heading, where the portal starts. */
  const shoot = async (name: string, viewport: keyof typeof viewports) => {
    await page.setViewportSize(viewports[viewport]);
    const path = join(screenshots, `storefront-${name}-${viewport}.png`);
    if (viewport === 'desktop') return void (await page.screenshot({ path, fullPage: true }));
    const top = await page.locator('.account').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: top, width: viewports.phone.width, height: 1600 } });
  };
  const loginAs = async (custNo: string) => {
    await page.selectOption('#demo-customer', custNo);
    await Promise.all([page.waitForEvent('load'), page.click('#demo-login button[type=submit]')]);
    await page.locator('.erp-portal-table, .erp-portal-alert').first().waitFor();
  };

  beforeAll(async () => {
    if (!executablePath) throw new Error('CI requires Chromium for the storefront e2e: .ci/run must `apt-get install -y chromium`');
    mkdirSync(screenshots, { recursive: true });
    mkdirSync(documents, { recursive: true });
    mirror = await createTestMirror();
    await seedStorefrontMirror(mirror.db);
    const app = createApp(devHostSettings(loadSettings({ DEMO_MODE: 'on' })), {
      mirror,
      erp: () => Promise.reject(new Error('no ERP in this test')),
    });
    host = await startDevHost({ port: 0, app, storefront: createDemoStorefront });
    const probe = await fetch(`${host.url}/storefront/erp-portal.js`);
    if (probe.status !== 200) throw new Error(`the dev host does not serve the demo storefront (GET /storefront/erp-portal.js → ${probe.status})`);
    browser = await launchChromium(executablePath);
    context = await browser.newContext({ viewport: viewports.desktop, acceptDownloads: true });
    page = await context.newPage();
    // Waits for events, never a speed check: a busy machine may take a while to render.
    page.setDefaultTimeout(120_000);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await mirror?.close();
  });

  it('asks a signed-out visitor to sign in', async () => {
    await open('orders');
    await expect(page.locator('.erp-portal-alert').textContent()).resolves.toContain('Please sign in');
    await expect(page.locator('.erp-portal-alert a', { hasText: 'Sign in' }).count()).resolves.toBe(1);
  });

  it('fits the header, with its demo customer switcher, on a 390 px phone: nothing scrolls sideways', async () => {
    await page.setViewportSize(viewports.phone);
    await open('orders');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      switcher: document.getElementById('demo-login')!.getBoundingClientRect().right,
    }));
    await page.screenshot({ path: join(screenshots, 'storefront-header-phone.png'), clip: { x: 0, y: 0, width: viewports.phone.width, height: 400 } });
    await page.setViewportSize(viewports.desktop);
    expect(widths.page).toBeLessThanOrEqual(viewports.phone.width);
    expect(widths.switcher).toBeLessThanOrEqual(viewports.phone.width);
  });

  it('lists only the signed-in customer’s orders, paged, with markup shown as text', async () => {
    await loginAs('C00001');
    await page.locator('.erp-portal-account', { hasText: 'C00001 · Acme Fasteners' }).waitFor();
    await expect(page.locator('.erp-portal-table caption').textContent()).resolves.toBe('Your orders');
    await expect(page.locator('.erp-portal-table thead th[scope=col]').count()).resolves.toBe(5);
    await expect(status()).resolves.toBe('Showing 1–20 of 45');
    const first = (await firstCells()).map(Number);
    expect(first).toHaveLength(20);
    expect(first.every((n) => numbersOf('C00001').has(n))).toBe(true);
    await shoot('orders', 'desktop');
    await shoot('orders', 'phone');
    await page.setViewportSize(viewports.desktop);

    await page.getByRole('button', { name: 'Page 3' }).click();
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 41–45 of 45');
    const last = (await firstCells()).map(Number);
    expect(last).toEqual([100_005, 100_004, 100_003, 100_002, 100_001]);
    // The PO '<i>PO-1</i>' is text, not an element.
    await expect(page.locator('.erp-portal-table tbody i').count()).resolves.toBe(0);
    await expect(page.locator('.erp-portal-table tbody').textContent()).resolves.toContain('<i>PO-1</i>');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TABLE');
  });

  it('opens an order from the keyboard with lines, totals and focus on its heading, and goes back', async () => {
    await open('orders');
    await page.locator('a.erp-portal-open', { hasText: '100045' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.erp-portal-detail').waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Order #100045');
    await expect(page.locator('.erp-portal-detail tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('.erp-portal-totals').textContent()).resolves.toContain(orderSubtotal);
    await expect(page.locator('.erp-portal-grand-total').textContent()).resolves.toContain(orderTotal);
    await shoot('order-detail', 'desktop');
    await shoot('order-detail', 'phone');
    await page.setViewportSize(viewports.desktop);
    await page.goBack();
    await page.locator('.erp-portal-table').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe('#order-100045');
  });

  it('filters by PO and downloads the filtered CSV with the bearer token', async () => {
    await open('orders');
    await page.fill('input[name=po]', 'acme-0007');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 1–1 of 1');
    await expect(firstCells()).resolves.toEqual(['100007']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain('ACME-0007');
    expect(csv).not.toMatch(/ACME-0008|BOR-/);
    await expect(status()).resolves.toBe('Download ready.');
  });

  it('keeps filters and page in the URL: a reload or a bookmark shows the same rows, the detail’s back link returns to them', async () => {
    await open('orders');
    await page.fill('input[name=po]', 'acme-000');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 1–8 of 8');
    expect(new URL(page.url()).hash).toBe('#orders?po=acme-000');

    await open('orders', '#orders?page=3');
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 41–45 of 45');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 41–45 of 45');
    await expect(firstCells()).resolves.toEqual(['100005', '100004', '100003', '100002', '100001']);

    await open('orders', '#orders?po=acme-0007');
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 1–1 of 1');
    await expect(page.inputValue('input[name=po]')).resolves.toBe('acme-0007');
    await page.locator('a.erp-portal-open', { hasText: '100007' }).click();
    await page.locator('.erp-portal-detail').waitFor();
    await page.click('.erp-portal-back a');
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 1–1 of 1');
    expect(new URL(page.url()).hash).toBe('#orders?po=acme-0007');
  });

  it('shows shipments, invoices (with detail) and quotes of the same customer only', async () => {
    for (const tab of ['shipments', 'invoices', 'quotes'] as const) {
      await open(tab);
      const numbers = (await firstCells()).map(Number);
      expect(numbers.length, tab).toBeGreaterThan(0);
      expect(numbers.every((n) => numbersOf('C00001').has(n)), tab).toBe(true);
      await shoot(tab, 'desktop');
      await shoot(tab, 'phone');
      await page.setViewportSize(viewports.desktop);
    }
    await expect(firstCells()).resolves.toEqual(['100103', '100102', '100101']);
    await open('invoices', '#invoice-700044');
    await page.locator('.erp-portal-detail h4', { hasText: 'Invoice #700044' }).waitFor();
    await expect(page.locator('.erp-portal-grand-total').textContent()).resolves.toContain(orderTotal);
  });

  it('lists the bought items on the Products tab, searches them, and opens the last order', async () => {
    await open('products');
    await expect(page.locator('.erp-portal-table caption').textContent()).resolves.toBe('Items you have bought');
    // Both items are on every order; quotes are no purchase, so the last order is 100045, not a quote.
    await expect(firstCells()).resolves.toEqual(['BOLT-7', 'WIDGET-1']);
    await expect(page.locator('.erp-portal-table tbody tr').first().textContent()).resolves.toMatch(/Bolt, 7mm.*45.*135.*100045.*\$0\.33/);
    await page.fill('input[name=q]', '  widget ');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'Showing 1–1 of 1');
    await expect(firstCells()).resolves.toEqual(['WIDGET-1']);
    await shoot('products', 'desktop');
    await shoot('products', 'phone');
    await page.setViewportSize(viewports.desktop);
    await page.locator('a.erp-portal-open', { hasText: '100045' }).click();
    await page.locator('.erp-portal-detail h4', { hasText: 'Order #100045' }).waitFor();
  });

  it('links each bought item to every order with it: the Orders tab filtered by item', async () => {
    await open('products');
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Orders with this item: WIDGET-1' }).click()]);
    await page.locator('.erp-portal-table').waitFor();
    expect(page.url()).toBe(`${host.url}/storefront/orders#orders?item=WIDGET-1`);
    await expect(page.locator('input[name=item]').inputValue()).resolves.toBe('WIDGET-1');
    await expect(status()).resolves.toBe('Showing 1–20 of 45');
  });

  it('downloads the invoice and the order as PDFs with the bearer token; page 1 rendered with pdftoppm', async () => {
    for (const [tab, hash, heading, file] of [
      ['invoices', '#invoice-700044', 'Invoice #700044', 'invoice-700044.pdf'],
      ['orders', '#order-100045', 'Order #100045', 'order-100045.pdf'],
    ] as const) {
      await open(tab, hash);
      await page.locator('.erp-portal-detail h4', { hasText: heading }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
      expect(download.suggestedFilename()).toBe(file);
      const pdf = readFileSync((await download.path()) as string);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expect(status()).resolves.toBe('Download ready.');
      const saved = join(documents, file);
      writeFileSync(saved, pdf);
      // Debian's poppler-utils (.ci/run installs it): page 1 as the PNG a reviewer looks at.
      execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', saved, saved.replace(/\.pdf$/, '-page1')]);
      expect(statSync(saved.replace(/\.pdf$/, '-page1.png')).size).toBeGreaterThan(10_000);
    }
  });

  it('switching the demo login shows only the other customer’s data', async () => {
    await open('orders');
    await loginAs('C00002');
    // The account line comes from its own /me call and may render after the table: wait for it.
    await page.locator('.erp-portal-account', { hasText: 'C00002 · Borealis Supply' }).waitFor();
    const numbers = (await firstCells()).map(Number);
    expect(numbers).toEqual([200_006, 200_005, 200_004, 200_003, 200_002, 200_001]);
    await expect(page.locator('.erp-portal-table tbody').textContent()).resolves.not.toContain('ACME');
    await open('orders', '#order-100045');
    await page.locator('.erp-portal-alert', { hasText: 'could not be found' }).waitFor();
  });

  it('says once what is empty: what there is none of, and "No records match." only under a filter', async () => {
    // Cobalt has no orders at all (and so is not among the switcher's customers): log in as the switcher would.
    await page.goto(`${host.url}/demo/login?erp=C00003`);
    const said = (text: string) => page.evaluate((t) => document.body.innerText.split(t).length - 1, text);
    for (const [tab, none] of [['orders', 'No orders yet.'], ['invoices', 'No invoices yet.'], ['quotes', 'No quotes yet.'], ['shipments', 'No shipments yet.'], ['products', 'No items bought yet.']] as const) {
      await open(tab);
      await page.waitForFunction((t) => document.querySelector('.erp-portal-status')?.textContent === t, none);
      await expect(said(none), tab).resolves.toBe(1);
      await expect(said('No records match.'), tab).resolves.toBe(0);
    }
    await shoot('empty', 'desktop');
    await open('orders');
    await loginAs('C00001');
    await page.fill('input[name=po]', 'no-such-po');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => document.querySelector('.erp-portal-status')?.textContent === 'No records match.');
    await expect(said('No records match.')).resolves.toBe(1);
  });

  it('buys an order again: the mapped line goes to the demo cart, every other line is listed with its reason', async () => {
    const item = (sale: DemoSale) => demoCatalog().find((entry) => entry.sale === sale)!;
    const [online, disabled, needsOption] = [item('online'), item('purchasing-disabled'), item('needs-option')];
    const stamp = { row_hash: '0'.repeat(16), sync_date: new Date() };
    const line = (lin: number, itemNo: string, qty: number) =>
      ({ order_no: 100_043, lin_no: String(lin), item_no: itemNo.padEnd(25), item_desc: 'Demo item', ord_qty: qty, qty_shipd: 0, unit_price: '1.0000', status: 'O', ...stamp });
    await mirror.db.insertInto('ord_detl').values([line(3, online.itemNo, 4), line(4, disabled.itemNo, 1), line(5, needsOption.itemNo, 2)]).execute();
    const cart = () =>
      page.evaluate(async () => {
        const carts = (await (await fetch('/api/storefront/carts', { credentials: 'same-origin' })).json()) as { lineItems: { physicalItems: { sku: string; quantity: number }[] } }[];
        return carts.flatMap((c) => c.lineItems.physicalItems.map((i) => `${i.sku}×${i.quantity}`));
      });

    await open('orders');
    await loginAs('C00001');
    await open('orders', '#order-100043');
    await page.locator('.erp-portal-buy-all').waitFor();
    await expect(cart()).resolves.toEqual([]);
    const rows = page.locator('.erp-portal-detail tbody tr');
    await expect(rows.nth(0).locator('.erp-portal-buy-reason').textContent()).resolves.toBe('Not sold online');
    await expect(rows.nth(3).locator('.erp-portal-buy-reason').textContent()).resolves.toBe('Not available for purchase');
    const quantity = rows.nth(2).locator('input.erp-portal-buy-quantity');
    await expect(quantity.inputValue()).resolves.toBe('4');
    await quantity.fill('3');

    await page.click('.erp-portal-buy-all');
    const summary = page.locator('.erp-portal-buy-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toBe('Added 1 of 5 items to your cart. View cart');
    await expect(page.locator('.erp-portal-not-added li').allTextContents()).resolves.toEqual([
      'WIDGET-1: Not sold online',
      'BOLT-7: Not sold online',
      `${disabled.itemNo}: Not available for purchase`,
      `${needsOption.itemNo}: The store could not add this item as ordered: Please choose the required options for ${needsOption.itemNo}.`,
    ]);
    await expect(cart()).resolves.toEqual([`${online.itemNo}×3`]);
    await shoot('buy-again', 'desktop');
    await shoot('buy-again', 'phone');
    await page.setViewportSize(viewports.desktop);

    // Printed, the page is the document: no Buy again column or bar, no buttons; the totals still stand under Amount.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (element: Element) => getComputedStyle(element).display !== 'none' && element.getBoundingClientRect().width > 0;
      const headers = Array.from(document.querySelectorAll('.erp-portal-detail thead th'));
      const right = (element: Element | null | undefined) => Math.round(element?.getBoundingClientRect().right ?? -1);
      return {
        headers: headers.filter(shown).map((th) => th.textContent),
        buyAgainShown: Array.from(document.querySelectorAll('.erp-portal-buy-column, .erp-portal-buy-again')).filter(shown).length,
        buttonsShown: Array.from(document.querySelectorAll('.erp-portal button')).filter(shown).length,
        totalUnderAmount: right(document.querySelector('.erp-portal-grand-total td')) === right(headers.find((th) => th.textContent === 'Amount')),
      };
    });
    await page.screenshot({ path: join(screenshots, 'storefront-order-detail-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toEqual({ headers: ['Item', 'Description', 'Ordered qty', 'Shipped qty', 'Unit price', 'Amount'], buyAgainShown: 0, buttonsShown: 0, totalUnderAmount: true });

    // Per line: only that line, into the same cart.
    await rows.nth(2).locator('button.erp-portal-buy-button').click();
    await page.locator('.erp-portal-buy-summary', { hasText: 'Added 1 of 1 items' }).waitFor();
    await expect(cart()).resolves.toEqual([`${online.itemNo}×6`]);
    await Promise.all([page.waitForEvent('load'), page.click('a.erp-portal-cart-link')]);
    await expect(page.locator('.cart tbody').textContent()).resolves.toContain(online.itemNo);
    await expect(page.locator('.cart-summary--grandTotal .cart-total').textContent()).resolves.toMatch(/^\$\d[\d,]*\.\d\d$/);
    await page.setViewportSize(viewports.phone);
    await page.screenshot({ path: join(screenshots, 'storefront-cart-phone.png'), fullPage: true });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(viewports.phone.width);
    await page.setViewportSize(viewports.desktop);
  });

  it('buys an item again from the Products tab: the last ordered quantity offered, the edited one in the demo cart', async () => {
    // Not the item the test above buys, so this cart line is this test's alone.
    const online = demoCatalog().filter((entry) => entry.sale === 'online')[1]!;
    const disabled = demoCatalog().find((entry) => entry.sale === 'purchasing-disabled')!;
    const stamp = { row_hash: '0'.repeat(16), sync_date: new Date() };
    const line = (lin: number, itemNo: string, qty: number) =>
      ({ order_no: 100_044, lin_no: String(lin), item_no: itemNo.padEnd(25), item_desc: 'Demo item', ord_qty: qty, qty_shipd: 0, unit_price: '1.0000', status: 'O', ...stamp });
    await mirror.db.insertInto('ord_detl').values([line(3, online.itemNo, 5), line(4, disabled.itemNo, 1)]).execute();
    const cartLine = () =>
      page.evaluate(async (sku) => {
        const carts = (await (await fetch('/api/storefront/carts', { credentials: 'same-origin' })).json()) as { lineItems: { physicalItems: { sku: string; quantity: number }[] } }[];
        return carts.flatMap((c) => c.lineItems.physicalItems.filter((i) => i.sku === sku).map((i) => `${i.sku}×${i.quantity}`));
      }, online.itemNo);

    await open('products');
    const row = (itemNo: string) => page.locator('.erp-portal-results tbody tr', { has: page.locator('th', { hasText: itemNo }) });
    await expect(row('BOLT-7').locator('.erp-portal-buy-reason').textContent()).resolves.toBe('Not sold online');
    await expect(row(disabled.itemNo).locator('.erp-portal-buy-reason').textContent()).resolves.toBe('Not available for purchase');
    await expect(page.locator('.erp-portal-buy-all').count()).resolves.toBe(0);
    await expect(cartLine()).resolves.toEqual([]);
    const quantity = row(online.itemNo).locator('input.erp-portal-buy-quantity');
    await expect(quantity.inputValue()).resolves.toBe('5');
    await quantity.fill('2');
    await row(online.itemNo).locator('button.erp-portal-buy-button').click();
    await page.locator('.erp-portal-buy-summary', { hasText: 'Added 1 of 1 items' }).waitFor();
    await expect(cartLine()).resolves.toEqual([`${online.itemNo}×2`]);
    await shoot('products-buy-again', 'desktop');
    await page.setViewportSize(viewports.desktop);
  });

  it('opens a quote from the keyboard, prints the Quotation, and orders the quote through Buy again', async () => {
    const online = demoCatalog().filter((entry) => entry.sale === 'online')[2]!;
    const stamp = { row_hash: '0'.repeat(16), sync_date: new Date() };
    await mirror.db
      .insertInto('ord_detl')
      .values({ order_no: 100_102, lin_no: '9', item_no: online.itemNo.padEnd(25), item_desc: 'Demo item', ord_qty: 7, qty_shipd: 0, unit_price: '2.5000', status: 'O', ...stamp })
      .execute();
    const cartLine = () =>
      page.evaluate(async (sku) => {
        const carts = (await (await fetch('/api/storefront/carts', { credentials: 'same-origin' })).json()) as { lineItems: { physicalItems: { sku: string; quantity: number }[] } }[];
        return carts.flatMap((c) => c.lineItems.physicalItems.filter((i) => i.sku === sku).map((i) => `${i.sku}×${i.quantity}`));
      }, online.itemNo);

    await open('quotes');
    await page.locator('a.erp-portal-open', { hasText: '100102' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.erp-portal-quote').waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Quote #100102');
    await expect(page.locator('.erp-portal-quote-note').textContent()).resolves.toContain('may differ from the prices quoted here');
    await expect(page.locator('.erp-portal-detail thead').textContent()).resolves.toContain('Quoted price');
    await shoot('quote-detail', 'desktop');
    await shoot('quote-detail', 'phone');
    await page.setViewportSize(viewports.desktop);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('quote-100102.pdf');
    const saved = join(documents, 'quote-100102.pdf');
    writeFileSync(saved, readFileSync((await download.path()) as string));
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', saved, saved.replace(/\.pdf$/, '-page1')]);
    expect(statSync(saved.replace(/\.pdf$/, '-page1.png')).size).toBeGreaterThan(10_000);

    await expect(cartLine()).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Order this quote' }).click();
    const summary = page.locator('.erp-portal-buy-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toMatch(/^Added 1 of 3 items to your cart\./);
    await expect(cartLine()).resolves.toEqual([`${online.itemNo}×7`]);
    await shoot('quote-ordered', 'desktop');
    await page.setViewportSize(viewports.desktop);

    // A quote is not an order, and an order is not a quote.
    await open('orders', '#order-100102');
    await page.locator('.erp-portal-alert', { hasText: 'could not be found' }).waitFor();
    await open('quotes', '#quote-100045');
    await page.locator('.erp-portal-alert', { hasText: 'could not be found' }).waitFor();
  });
});
