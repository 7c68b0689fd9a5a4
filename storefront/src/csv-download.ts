import type { ApiClient, Query } from './api-client';
import type { TabKey } from './tab-definitions';

/** `orders-2026-01-31.csv`, dated by the buyer's calendar. */
export function csvFileName(tab: TabKey, today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${tab}-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.csv`;
}

/** Hands a blob to the browser as a file download through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the blob is freed soon enough.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * A plain link cannot send the bearer token, so the CSV is fetched with it and saved from memory.
 * Returns the file name it saved.
 */
export async function downloadCsv(
  api: Pick<ApiClient, 'csv'>,
  tab: TabKey,
  query: Query,
  save: (blob: Blob, fileName: string) => void = saveBlob,
  today = new Date(),
): Promise<string> {
  const blob = await api.csv(`/${tab}`, query);
  const fileName = csvFileName(tab, today);
  save(blob, fileName);
  return fileName;
}
