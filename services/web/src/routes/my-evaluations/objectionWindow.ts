import { jakartaToday } from '../../lib/periods';

/**
 * Whether the objection form is offered: the graph gives the last day (completion + 14 days,
 * Asia/Jakarta; PP 30/2019 art. 59) and refuses a late objection itself; the app only shows it.
 */
export function objectionWindow(e: { status: string; objectionDeadline: string | null; objection: unknown }, now = new Date()): 'filed' | 'open' | 'closed' | 'none' {
  if (e.objection) return 'filed';
  if (e.status !== 'COMPLETED' || !e.objectionDeadline) return 'none';
  return jakartaToday(now) <= e.objectionDeadline ? 'open' : 'closed';
}
