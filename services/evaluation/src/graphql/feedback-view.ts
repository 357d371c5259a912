import type { KitContext } from '@kinerja/subgraph-kit';
import { feedbackView, type EvaluationAccess } from '../domain/access';
import { CoreValue } from '../domain/enums';
import './enums';
import type { FeedbackRow } from '../entities/feedback';

/** Feedback as one reader may see it: the author is removed here, where the data is read. */
export interface FeedbackDto {
  id: string;
  source: FeedbackRow['source'];
  authorId: string | null;
  coreValue: CoreValue | null;
  score: number;
  comment: string | null;
  createdAt: Date;
}

export function visibleFeedback(ctx: KitContext, access: EvaluationAccess, rows: FeedbackRow[]): FeedbackDto[] {
  const viewer = ctx.identity.employeeId;
  const out: FeedbackDto[] = [];
  for (const row of rows) {
    const view = feedbackView(access, row.source, !!viewer && row.authorId === viewer);
    if (!view.visible) continue;
    out.push({
      id: row.id,
      source: row.source,
      authorId: view.showAuthor ? row.authorId : null,
      coreValue: row.coreValue,
      score: row.score,
      comment: view.showComment ? row.comment : null,
      createdAt: row.createdAt,
    });
  }
  return out;
}

/** Mean and count per core value over all feedback (feedback without a core value is not in it). */
export function behaviorSummary(rows: FeedbackRow[]): Array<{ coreValue: CoreValue; mean: number; count: number }> {
  const sums = new Map<CoreValue, { total: number; count: number }>();
  for (const r of rows) {
    if (!r.coreValue) continue;
    const s = sums.get(r.coreValue) ?? { total: 0, count: 0 };
    s.total += r.score;
    s.count += 1;
    sums.set(r.coreValue, s);
  }
  // In BerAKHLAK order, so every reader sees the values in the same order.
  return Object.values(CoreValue)
    .filter((v) => sums.has(v))
    .map((v) => {
      const s = sums.get(v) as { total: number; count: number };
      return { coreValue: v, mean: Math.round((s.total / s.count) * 100) / 100, count: s.count };
    });
}
