import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@kinerja/subgraph-kit';
import { ActivityKind, CompetencyKind, EnrollmentStatus } from '../domain/enums';
import './enums';

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

@ObjectType({ description: 'JP counted in one PPPK contract year against the 24 JP ceiling (PP 49/2018 art. 40(1))' })
export class ContractYearHours {
  @Field(() => DateScalar) startsOn: string;
  @Field(() => DateScalar) endsOn: string;
  @Field(() => Boolean, { description: 'False when no contract is on record for the period: the calendar year stands in for it' }) fromContract: boolean;
  @Field(() => Int, { description: 'JP completed in the contract year' }) completedHours: number;
  @Field(() => Int, { description: 'JP counted against the ceiling: completed, plus enrolled activities starting in the contract year' }) countedHours: number;
  @Field(() => Int, { description: 'ceiling minus countedHours, never below 0: what enrolling may still add' }) remainingHours: number;
}

@ObjectType({
  description: 'Completed JP in a year. PNS: against the 20 JP they are owed (PP 11/2017 art. 203). PPPK: against a ceiling of '
    + '24 JP per contract year (PP 49/2018 art. 40(1)), shown in ceilingHours and contractYears; they owe no minimum, so '
    + 'requiredHours is 0 (or the regency\'s own minimum) and met says only whether that is reached.',
})
export class LearningHours {
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'JP completed in the calendar year (by completedOn)' }) completedHours: number;
  @Field(() => Int, { description: 'The minimum owed: 20 for PNS; 0 for PPPK unless the regency sets one' }) requiredHours: number;
  @Field(() => Boolean, { description: 'completedHours >= requiredHours' }) met: boolean;
  @Field(() => Int, { nullable: true, description: 'PPPK: 24 JP per contract year, a ceiling; null for PNS' }) ceilingHours: number | null;
  // contractYears: a field resolver (LearningHoursResolver), read from personnel's contracts only when asked.
  contractYears?: ContractYearHours[];
  employeeId: string;
  pppk: boolean;
}

@ObjectType({ description: "How many of a unit's active PNS (with its sub-units) completed 20 JP in the year; PPPK are not counted" })
export class UnitLearningCompliance {
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'Active PNS in the unit and its sub-units' }) employees: number;
  @Field(() => Int, { description: 'Of them, those with at least 20 JP completed in the year' }) metRequirement: number;
  @Field(() => Float, { description: 'metRequirement / employees; 0 without employees' }) ratio: number;
}
