/** A refused file request, carrying the graph's error (code, message, messageId) for describeError. */
export class FileRequestError extends Error {
  constructor(readonly status: number, readonly extensions: Record<string, unknown>, message: string) {
    super(message);
  }
}

export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

async function refused(res: Response): Promise<never> {
  let body: { errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> } = {};
  try {
    body = await res.json();
  } catch {
    // not JSON: the status says enough
  }
  const first = body.errors?.[0];
  const code = first?.extensions?.code ?? (res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : res.status === 413 ? 'BAD_USER_INPUT' : res.status >= 502 ? 'GATEWAY_UNAVAILABLE' : 'UNKNOWN');
  throw new FileRequestError(res.status, { ...(first?.extensions ?? {}), code }, first?.message ?? `HTTP ${res.status}`);
}

/**
 * Uploads a file as evidence of a realization (goals service, through the gateway's /files path):
 * the body is the file, with its type and (URI-encoded) name.
 */
export async function uploadEvidence(realizationId: string, file: File): Promise<{ id: string; url: string }> {
  const res = await fetch(`/files/goals/realizations/${encodeURIComponent(realizationId)}`, {
    method: 'POST',
    headers: { 'content-type': file.type, 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  if (!res.ok) return refused(res);
  return (await res.json()) as { id: string; url: string };
}

/** Opens an evidence file: fetched with the session (the web server adds the token) and shown from memory. */
export async function openEvidence(url: string): Promise<void> {
  const win = window.open('', '_blank');
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    win?.close();
    return refused(res);
  }
  const blob = URL.createObjectURL(await res.blob());
  if (win) win.location.href = blob;
  else window.location.assign(blob);
  setTimeout(() => URL.revokeObjectURL(blob), 60_000);
}
