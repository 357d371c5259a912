import { generateRegency } from '../src';

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
      const birthYear = Number(e.nip.slice(0, 4));
      expect(Number(e.nip.slice(8, 12)) * 12 + Number(e.nip.slice(12, 14))).toBeGreaterThanOrEqual((birthYear + 18) * 12 + Number(e.nip.slice(4, 6)));
      expect(e.employmentType === 'PPPK').toBe(e.grade === null);
    }
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
