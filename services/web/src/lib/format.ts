/** Numbers and dates in the reader's language (id-ID: 1.234,5; 3 Desember 2026). */
export function formatNumber(n: number | null | undefined, language: string, digits = 1): string {
  if (n === null || n === undefined) return '–';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits }).format(n);
}

export function formatPercent(ratio: number | null | undefined, language: string): string {
  if (ratio === null || ratio === undefined) return '–';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}
