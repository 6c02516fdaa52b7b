/** Server configuration read from the environment and validated once at boot. */
import { isIP } from 'node:net';
import { WarrantyPart, warrantyPeriodProblems, type WarrantyYears } from '@linyi/shared';
import { auditKeyProblems } from '../audit/audit-key.js';

export const DEFAULT_JWT_SECRET = 'linyi-dev-secret-change-me';
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  /** NODE_ENV as given ("development" when unset). */
  nodeEnv: string;
  /** Anything but exactly "development" or "test" is production: a typo must not switch the safeguards off. */
  production: boolean;
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
  /** Express "trust proxy": false (the socket address is the client), a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: TrustProxy;
  /** Swagger UI at /api/docs and the document at /api/docs-json; off in production unless API_DOCS=1. */
  apiDocs: boolean;
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
  /** Ed25519 public key (SPKI PEM or base64 DER) that verifies checkpoints; enough for audit:verify and recount without the private key. */
  auditPublicKey: string | null;
  /** How often a signed audit checkpoint is taken (skipped when no chain moved); 0 = off (tests take them by hand). */
  auditCheckpointMs: number;
  /** Erasure of special-needs details (PIPL art. 19, 47): days after the unit's works are accepted, days without works, sweep period (0 = off). */
  screeningRetention: { afterAcceptanceDays: number; maxAgeDays: number; sweepMs: number };
  /**
   * In-home works: days of notice before a window (seed 004 §七), hours before a window that booking
   * changes close, hours priority windows stay held for care households, the local time of the
   * day-before reminder, hours after publishing of the first booking reminder, sweep period (0 = off).
   */
  works: { noticeDays: number; bookingCutoffHours: number; priorityHoldHours: number; tomorrowAt: string; bookingReminderAfterHours: number; sweepMs: number };
  /** Warranty periods in years per part; never below 建设工程质量管理条例 art. 40 (the server refuses to boot). */
  warrantyYears: WarrantyYears;
  /** Days after a passing inspection an unaccepted household is reminded again (once). */
  acceptanceReminderAfterDays: number;
  /** How often the acceptance follow-up reminders are planned; 0 = off (tests run the sweep by hand). */
  acceptanceSweepMs: number;
}

export type TrustProxy = false | number | string[];

/** Below this a production JWT secret can be brute-forced offline from one captured token. */
export const MIN_PRODUCTION_SECRET_BYTES = 32;

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

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: unset → trust no proxy; a whole number → that many hops; else a comma-separated list of addresses/CIDRs. */
function trustProxy(env: Env, problems: string[]): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return false;
  if (/^\d+$/.test(raw)) return Number(raw) === 0 ? false : Number(raw);
  if (['true', '*', 'all'].includes(raw.toLowerCase())) {
    problems.push(`TRUST_PROXY must list the proxies' addresses or give a hop count; "${raw}" would let any client forge its address`);
    return false;
  }
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length) problems.push(`TRUST_PROXY must be a hop count or a comma-separated list of IP addresses/CIDRs, got ${bad.map((b) => `"${b}"`).join(', ')}`);
  return entries;
}

/** Problems with a production JWT secret; the secret itself is never printed. */
function productionSecretProblems(secret: string): string[] {
  if (secret === DEFAULT_JWT_SECRET) return ['JWT_SECRET must be set in production (the default is public)'];
  const problems: string[] = [];
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_PRODUCTION_SECRET_BYTES) problems.push(`JWT_SECRET must be at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production, got ${bytes}`);
  if (/^(.)\1*$/su.test(secret)) problems.push('JWT_SECRET must not be one character repeated');
  return problems;
}

function databaseName(databaseUrl: string | null): string {
  if (!databaseUrl) return 'sqlite';
  try {
    return new URL(databaseUrl).pathname.replace(/\W/g, '') || 'db';
  } catch {
    return 'db';
  }
}

