import { describe, expect, test } from 'vitest';
import { jakartaToday } from '../../lib/periods';
import { objectionWindow } from './objectionWindow';

describe('the objection window the graph gives', () => {
  test('today is the regency\'s date: 17:30 UTC on 3 December is already 4 December in Jakarta', () => {
    expect(jakartaToday(new Date('2026-12-03T17:30:00Z'))).toBe('2026-12-04');
    expect(jakartaToday(new Date('2026-12-03T16:59:00Z'))).toBe('2026-12-03');
  });

  test('open through the last day, closed after it; filed once there is an objection; nothing while not completed', () => {
    const e = { status: 'COMPLETED', objectionDeadline: '2026-12-17', objection: null };
    expect(objectionWindow(e, new Date('2026-12-17T16:00:00Z'))).toBe('open');
    expect(objectionWindow(e, new Date('2026-12-17T17:00:00Z'))).toBe('closed');
    expect(objectionWindow({ ...e, objection: { id: 'o' } }, new Date('2027-01-30T00:00:00Z'))).toBe('filed');
    expect(objectionWindow({ status: 'DRAFT', objectionDeadline: null, objection: null })).toBe('none');
  });
});
