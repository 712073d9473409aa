/**
 * Whether an `If-Match` header value names the current entity tag (`*`, lists, weak
 * tags compared by their value).
 * @example ifMatchHolds('W/"3", "4"', '"4"') // true
 */
export function ifMatchHolds(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}
