import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Rating } from '../domain/enums';

/** The evaluator's rating of one RHK (goal) of the employee's SKP in one evaluation. */
@Entity({ name: 'goal_rating' })
export class GoalRatingRow {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  /** Goals' Goal id (another database: no foreign key). */
  @PrimaryColumn({ name: 'goal_id', type: 'uuid' }) goalId: string;
  @Column({ name: 'goal_kind', type: 'varchar', length: 8 }) goalKind: 'UTAMA' | 'TAMBAHAN';
  @Column({ type: 'varchar', length: 17 }) rating: Rating;
  @Column({ type: 'varchar', length: 2000, nullable: true }) note: string | null;
  @Column({ name: 'rated_by', type: 'uuid' }) ratedBy: string;
  @Column({ name: 'rated_at', type: 'timestamptz' }) ratedAt: Date;
}
