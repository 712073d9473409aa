/** Fewer digits than this is not a phone number worth matching on (extensions, typos). */
const MIN_PHONE_DIGITS = 5;

/** How a field's values compare: by its key (`phone`, `workPhone`, `email`...). */
export type MatchKind = 'phone' | 'email' | 'text';

export function matchKindOf(field: string): MatchKind {
  if (/phone/i.test(field)) return 'phone';
  if (/e-?mail/i.test(field)) return 'email';
  return 'text';
}

/**
 * Digits only; an 11-digit number starting with 8 is the Russian trunk prefix for +7,
 * so `8 (903) 555-12-34` and `+7 903 555 12 34` are one number.
 *
 * @example normalizePhone('8 (903) 555-12-34') // '79035551234'
 */
export function normalizePhone(value: string): string | undefined {
  const digits = value.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return undefined;
  return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
}

function normalizeOne(kind: MatchKind, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (kind === 'phone') return normalizePhone(text);
  return kind === 'email' ? text.toLowerCase() : text.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The keys a field value is matched by: one per value (a `multiple` field gives
 * several), empty when there is nothing to match on. Records with an equal key in the
 * same field are duplicates.
 *
 * @example normalizeMatchValue('email', ' Ann@Example.COM ') // ['ann@example.com']
 */
export function normalizeMatchValue(field: string, value: unknown): string[] {
  const kind = matchKindOf(field);
  const values = Array.isArray(value) ? value : [value];
  const keys = new Set<string>();
  for (const v of values) {
    const key = normalizeOne(kind, v);
    if (key !== undefined) keys.add(key);
  }
  return [...keys];
}
