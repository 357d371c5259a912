import { z } from 'zod';
import { localSubgraphUrl } from './catalog';

/** Variables every subgraph reads (ARCHITECTURE.md, "Running it"). */
const isProduction = () => process.env.NODE_ENV === 'production';

const DEV_SHARED_SECRET = 'kinerja-dev-gateway-secret';

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');

export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: postgresUrl,
  GATEWAY_SHARED_SECRET: z.string().min(16, 'must be at least 16 characters'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KAFKA_BROKERS: z.string().optional(),
  PERSONNEL_URL: z.string().url('must be a URL').default(localSubgraphUrl('personnel')),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
};

export class ConfigError extends Error {}

/**
 * Reads and validates configuration. Development defaults apply only outside production, so a
 * production deployment that forgets a variable stops with its name instead of running insecurely.
 */
export function loadConfig<T extends z.ZodRawShape>(
  shape: T,
  devDefaults: Partial<Record<keyof T & string, string>> = {},
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<T>> {
  const input: Record<string, string | undefined> = { ...env };
  if (env.NODE_ENV !== 'production') {
    for (const [key, value] of Object.entries(devDefaults)) {
      if (input[key] === undefined || input[key] === '') input[key] = value as string;
    }
  }
  const result = z.object(shape).safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data as z.infer<z.ZodObject<T>>;
}

/** A subgraph's development defaults: its catalog port and database, the development secret. */
export function subgraphDevDefaults(defaults: { port: number; database: string }): Record<'PORT' | 'DATABASE_URL' | 'GATEWAY_SHARED_SECRET', string> {
  return {
    PORT: String(defaults.port),
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${defaults.database}`,
    GATEWAY_SHARED_SECRET: DEV_SHARED_SECRET,
  };
}

/** The standard subgraph configuration with its development defaults. */
export function loadSubgraphConfig(defaults: { port: number; database: string }, env = process.env) {
  return loadConfig(baseConfigShape, subgraphDevDefaults(defaults), env);
}

export type SubgraphConfig = ReturnType<typeof loadSubgraphConfig>;
export { DEV_SHARED_SECRET, isProduction };
