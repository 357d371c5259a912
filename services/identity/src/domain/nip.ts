/**
 * A NIP as typed on the sign-in form. DOMAIN.md ("NIP"): spaces and other whitespace, including
 * no-break spaces pasted from PDFs, are ignored; the stored form is 18 digits.
 */
export function normalizeNip(raw: string): string | null {
  const compact = raw.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]/g, '');
  return /^[0-9]{18}$/.test(compact) ? compact : null;
}
