import { competencyService, seedCompetency } from '@kinerja/competency';
import { generateRegency, type DemoEmployee, type DemoRegency } from '@kinerja/demo-regency';
import { evaluationService, seedEvaluation } from '@kinerja/evaluation';
import { goalsService, seedGoals } from '@kinerja/goals';
import { personnelService, seedPersonnel } from '@kinerja/personnel';
import { recognitionService } from '@kinerja/recognition';
import { startGraph, type GraphService, type TestGraph } from '@kinerja/testing';
import { Client } from 'pg';

export const SERVICES: GraphService[] = [personnelService, goalsService, competencyService, evaluationService, recognitionService] as unknown as GraphService[];

/** The people every suite tests with: one target employee and a caller for each relation to them. */
export interface Cast {
  regency: DemoRegency;
  target: DemoEmployee;
  directSupervisor: DemoEmployee;
  /** The target's supervisor's supervisor (in the demo data also head of the target's unit). */
  indirectSupervisor: DemoEmployee;
  /** Head of the parent unit (DISDIKBUD) of the target's unit: "the unit and its sub-units". */
  unitHead: DemoEmployee;
  /** Same unit, not in the target's chain and not their subordinate. */
  peer: DemoEmployee;
  /** An employee of another unit (DINKES). */
  otherUnit: DemoEmployee;
  admin: DemoEmployee;
  /** An ordinary employee of a third unit who holds the ANALYST role. */
  analyst: DemoEmployee;
}

export function castOf(regency: DemoRegency): Cast {
  const sd = regency.unitByCode.get('DISDIKBUD-SD')!;
  const disdik = regency.unitByCode.get('DISDIKBUD')!;
  const active = (e: DemoEmployee) => e.status === 'ACTIVE';
  const target = regency.employees.find((e) => active(e) && e.unitId === sd.id && e.positionKind === 'FUNGSIONAL' && e.employmentType === 'PNS')!;
  const directSupervisor = regency.employeeById.get(target.supervisorId!)!;
  const indirectSupervisor = regency.employeeById.get(directSupervisor.supervisorId!)!;
  const unitHead = regency.employeeById.get(disdik.headId!)!;
  const peer = regency.employees.find((e) => active(e) && e.unitId === sd.id && e.positionKind === 'FUNGSIONAL' && e.supervisorId !== target.supervisorId)!;
  const dinkes = regency.unitByCode.get('DINKES')!;
  const otherUnit = regency.employees.find((e) => active(e) && e.unitId === dinkes.id && e.positionKind !== 'JPT')!;
  const bappeda = regency.unitByCode.get('BAPPEDA')!;
  const analyst = regency.employees.find((e) => active(e) && e.unitId === bappeda.id && e.positionKind !== 'JPT')!;
  if (indirectSupervisor.id === unitHead.id || new Set([target.id, directSupervisor.id, peer.id, otherUnit.id, analyst.id]).size !== 5) {
    throw new Error('the demo regency no longer gives distinct people for every relation');
  }
  return { regency, target, directSupervisor, indirectSupervisor, unitHead, peer, otherUnit, admin: regency.admin, analyst };
}

export interface SeededGraph {
  graph: TestGraph;
  cast: Cast;
  /** Every table of every service database, for "nothing half-written" checks. */
  tables: Record<string, string[]>;
  counts(): Promise<Record<string, Record<string, number>>>;
  /** Stops the graph and the row-count connections. */
  stop(): Promise<void>;
}

async function tablesOf(url: string): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    return r.rows.map((x) => x.t);
  } finally {
    await c.end();
  }
}

/** All five subgraphs behind one gateway, seeded with the same small demo regency. */
export async function startSeededGraph(label: string): Promise<SeededGraph> {
  const regency = generateRegency({ employees: 300 });
  const graph = await startGraph(SERVICES, label);
  try {
    const s = graph.services;
    await seedPersonnel(s.personnel!.dataSource, regency);
    await seedGoals(s.goals!.dataSource, regency);
    await seedCompetency(s.competency!.dataSource, regency);
    await seedEvaluation(s.evaluation!.dataSource, regency);
    const tables: Record<string, string[]> = {};
    for (const [name, db] of Object.entries(graph.databases)) tables[name] = await tablesOf(db.url);
    // One open connection and one statement per database: the bad-input suite counts after every call.
    const clients: Record<string, Client> = {};
    for (const [name, db] of Object.entries(graph.databases)) {
      clients[name] = new Client({ connectionString: db.url });
      await clients[name].connect();
    }
    return {
      graph,
      cast: castOf(regency),
      tables,
      async counts() {
        const out: Record<string, Record<string, number>> = {};
        for (const [name, client] of Object.entries(clients)) {
          // Tables are re-read so one a teammate's migration adds is counted too.
          const names = (await client.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t);
          if (names.length === 0) continue;
          const sql = `SELECT ${names.map((t, i) => `(SELECT count(*) FROM "${t}")::int AS c${i}`).join(', ')}`;
          const row = (await client.query(sql)).rows[0] as Record<string, number>;
          out[name] = Object.fromEntries(names.map((t, i) => [t, row[`c${i}`]!]));
        }
        return out;
      },
      async stop() {
        for (const c of Object.values(clients)) await c.end().catch(() => undefined);
        await graph.stop();
      },
    };
  } catch (error) {
    await graph.stop();
    throw error;
  }
}