/** `verifiesOnly`: an operator command (audit:verify, recount) that never signs, so AUDIT_PUBLIC_KEY suffices in production. */
export function loadConfig(env: Env = process.env, { verifiesOnly = false }: { verifiesOnly?: boolean } = {}): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv !== 'development' && nodeEnv !== 'test';

  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['mysql:', 'mariadb:'], problems);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'], problems);
  const apiBase = url(env, 'WECHAT_API_BASE', ['http:', 'https:'], problems) ?? 'https://api.weixin.qq.com';
  const jwtSecret = env.JWT_SECRET || DEFAULT_JWT_SECRET;
  if (!production && env.JWT_SECRET && env.JWT_SECRET.length < 16) {
    problems.push('JWT_SECRET must be at least 16 characters long');
  }
  const jwtTtlSeconds = Number(env.JWT_TTL_SECONDS ?? 7 * 24 * 3600);
  if (!Number.isInteger(jwtTtlSeconds) || jwtTtlSeconds < 60) {
    problems.push(`JWT_TTL_SECONDS must be a whole number of seconds ≥ 60, got "${env.JWT_TTL_SECONDS}"`);
  }
  const authDevLogin = flag(env, 'AUTH_DEV_LOGIN', problems);
  const seedDemo = flag(env, 'SEED_DEMO', problems);
  const benchEndpoints = flag(env, 'BENCH_ENDPOINTS', problems);
  const apiDocs = env.API_DOCS === undefined || env.API_DOCS === '' ? !production : flag(env, 'API_DOCS', problems);
  const trustProxySetting = trustProxy(env, problems);
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
  const auditPublicKey = env.AUDIT_PUBLIC_KEY || null;
  problems.push(...auditKeyProblems(auditSigningKey, auditPublicKey));
  const auditCheckpointMs = int(env, 'AUDIT_CHECKPOINT_MS', 60_000, 0, problems);
  const screeningRetention = {
    afterAcceptanceDays: int(env, 'SCREENING_RETENTION_DAYS', 90, 1, problems),
    // Under a month a screening made for works planned next month would vanish before them.
    maxAgeDays: int(env, 'SCREENING_MAX_AGE_DAYS', 365, 30, problems),
    sweepMs: int(env, 'SCREENING_RETENTION_SWEEP_MS', 3_600_000, 0, problems),
  };

  const works = {
    noticeDays: int(env, 'WORK_NOTICE_DAYS', 3, 1, problems),
    bookingCutoffHours: int(env, 'BOOKING_CUTOFF_HOURS', 24, 0, problems),
    priorityHoldHours: int(env, 'WORK_PRIORITY_HOLD_HOURS', 48, 0, problems),
    tomorrowAt: env.WORK_TOMORROW_AT ?? '10:00',
    bookingReminderAfterHours: int(env, 'BOOKING_REMINDER_AFTER_HOURS', 48, 1, problems),
    sweepMs: int(env, 'WORKS_SWEEP_MS', 600_000, 0, problems),
  };
  const warrantyYears: WarrantyYears = {
    [WarrantyPart.Pipes]: int(env, 'WARRANTY_PIPES_YEARS', 2, 1, problems),
    [WarrantyPart.Waterproofing]: int(env, 'WARRANTY_WATERPROOFING_YEARS', 5, 1, problems),
    [WarrantyPart.Finishes]: int(env, 'WARRANTY_FINISHES_YEARS', 2, 1, problems),
    [WarrantyPart.Windows]: int(env, 'WARRANTY_WINDOWS_YEARS', 2, 1, problems),
  };
  problems.push(...warrantyPeriodProblems(warrantyYears).map((problem) => `WARRANTY_${problem.replace(/^(\w+):/, '$1_YEARS:')}`));
  const acceptanceReminderAfterDays = int(env, 'ACCEPTANCE_REMINDER_AFTER_DAYS', 3, 1, problems);
  const acceptanceSweepMs = int(env, 'ACCEPTANCE_SWEEP_MS', 600_000, 0, problems);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(works.tomorrowAt)) problems.push('WORK_TOMORROW_AT must be a time like 10:00');

  if (production) {
    if (!auditSigningKey && !(verifiesOnly && auditPublicKey)) {
      problems.push(verifiesOnly ? 'AUDIT_PUBLIC_KEY (or AUDIT_SIGNING_KEY) must be set in production: checkpoints are verified with it' : 'AUDIT_SIGNING_KEY must be set in production: audit checkpoints are signed with it');
    }
    if (authDevLogin) problems.push('AUTH_DEV_LOGIN must not be set in production: anyone could sign in as any resident');
    if (seedDemo) problems.push('SEED_DEMO must not be set in production: demo accounts have a public password');
    if (benchEndpoints) problems.push('BENCH_ENDPOINTS must not be set in production: it opens an unauthenticated write route');
    problems.push(...productionSecretProblems(jwtSecret));
    if (!databaseUrl) problems.push('DATABASE_URL must be set in production (embedded SQLite is for demos only)');
    if (!wechat.appId || !wechat.secret) problems.push('WECHAT_APPID and WECHAT_SECRET must be set in production');
  }
  if (problems.length && production && nodeEnv !== 'production') {
    problems.unshift(`NODE_ENV "${nodeEnv}" counts as production: only exactly "development" or "test" does not`);
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    nodeEnv,
    production,
    port,
    databaseUrl,
    dataDir: env.DATA_DIR || './data',
    redisUrl,
    wechat,
    jwtSecret,
    jwtTtlSeconds,
    trustProxy: trustProxySetting,
    apiDocs,
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
    auditPublicKey,
    auditCheckpointMs,
    screeningRetention,
    works,
    warrantyYears,
    acceptanceReminderAfterDays,
    acceptanceSweepMs,
  };
}
