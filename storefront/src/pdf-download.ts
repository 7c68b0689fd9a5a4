import type { ApiClient } from './api-client';
import { saveBlob } from './csv-download';
import type { DetailRef } from './tab-definitions';

/** `order-100045.pdf`, `invoice-700044.pdf`, `quote-100046.pdf`: the names the API's Content-Disposition gives them. */
export const pdfFileName = (ref: DetailRef): string => `${ref.kind}-${ref.id}.pdf`;

/**
 * A plain link cannot send the bearer token, so the document is fetched with it, as the CSV is,
 * and saved from memory. Returns the file name it saved.
 */
export async function downloadPdf(
  api: Pick<ApiClient, 'pdf'>,
  ref: DetailRef,
  save: (blob: Blob, fileName: string) => void = saveBlob,
): Promise<string> {
  const blob = await api.pdf(`/${ref.kind}s/${ref.id}/pdf`);
  const fileName = pdfFileName(ref);
  save(blob, fileName);
  return fileName;
}
