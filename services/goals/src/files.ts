import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, Forbidden, isUuid, NotFound, recordAudit, relationTo, requireUser, type KitContext, type SubgraphRoute } from '@kinerja/subgraph-kit';
import { PlanStatus } from './domain/enums';
import { readsEvidence } from './domain/access';
import { requireManagePlansOf } from './graphql/access';
import { evidencePath } from './graphql/realization.resolver';

/**
 * Evidence files (bukti dukung, DOMAIN.md) uploaded to the goals service and kept in its database
 * (evidence_file.content, bytea): a backup of the goals database holds them, and no shared disk is
 * needed between replicas. Reached through the gateway (README, "Evidence files"):
 *
 *   POST /files/goals/realizations/{realizationId}   body: the file; Content-Type pdf/png/jpeg; X-File-Name
 *   GET  /files/goals/evidence/{fileId}               the file, to those who may read the plan
 *
 * Uploads: the employee, a supervisor above them or ADMIN (who may record realizations). Downloads:
 * the employee, their supervisors up the chain, heads of their unit or a unit above it, and ADMIN;
 * anyone else gets 403 FORBIDDEN.
 */
export interface EvidenceLimits {
  maxBytes: number;
  contentTypes: string[];
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = { maxBytes: 5 * 1024 * 1024, contentTypes: ['application/pdf', 'image/png', 'image/jpeg'] };

/** The content must be what its type says (a renamed executable is not a PDF). */
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  // Read to the end even when over the limit (discarding), so the caller gets the 413 answer.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) over = true;
    if (!over) chunks.push(chunk as Buffer);
  }
  return over ? null : Buffer.concat(chunks);
}

/** A file name safe for a Content-Disposition header and a database column. */
function cleanFileName(raw: string | undefined, contentType: string): string {
  let name: string;
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = raw ?? '';
  }
  name = name.replace(/[\p{Cc}\p{Cf}"\\/]/gu, '_').trim().slice(0, 200);
  if (name) return name;
  return contentType === 'application/pdf' ? 'bukti.pdf' : contentType === 'image/png' ? 'bukti.png' : 'bukti.jpg';
}

async function upload(req: IncomingMessage, res: ServerResponse, ctx: KitContext, realizationId: string, limits: EvidenceLimits) {
  const actor = requireUser(ctx);
  const [owner] = isUuid(realizationId) ? await ctx.dataSource.query(
    `SELECT p.employee_id::text AS "employeeId", p.status, r.goal_id::text AS "goalId" FROM realization r
       JOIN goal g ON g.id = r.goal_id JOIN performance_plan p ON p.id = g.plan_id WHERE r.id = $1`, [realizationId]) as Array<{ employeeId: string; status: string; goalId: string }> : [];
  if (!owner) throw new NotFound('Realization', realizationId);
  // Authorized before the body is looked at: a caller without the right gets FORBIDDEN whatever they send.
  await requireManagePlansOf(ctx, owner.employeeId, 'upload evidence for this employee');
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!limits.contentTypes.includes(contentType)) {
    req.resume();
    throw new DomainError('BAD_USER_INPUT', `Content-Type: must be one of ${limits.contentTypes.join(', ')}; got "${contentType || 'none'}"`, { field: 'contentType' });
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.maxBytes) {
    req.resume();
    sendError(res, 413, 'BAD_USER_INPUT', `file: must be at most ${limits.maxBytes} bytes`, { field: 'file', maxBytes: limits.maxBytes });
    return;
  }
  const body = await readLimited(req, limits.maxBytes);
  if (!body) {
    sendError(res, 413, 'BAD_USER_INPUT', `file: must be at most ${limits.maxBytes} bytes`, { field: 'file', maxBytes: limits.maxBytes });
    return;
  }
  if (body.length === 0) throw new DomainError('BAD_USER_INPUT', 'file: must not be empty', { field: 'file' });
  if (!MAGIC[contentType]?.(body)) throw new DomainError('BAD_USER_INPUT', `file: the content is not ${contentType}`, { field: 'file' });
  if (owner.status !== PlanStatus.APPROVED) {
    throw new DomainError('CONFLICT', `the plan is ${owner.status}: evidence is added to realizations of an approved plan`, { status: owner.status });
  }
  const fileName = cleanFileName(req.headers['x-file-name'] as string | undefined, contentType);
  const sha256 = createHash('sha256').update(body).digest('hex');
  const saved = await ctx.dataSource.transaction(async (m) => {
    const [row] = await m.query(
      `INSERT INTO evidence_file (realization_id, employee_id, file_name, content_type, size, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text, uploaded_at AS "uploadedAt"`,
      [realizationId, owner.employeeId, fileName, contentType, body.length, sha256, body, actor]) as Array<{ id: string; uploadedAt: Date }>;
    const meta = { id: row!.id, realizationId, fileName, contentType, size: body.length, sha256 };
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: owner.goalId, action: 'uploadEvidence', before: null, after: meta });
    return { ...meta, uploadedAt: row!.uploadedAt };
  });
  res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ...saved, url: evidencePath(saved.id) }));
}

/** Who may download: the plan's readers as DOMAIN.md's evidence rule names them (not ANALYST, not colleagues). */
async function requireReadEvidence(ctx: KitContext, employeeId: string): Promise<void> {
  const viewer = requireUser(ctx);
  if (viewer === employeeId) return; // decided without personnel
  const refusal = readsEvidence(await relationTo(ctx, employeeId));
  if (refusal) throw new Forbidden(refusal);
}

async function download(res: ServerResponse, ctx: KitContext, fileId: string) {
  requireUser(ctx);
  const [meta] = isUuid(fileId) ? await ctx.dataSource.query(
    'SELECT employee_id::text AS "employeeId" FROM evidence_file WHERE id = $1', [fileId]) as Array<{ employeeId: string }> : [];
  if (!meta) throw new NotFound('EvidenceFile', fileId);
  await requireReadEvidence(ctx, meta.employeeId);
  const [file] = await ctx.dataSource.query(
    'SELECT file_name AS "fileName", content_type AS "contentType", size, sha256, content FROM evidence_file WHERE id = $1', [fileId]) as Array<{ fileName: string; contentType: string; size: number; sha256: string; content: Buffer }>;
  if (!file) throw new NotFound('EvidenceFile', fileId);
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(file.content.length),
    // Never rendered inline as something else: downloaded under its name, no sniffing.
    'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    etag: `"${file.sha256}"`,
  }).end(file.content);
}

export function evidenceRoutes(limits: EvidenceLimits): SubgraphRoute[] {
  return [{
    prefix: '/files/',
    async handle(req, res, ctx, url) {
      try {
        const up = /^\/files\/realizations\/([^/]+)$/.exec(url.pathname);
        const down = /^\/files\/evidence\/([^/]+)$/.exec(url.pathname);
        if (up && req.method === 'POST') return await upload(req, res, ctx, up[1]!, limits);
        if (down && req.method === 'GET') return await download(res, ctx, down[1]!);
        req.resume();
        sendError(res, up || down ? 405 : 404, 'NOT_FOUND', up || down ? `method ${req.method} not allowed here` : 'not found');
      } catch (error) {
        req.resume();
        if (error instanceof DomainError) {
          const { code, ...extra } = error.extensions as Record<string, unknown> & { code: string };
          sendError(res, STATUS[code] ?? 400, code, error.message, extra);
          return;
        }
        throw error;
      }
    },
  }];
}
