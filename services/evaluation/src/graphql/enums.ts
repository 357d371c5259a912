import { registerEnumType } from 'type-graphql';
import { PeriodType, CycleStatus, Rating, Predicate, EvaluationStatus, OrganizationPredicate, ObjectionStatus, FeedbackSource, CoreValue } from '../domain/enums';
import { RhkRatingSource, SuggestionRule } from '../domain/grounding';

// The domain's enums are plain TypeScript (domain/enums.ts); here they become GraphQL enum types,
// registered when any graphql/ module that uses them loads, before the schema is built.
registerEnumType(PeriodType, { name: 'PeriodType', description: 'MONTHLY (period 1-12), QUARTERLY (1-4) or ANNUAL (no period)' });
registerEnumType(CycleStatus, { name: 'CycleStatus' });
registerEnumType(Rating, { name: 'Rating', description: 'A rating of work results (hasil kerja) or work behaviour (perilaku kerja)' });
registerEnumType(Predicate, { name: 'Predicate', description: 'predikat kinerja, PermenPANRB 6/2022' });
registerEnumType(EvaluationStatus, { name: 'EvaluationStatus', description: 'DRAFT, COMPLETED, or SUPERSEDED by a newer completed evaluation in the same cycle' });
registerEnumType(OrganizationPredicate, { name: 'OrganizationPredicate', description: 'predikat kinerja organisasi, PermenPANRB 6/2022' });
registerEnumType(ObjectionStatus, { name: 'ObjectionStatus', description: 'FILED, UPHELD (the evaluation stands) or CHANGED (a superseding evaluation holds the new ratings)' });
registerEnumType(FeedbackSource, { name: 'FeedbackSource' });
registerEnumType(CoreValue, { name: 'CoreValue', description: 'BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif' });
registerEnumType(SuggestionRule, { name: 'SuggestionRule', description: 'Which rule produced the suggested result rating (PermenPANRB 6/2022; DOMAIN.md, "Evaluation and the predicate")' });
registerEnumType(RhkRatingSource, { name: 'RhkRatingSource', description: 'EVALUATOR: the evaluator\'s RHK rating; ACHIEVEMENT: from the RHK\'s achievement; NONE: no rating (qualitative, unrated)' });
