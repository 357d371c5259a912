import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@kinerja/subgraph-kit';
import { ActivityKind, CompetencyKind, EnrollmentStatus } from '../domain/enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A competency in the catalogue (teknis, manajerial, sosial kultural)' })
export class Competency {
  @Field(() => ID) id: string;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => CompetencyKind) kind: CompetencyKind;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A training, workshop, e-learning, ... or an activity run jointly by several units' })
export class LearningActivity {
  @Field(() => ID) id: string;
  @Field(() => String) title: string;
  @Field(() => ActivityKind) kind: ActivityKind;
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar) endsOn: string;
  @Field(() => Int, { description: 'JP (jam pelajaran) credited on completion' }) hours: number;
  @Field(() => Int, { nullable: true, description: 'Seats; null means no limit' }) capacity: number | null;
  organizerUnitId: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "One employee's place in a learning activity" })
export class Enrollment {
  @Field(() => ID) id: string;
  @Field(() => EnrollmentStatus) status: EnrollmentStatus;
  @Field(() => Float, { nullable: true, description: '0..100, recorded on completion' }) score: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Decides the year the hours count in' }) completedOn: string | null;
  activityId: string;
  employeeId: string;
}

@ObjectType({ description: 'Completed JP in a year against the requirement (20 JP for PNS, PP 11/2017 art. 203)' })
export class LearningHours {
  @Field(() => Int) year: number;
  @Field(() => Int) completedHours: number;
  @Field(() => Int) requiredHours: number;
  @Field(() => Boolean) met: boolean;
}

@ObjectType({ description: "How many of a unit's active employees (with its sub-units) met their yearly JP" })
export class UnitLearningCompliance {
  @Field(() => Int) year: number;
  @Field(() => Int) employees: number;
  @Field(() => Int) metRequirement: number;
  @Field(() => Float, { description: 'metRequirement / employees; 0 without employees' }) ratio: number;
}
