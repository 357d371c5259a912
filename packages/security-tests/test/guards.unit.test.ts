import { buildCompetencySchema } from '@kinerja/competency';
import { buildEvaluationSchema } from '@kinerja/evaluation';
import { buildGoalsSchema } from '@kinerja/goals';
import { buildPersonnelSchema } from '@kinerja/personnel';
import { buildRecognitionSchema } from '@kinerja/recognition';
import { declaredMutationGuards } from '@kinerja/subgraph-kit';
import { apiSchema } from '../src/schema';

/**
 * Who-may is declared where each mutation is (STYLE.md, twenty's guards): every mutation of the
 * supergraph carries a @Guard naming its rule in the service's domain/access.ts. A new mutation
 * without one fails here; a changed rule shows in the snapshot's diff for review.
 */
test('every mutation of the supergraph declares the rule that guards it', async () => {
  await Promise.all([buildPersonnelSchema(), buildGoalsSchema(), buildCompetencySchema(), buildEvaluationSchema(), buildRecognitionSchema()]);
  const declared = declaredMutationGuards();
  const mutations = Object.keys(apiSchema().getMutationType()!.getFields()).map((m) => `Mutation.${m}`).sort();
  expect(mutations.filter((m) => !declared[m])).toEqual([]);
  expect(Object.keys(declared).filter((m) => !mutations.includes(m))).toEqual([]);
  expect(declared).toMatchSnapshot();
});
