import { subgraph as competency } from '@kinerja/competency';
import { subgraph as evaluation } from '@kinerja/evaluation';
import { subgraph as goals } from '@kinerja/goals';
import { subgraph as personnel } from '@kinerja/personnel';
import { subgraph as recognition } from '@kinerja/recognition';
import { declaredMutationGuards } from '@kinerja/subgraph-kit';
import { apiSchema } from '../src/schema';

/**
 * Who-may is declared where each mutation is (STYLE.md, twenty's guards): every mutation of the
 * supergraph carries a @Guard naming its rule in the service's domain/access.ts. A new mutation
 * without one fails here; a changed rule shows in the snapshot's diff for review.
 */
test('every mutation of the supergraph declares the rule that guards it', async () => {
  await Promise.all([personnel, goals, competency, evaluation, recognition].map((s) => s.buildSchema()));
  const declared = declaredMutationGuards();
  const mutations = Object.keys(apiSchema().getMutationType()!.getFields()).map((m) => `Mutation.${m}`).sort();
  expect(mutations.filter((m) => !declared[m])).toEqual([]);
  expect(Object.keys(declared).filter((m) => !mutations.includes(m))).toEqual([]);
  expect(declared).toMatchSnapshot();
});
