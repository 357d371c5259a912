import { Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildFederatedSchema, entityStub, type EntityRef } from '../src';

// Two services' stubs of the same entity, in one process (as the security tests and the supergraph build them).
const goalsEmployee = entityStub('Employee');
const learningEmployee = entityStub('Employee');

@ObjectType('StubProbe')
class StubProbe {
  @Field(() => String) name!: string;
}

@Resolver(() => goalsEmployee.type)
class GoalsEmployeeFields {
  @FieldResolver(() => String)
  plans(@Root() employee: EntityRef): string {
    return `plans of ${employee.id}`;
  }

  @Query(() => goalsEmployee.type)
  goalsProbe(): EntityRef {
    return goalsEmployee.stub('e1');
  }
}

@Resolver(() => learningEmployee.type)
class LearningEmployeeFields {
  @FieldResolver(() => StubProbe)
  learningHours(): StubProbe {
    return { name: 'hours' };
  }

  @Query(() => learningEmployee.type)
  learningProbe(): EntityRef {
    return learningEmployee.stub('e2');
  }
}

const employeeType = (sdl: string) => /type Employee @key\(fields: "id"\) \{[^}]*\}/.exec(sdl)?.[0] ?? '';

describe('entity stubs', () => {
  it('gives each schema its own stub class, so one service\'s fields never reach another\'s Employee', async () => {
    expect(goalsEmployee.type).not.toBe(learningEmployee.type);
    const goals = await buildFederatedSchema({ resolvers: [GoalsEmployeeFields] });
    const learning = await buildFederatedSchema({ resolvers: [LearningEmployeeFields] });
    expect(employeeType(goals.sdl)).toMatch(/id: ID!/);
    expect(employeeType(goals.sdl)).toMatch(/plans: String!/);
    expect(employeeType(goals.sdl)).not.toMatch(/learningHours/);
    expect(employeeType(learning.sdl)).toMatch(/learningHours: StubProbe!/);
    expect(employeeType(learning.sdl)).not.toMatch(/plans/);
  });

  it('resolves a representation to its key, and one without an id to null', async () => {
    expect(await goalsEmployee.resolveReference({ __typename: 'Employee', id: 'e1' }, {} as never)).toEqual({ id: 'e1' });
    expect(await goalsEmployee.resolveReference({ __typename: 'Employee' }, {} as never)).toBeNull();
    expect(goalsEmployee.stub('e9')).toEqual({ id: 'e9' });
  });
});
