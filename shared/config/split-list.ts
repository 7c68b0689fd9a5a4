/** A comma-separated setting as its non-empty, trimmed items (API keys, origins, order types). */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
