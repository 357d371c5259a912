// Composition as a gate (`npm run supergraph:check -- <service>`): each service's CURRENT SDL, from
// its built dist, must compose with the other subgraphs as deployed (the checked-in supergraph), and a
// service whose SDL breaks composition fails with Apollo's composition error.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CompositionError, type SubgraphDefinition } from '@kinerja/gateway';
import { checkedInSupergraph, checkService, composeWithService, deployedSubgraphs, loadSubgraph, SUBGRAPHS } from '../src';

// The catalog's subgraphs: the checked-in supergraph must hold exactly these.
const SERVICES = [...SUBGRAPHS];
const CLI = join(__dirname, '..', 'dist', 'cli.js');
const run = promisify(execFile);

let deployed: SubgraphDefinition[];

beforeAll(() => {
  deployed = deployedSubgraphs(checkedInSupergraph());
});

it('checks exactly the services in the supergraph', () => {
  expect(deployed.map((s) => s.name).sort()).toEqual([...SERVICES].sort());
});

describe.each(SERVICES)('check %s', (service) => {
  it('composes its current SDL with the deployed other subgraphs', async () => {
    const result = await checkService(service, deployed);
    expect(result.others.sort()).toEqual(SERVICES.filter((s) => s !== service).sort());
    expect(result.supergraph).toContain(`@join__graph(name: "${service}"`);
  });

  it('fails with Apollo\'s composition error when its SDL breaks the graph', async () => {
    const { sdl } = await loadSubgraph(service);
    // Deliberately broken: Employee.id as String! conflicts with ID! everywhere else.
    const broken = sdl.replace(/(type Employee\b[^{]*\{[^}]*?\bid: )ID!/, '$1String!');
    expect(broken).not.toBe(sdl);
    let error: unknown;
    try {
      composeWithService(service, broken, deployed);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompositionError);
    expect((error as CompositionError).message).toMatch(/^Supergraph composition failed:\n {2}- /);
    expect((error as CompositionError).errors.join('\n')).toMatch(
      new RegExp(`Type of field "Employee\\.id" is incompatible across subgraphs.*"String!" in subgraph "${service}"`),
    );
  });
});

describe('the CLI (npm run supergraph:check -- <service>)', () => {
  it('passes for a service whose SDL composes, and refuses an unknown service', async () => {
    const ok = await run(process.execPath, [CLI, 'check', 'goals']);
    expect(ok.stdout).toMatch(/^goals: its current SDL composes with the deployed competency, evaluation, personnel, recognition/);
    const bad = await run(process.execPath, [CLI, 'check', 'payroll']).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: 'unknown service "payroll"; known: personnel, goals, competency, evaluation, recognition\n' });
  });
});
