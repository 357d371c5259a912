import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RewardRules } from '../domain/reward-policy';

/** One version of the reward policy; the one in force on a day has the latest effective_from up to it. */
@Entity({ name: 'reward_policy' })
export class RewardPolicyRow {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'jsonb' })
  rules: RewardRules;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The ADMIN who set it; null for the default installed by the migration. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
