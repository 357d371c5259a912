import { generateRegency, SEED_REFERENCE_DATE } from '../src';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

describe('the demo regency', () => {
  const regency = generateRegency();

  it('has at least 2,000 employees with unique, well-formed NIPs that agree with their records', () => {
    expect(regency.employees.length).toBeGreaterThanOrEqual(2000);
    const nips = new Set(regency.employees.map((e) => e.nip));
    expect(nips.size).toBe(regency.employees.length);
    for (const e of regency.employees) {
      expect(e.nip).toMatch(/^\d{18}$/);
      expect(`${e.nip.slice(0, 4)}-${e.nip.slice(4, 6)}-${e.nip.slice(6, 8)}`).toBe(e.birthDate);
      expect(e.nip.charAt(14)).toBe(e.gender === 'MALE' ? '1' : '2');
      // The first appointment: the 1st of the TMT month (PNS) or 1 January of the TMT year (PPPK), at 18 or later.
      const pppk = e.employmentType === 'PPPK';
      expect(e.nip.slice(12, 14)).toMatch(pppk ? /^21$/ : /^(0[1-9]|1[0-2])$/);
      const tmt = pppk ? `${e.nip.slice(8, 12)}-01-01` : `${e.nip.slice(8, 12)}-${e.nip.slice(12, 14)}-01`;
      expect(tmt >= addYears(e.birthDate, 18)).toBe(true);
      expect(tmt <= SEED_REFERENCE_DATE).toBe(true);
      expect(e.employmentType === 'PPPK').toBe(e.grade === null);
      expect(e.employmentType === 'PPPK').toBe(e.pppkGrade !== null);
    }
  });

  it('has about a third PPPK, each with back-to-back contracts of 1 to 5 years, the last in force on the reference date', () => {
    const pppk = regency.employees.filter((e) => e.employmentType === 'PPPK');
    expect(pppk.length / regency.employees.length).toBeGreaterThan(0.28);
    expect(pppk.length / regency.employees.length).toBeLessThan(0.4);
    const numbers = new Set<string>();
    for (const e of regency.employees) {
      if (e.employmentType === 'PNS') {
        expect(e.contracts).toEqual([]);
        continue;
      }
      expect(e.contracts.length).toBeGreaterThanOrEqual(1);
      expect(e.contracts[0]!.startsOn >= `${e.nip.slice(8, 12)}-01-01`).toBe(true);
      e.contracts.forEach((c, i) => {
        expect(c.sequence).toBe(i + 1);
        expect(numbers.has(c.number)).toBe(false);
        numbers.add(c.number);
        // An ended contract may have ended early; every other runs at least a year.
        expect(c.endsOn >= (c.status === 'ENDED' ? c.startsOn : addDays(addYears(c.startsOn, 1), -1))).toBe(true);
        expect(c.endsOn <= addDays(addYears(c.startsOn, 5), -1)).toBe(true);
        if (i > 0) expect(c.startsOn).toBe(addDays(e.contracts[i - 1]!.endsOn, 1));
        expect(c.status).toBe(i < e.contracts.length - 1 ? 'RENEWED' : e.status === 'ACTIVE' ? 'ACTIVE' : 'ENDED');
      });
      const last = e.contracts[e.contracts.length - 1]!;
      if (e.status === 'ACTIVE') expect(last.startsOn <= SEED_REFERENCE_DATE && SEED_REFERENCE_DATE <= last.endsOn).toBe(true);
    }
    const endingSoon = pppk.filter((e) => e.status === 'ACTIVE' && e.contracts.at(-1)!.endsOn <= addDays(SEED_REFERENCE_DATE, 90));
    expect(endingSoon.length).toBeGreaterThanOrEqual(20);
    expect(endingSoon.length).toBeLessThan(pppk.length / 3);
  });

  it('has every agency of DOMAIN.md and the 17 kecamatan, each with one head', () => {
    for (const code of ['SETDA', 'BKPSDMD', 'BAPPEDA', 'INSPEKTORAT', 'DISDIKBUD', 'DINKES', 'DLH', 'DPUPR', 'DINSOS', 'DISKOMINFO', 'DISHUB', 'SATPOLPP', 'BPBD', 'BPKAD', 'RSUD-HANAFIE']) {
      expect(regency.unitByCode.get(code)?.headId).toBeTruthy();
    }
    expect(regency.units.filter((u) => u.kind === 'KECAMATAN')).toHaveLength(17);
  });

  it('has supervisor chains that end at the Sekda without cycles', () => {
    const sekda = regency.employees.filter((e) => e.supervisorId === null);
    expect(sekda).toHaveLength(1);
    for (const e of regency.employees) {
      const seen = new Set<string>();
      let cur: string | null = e.id;
      while (cur) {
        expect(seen.has(cur)).toBe(false);
        seen.add(cur);
        cur = regency.employeeById.get(cur)?.supervisorId ?? null;
      }
    }
  });

  it('is the same every time it is generated', () => {
    const again = generateRegency();
    expect(again.employees.map((e) => e.id)).toEqual(regency.employees.map((e) => e.id));
  });
});
