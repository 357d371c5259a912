import { registerEnumType } from 'type-graphql';
import { Predicate, PeriodType, AwardKind, SanctionLevel, SanctionStatus, SanctionType, FollowUp, DecisionStatus, ImprovementStatus } from '../domain/enums';
import { RewardReasonCode } from '../domain/reward-reasons';

// The domain's enums are plain TypeScript (domain/enums.ts); here they become GraphQL enum types,
// registered when any graphql/ module that uses them loads, before the schema is built.
registerEnumType(Predicate, { name: 'Predicate' });
registerEnumType(PeriodType, { name: 'PeriodType' });
registerEnumType(AwardKind, { name: 'AwardKind', description: 'CERTIFICATE: piagam penghargaan; PERFORMANCE_ALLOWANCE: TPP; PROMOTION_RECOMMENDATION: kenaikan pangkat' });
registerEnumType(SanctionLevel, { name: 'SanctionLevel', description: 'A discipline case (PP 94/2021): hukuman disiplin ringan / sedang / berat; never opened from a predicate' });
registerEnumType(SanctionStatus, { name: 'SanctionStatus', description: 'PROPOSED, EXAMINED (examination recorded), IMPOSED or DISMISSED by ADMIN; REVOKED: an imposed sanction revoked' });
registerEnumType(SanctionType, { name: 'SanctionType', description: 'PP 94/2021 art. 8. LIGHT: ORAL_REPRIMAND, WRITTEN_REPRIMAND, STATEMENT_OF_DISSATISFACTION; MODERATE: TPP_CUT_6/9/12_MONTHS (25% of the allowance); SEVERE: DEMOTION_12_MONTHS, RELEASE_TO_PELAKSANA_12_MONTHS, HONOURABLE_DISMISSAL' });
registerEnumType(FollowUp, { name: 'FollowUp', description: 'What a predicate calls for: NONE, COACHING (pembinaan) or IMPROVEMENT_TRACK (PP 30/2019 art. 56-58); an administrative measure' });
registerEnumType(DecisionStatus, { name: 'DecisionStatus', description: 'ACTIVE; SUPERSEDED (its evaluation was superseded: no award); REVISED (decided again as a newer revision)' });
registerEnumType(ImprovementStatus, { name: 'ImprovementStatus', description: 'OPEN, then IMPROVED or RETEST (owner), TRANSFER, TEMPORARY_POST, DISCHARGE_RECOMMENDED (ADMIN), each after the previous; WITHDRAWN when the predicate was superseded' });
registerEnumType(RewardReasonCode, { name: 'RewardReasonCode', description: 'A rule of the reward policy that fired (WEB.md: each reward\'s reasons); OTHER: a sentence no code describes, see text' });
