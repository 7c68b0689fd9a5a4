import { createHash } from 'node:crypto';

/** Strong validator over the exact response bytes. */
export const etagOf = (body: string): string =>
  `"${createHash('sha1').update(body, 'utf8').digest('base64url')}"`;

/** RFC 9110 If-None-Match: weak comparison over a list, or `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
