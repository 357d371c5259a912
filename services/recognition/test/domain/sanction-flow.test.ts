import { SanctionStatus } from '../../src/domain/enums';
import { nextSanctionStatus } from '../../src/domain/sanction-flow';

describe('nextSanctionStatus: only an ADMIN decision moves a sanction', () => {
  it.each([
    [SanctionStatus.PROPOSED, true, SanctionStatus.IMPOSED],
    [SanctionStatus.PROPOSED, false, SanctionStatus.REVOKED],
    [SanctionStatus.IMPOSED, false, SanctionStatus.REVOKED],
  ])('%s, impose %s → %s', (from, impose, to) => {
    expect(nextSanctionStatus(from, impose)).toEqual({ ok: true, status: to });
  });

  it.each([
    [SanctionStatus.IMPOSED, true, /already IMPOSED/],
    [SanctionStatus.REVOKED, true, /was REVOKED/],
    [SanctionStatus.REVOKED, false, /was REVOKED/],
  ])('refuses %s, impose %s', (from, impose, rule) => {
    const next = nextSanctionStatus(from, impose);
    expect(next.ok).toBe(false);
    if (!next.ok) expect(next.rule).toMatch(rule);
  });
});
