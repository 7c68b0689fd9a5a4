import type { Settings } from '../config';
import { printable } from './win-ansi';

/** Who issues the documents, as the settings name it; empty parts are left off the page. */
export interface SellerDetails {
  readonly name: string | undefined;
  readonly address: readonly string[];
  readonly remitTo: readonly string[];
  readonly terms: string | undefined;
}

/** One setting holds a whole address: App Service settings are single-line, so `|` separates lines. */
const lines = (value: string | undefined): string[] =>
  (value ?? '')
    .split('|')
    .map((line) => printable(line.trim()))
    .filter((line) => line.length > 0);

export const sellerDetails = (settings: Settings): SellerDetails => ({
  name: settings.DOCUMENT_SELLER_NAME === undefined ? undefined : printable(settings.DOCUMENT_SELLER_NAME),
  address: lines(settings.DOCUMENT_SELLER_ADDRESS),
  remitTo: lines(settings.DOCUMENT_REMIT_TO),
  terms: settings.DOCUMENT_TERMS === undefined ? undefined : printable(settings.DOCUMENT_TERMS),
});
