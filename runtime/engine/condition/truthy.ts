/**
 * JSON-Logic truthiness (jsonlogic.com/truthy), as json-logic-js implements it:
 * JavaScript truthiness except that an empty array is falsy.
 *
 * @example truthy([]) // false
 */
export function truthy(value: unknown): boolean {
  if (value === true) return true;
  if (value === false) return false;
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}
