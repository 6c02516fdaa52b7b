/** Server configuration read from the environment and validated once at boot. */

export const DEFAULT_JWT_SECRET = 'linyi-dev-secret-change-me';
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  nodeEnv: string;
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  redisUrl: string | null;
  wechat: { appId: string; secret: string; apiBase: string; templateId: string; templatePage: string };
  sms: { gatewayUrl: string | null; token: string };
  queue: { prefix: string; concurrency: number; lockDurationMs: number; runWorkers: boolean; backoffMs?: number };
  /** Reminder delivery: attempts per reminder before it is dead-lettered, and the first retry delay. */
  reminders: { maxAttempts: number; retryBaseMs: number };
  /** How often the outbox relay moves events and reminders to the queue; 0 = off (tests run it by hand). */
  outboxPollMs: number;
  /** How often deadline reminders and digests are planned; 0 = off. */
  reminderSweepMs: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  authDevLogin: boolean;
  seedDemo: boolean;
  h5Dir: string | null;
  /** How often deadlines and opening times are checked; 0 turns the timer off (tests sweep by hand). */
  schedulerIntervalMs: number;
  /** Benchmark-only routes (npm run bench:sign); never in production. */
  benchEndpoints: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Ed25519 private key (PKCS#8 PEM or base64 of its DER) that signs audit checkpoints; never stored in the database. */
  auditSigningKey: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

function flag(env: Env, name: string, problems: string[]): boolean {
  const value = env[name];
  if (value === undefined || value === '') return false;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  problems.push(`${name} must be 1/true or 0/false, got "${value}"`);
  return false;
}

function int(env: Env, name: string, fallback: number, min: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) problems.push(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

function url(env: Env, name: string, protocols: string[], problems: string[]): string | null {
  const value = env[name];
  if (!value) return null;
  try {
    const parsed = new URL(value);
    if (!protocols.includes(parsed.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${value}"`);
    }
  } catch {
    problems.push(`${name} is not a valid URL: "${value}"`);
  }
  return value;
}

function databaseName(databaseUrl: string | null): string {
  if (!databaseUrl) return 'sqlite';
  try {
    return new URL(databaseUrl).pathname.replace(/\W/g, '') || 'db';
  } catch {
    return 'db';
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';

  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['mysql:', 'mariadb:'], problems);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'], problems);
  const apiBase = url(env, 'WECHAT_API_BASE', ['http:', 'https:'], problems) ?? 'https://api.weixin.qq.com';
  const jwtSecret = env.JWT_SECRET || DEFAULT_JWT_SECRET;
  if (env.JWT_SECRET !== undefined && env.JWT_SECRET.length < 16) {
    problems.push('JWT_SECRET must be at least 16 characters long');
  }
  const jwtTtlSeconds = Number(env.JWT_TTL_SECONDS ?? 7 * 24 * 3600);
  if (!Number.isInteger(jwtTtlSeconds) || jwtTtlSeconds < 60) {
    problems.push(`JWT_TTL_SECONDS must be a whole number of seconds ≥ 60, got "${env.JWT_TTL_SECONDS}"`);
  }
  const authDevLogin = flag(env, 'AUTH_DEV_LOGIN', problems);
  const seedDemo = flag(env, 'SEED_DEMO', problems);
  const benchEndpoints = flag(env, 'BENCH_ENDPOINTS', problems);
  // Schema changes go through migrations only; synchronize would silently alter production tables.
  if (flag(env, 'TYPEORM_SYNCHRONIZE', problems)) {
    problems.push('TYPEORM_SYNCHRONIZE is not supported: the schema changes only through migrations');
  }
  const schedulerIntervalMs = int(env, 'SCHEDULER_INTERVAL_MS', 30_000, 0, problems);
  const outboxPollMs = int(env, 'OUTBOX_POLL_MS', 1_000, 0, problems);
  const reminderSweepMs = int(env, 'REMINDER_SWEEP_MS', 5 * 60_000, 0, problems);
  const queue = {
    // One Redis may serve several deployments: by default each database gets its own key space.
    prefix: env.QUEUE_PREFIX || `linyi-${databaseName(databaseUrl)}`,
    concurrency: int(env, 'WORKER_CONCURRENCY', 10, 1, problems),
    lockDurationMs: int(env, 'QUEUE_LOCK_MS', 30_000, 500, problems),
    runWorkers: env.RUN_WORKERS === undefined || env.RUN_WORKERS === '' ? true : flag(env, 'RUN_WORKERS', problems),
    backoffMs: env.QUEUE_BACKOFF_MS ? int(env, 'QUEUE_BACKOFF_MS', 1_000, 1, problems) : undefined,
  };
  const reminders = { maxAttempts: int(env, 'REMINDER_MAX_ATTEMPTS', 5, 1, problems), retryBaseMs: int(env, 'REMINDER_RETRY_MS', 60_000, 1, problems) };
  const sms = { gatewayUrl: url(env, 'SMS_GATEWAY_URL', ['http:', 'https:'], problems), token: env.SMS_GATEWAY_TOKEN ?? '' };
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of debug, info, warn, error, silent, got "${env.LOG_LEVEL}"`);
  }
  const wechat = {
    appId: env.WECHAT_APPID ?? '',
    secret: env.WECHAT_SECRET ?? '',
    apiBase,
    templateId: env.WECHAT_TEMPLATE_ID ?? '',
    templatePage: env.WECHAT_TEMPLATE_PAGE || 'pages/home/index',
  };

  const auditSigningKey = env.AUDIT_SIGNING_KEY || null;

  if (production) {
    if (!auditSigningKey) problems.push('AUDIT_SIGNING_KEY must be set in production: audit checkpoints are signed with it');
    if (authDevLogin) problems.push('AUTH_DEV_LOGIN must not be set in production: anyone could sign in as any resident');
    if (seedDemo) problems.push('SEED_DEMO must not be set in production: demo accounts have a public password');
    if (benchEndpoints) problems.push('BENCH_ENDPOINTS must not be set in production: it opens an unauthenticated write route');
    if (jwtSecret === DEFAULT_JWT_SECRET) problems.push('JWT_SECRET must be set in production (the default is public)');
    if (!databaseUrl) problems.push('DATABASE_URL must be set in production (embedded SQLite is for demos only)');
    if (!wechat.appId || !wechat.secret) problems.push('WECHAT_APPID and WECHAT_SECRET must be set in production');
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    nodeEnv,
    port,
    databaseUrl,
    dataDir: env.DATA_DIR || './data',
    redisUrl,
    wechat,
    jwtSecret,
    jwtTtlSeconds,
    authDevLogin,
    seedDemo,
    h5Dir: env.H5_DIR ?? null,
    schedulerIntervalMs,
    benchEndpoints,
    sms,
    queue,
    reminders,
    outboxPollMs,
    reminderSweepMs,
    logLevel,
    auditSigningKey,
  };
}
