import { Matches } from 'class-validator';

/**
 * The safe-text rule every input shares: one-line texts (names, titles, codes) carry no control or
 * format characters; multi-line texts (notes, reasons, comments) may keep line breaks and tabs.
 */
export const SAFE_LINE = /^[^\p{Cc}\p{Cf}]*$/u;
export const SAFE_TEXT = /^(?:[^\p{Cc}\p{Cf}]|[\n\r\t])*$/u;

/** class-validator decorator: a one-line text without control or format characters. */
export function SafeLine(message = 'must not contain control characters'): PropertyDecorator {
  return Matches(SAFE_LINE, { message });
}

/** class-validator decorator: a text that may span lines but holds no other control or format characters. */
export function SafeText(message = 'must not contain control characters other than line breaks and tabs'): PropertyDecorator {
  return Matches(SAFE_TEXT, { message });
}

/** The same rule for texts checked in code: the problem, or null when the text is safe. */
export function unsafeTextProblem(value: string, multiline: boolean): string | null {
  if ((multiline ? SAFE_TEXT : SAFE_LINE).test(value)) return null;
  return multiline ? 'must not contain control characters other than line breaks and tabs' : 'must not contain control characters';
}
