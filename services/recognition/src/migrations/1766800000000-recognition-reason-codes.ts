import type { MigrationInterface, QueryRunner } from 'typeorm';
import { reasonFromText } from '../domain/reward-reasons';

/**
 * WEB.md: a screen says each reward reason in the reader's language, so decisions keep their reasons
 * as codes with values beside the English sentences. Decisions stored before read their sentences back
 * (a sentence no code describes stays as OTHER with its text).
 */
export class RecognitionReasonCodes1766800000000 implements MigrationInterface {
  name = 'RecognitionReasonCodes1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reward_decision ADD COLUMN reason_codes jsonb NOT NULL DEFAULT '[]'::jsonb`);
    const rows = (await q.query('SELECT id, reasons FROM reward_decision')) as Array<{ id: string; reasons: string[] }>;
    const coded = rows.map((r) => ({ id: r.id, codes: r.reasons.map(reasonFromText) }));
    for (let i = 0; i < coded.length; i += 1000) {
      await q.query(`UPDATE reward_decision d SET reason_codes = x.codes
                       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, codes jsonb) WHERE d.id = x.id`, [JSON.stringify(coded.slice(i, i + 1000))]);
    }
    await q.query('ALTER TABLE reward_decision ALTER COLUMN reason_codes DROP DEFAULT');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE reward_decision DROP COLUMN reason_codes');
  }
}
