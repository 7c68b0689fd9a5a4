import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

type Templates = Record<string, string>;

interface Assembler {
  getTemplates(path: string, processor: (templates: Templates) => Templates): Promise<Templates>;
  getTranslations(): Promise<Record<string, unknown>>;
}

interface Logger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

interface Paper {
  loadTheme(paths: string | string[], acceptLanguage: string): Promise<unknown>;
  render(path: string, context: Record<string, unknown>): Promise<string>;
}

type PaperConstructor = new (
  siteSettings: Record<string, unknown>,
  themeSettings: Record<string, unknown>,
  assembler: Assembler,
  rendererType: 'handlebars-v4',
  logger: Logger,
  logLevel: string,
  params: Record<string, unknown>,
) => Paper;

// BigCommerce's own renderer, as stencil-cli loads it (CommonJS, no type declarations).
const PaperRenderer = createRequire(__filename)('@bigcommerce/stencil-paper') as PaperConstructor;

function templatesUnder(root: string, directory = root): Templates {
  const templates: Templates = {};
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) Object.assign(templates, templatesUnder(root, path));
    else if (name.endsWith('.html')) templates[relative(root, path).split('\\').join('/').replace(/\.html$/, '')] = readFileSync(path, 'utf8');
  }
  return templates;
}

export interface RenderedPage {
  readonly html: string;
  /** Everything the renderer logged at warning level or above. */
  readonly warnings: readonly string[];
}

export interface PageRequest {
  readonly template: string;
  readonly context: Record<string, unknown>;
  readonly nonce: string;
}

/**
 * Renders one page of a theme checkout with Paper and the theme's real templates and lang files,
 * the way stencil-cli does: every template registered as a partial, `theme_settings` from config.json.
 */
export async function renderThemePage(themeDir: string, request: PageRequest): Promise<RenderedPage> {
  const warnings: string[] = [];
  const text = (args: unknown[]) => args.map(String).join(' ');
  const logger: Logger = { info: () => undefined, warn: (...args) => warnings.push(text(args)), error: (...args) => warnings.push(text(args)) };
  const config = JSON.parse(readFileSync(join(themeDir, 'config.json'), 'utf8')) as { settings: Record<string, unknown> };
  const assembler: Assembler = {
    getTemplates: async (_path, processor) => processor(templatesUnder(join(themeDir, 'templates'))),
    getTranslations: async () => ({ en: JSON.parse(readFileSync(join(themeDir, 'lang', 'en.json'), 'utf8')) as unknown }),
  };
  // Paper points the global console at a custom logger for good; keep that to this render.
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  try {
    const paper = new PaperRenderer({ cdn_url: 'https://cdn.example.test' }, config.settings, assembler, 'handlebars-v4', logger, 'info', {
      security: { nonce: request.nonce },
    });
    await paper.loadTheme(request.template, 'en');
    const html = await paper.render(request.template, { ...request.context, theme_settings: config.settings });
    return { html, warnings };
  } finally {
    Object.assign(console, saved);
  }
}
