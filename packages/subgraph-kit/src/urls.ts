/**
 * The evidence-link rule (recordRealization, fileObjection): a link a supervisor or reviewer opens must be a
 * web address, http or https; javascript:, data:, file: and the like never reach a screen.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
