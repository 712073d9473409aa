/**
 * A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage
 * return first) gets a leading apostrophe, so an exported value such as
 * `=HYPERLINK(...)` typed into a record stays text (OWASP "CSV injection").
 *
 * @example safeCsvCell('=1+1') // "'=1+1"
 */
export function safeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
