import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppException } from '../common/app.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { addressKey } from './attempt-keys.rules.js';

interface Budget {
  points: number;
  seconds: number;
}

/** What is limited, per subject (an account or a resident) and per client address. */
export const LIMITS = {
  staffLogin: {
    subject: { points: 5, seconds: 15 * 60 },
    // Higher per address: a whole committee office may sign in from behind one NAT address.
    address: { points: 30, seconds: 15 * 60 },
    // A successful sign-in clears the account's failures, as people expect after finally getting it right.
    resetSubjectOnSuccess: true,
    message: (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试`,
  },
  inviteRedemption: {
    subject: { points: 10, seconds: 60 * 60 },
    address: { points: 30, seconds: 60 * 60 },
    // A binding that works does not count, but it does not wipe earlier wrong guesses either.
    resetSubjectOnSuccess: false,
    message: (minutes: number) => `邀请码输错次数过多，请 ${minutes} 分钟后再试`,
  },
} satisfies Record<string, { subject: Budget; address: Budget; resetSubjectOnSuccess: boolean; message: (minutes: number) => string }>;

export type LimitKind = keyof typeof LIMITS;

/** One counted attempt; call succeeded() when it worked so it does not count as a failure. */
export interface Attempt {
  succeeded(): Promise<void>;
}

/**
 * The one place that counts sign-in and invite-code attempts. Each attempt is counted before it is
 * tried (an atomic increment, so a parallel burst cannot slip past the limit) and given back when it
 * succeeds. Counters live in Redis when REDIS_URL is set, so every API process shares them; while
 * Redis is unreachable each process falls back to counting in its own memory (rate-limiter-flexible's
 * insurance limiter): sign-in keeps working and stays limited, per process, instead of failing.
 */
@Injectable()
export class AttemptLimiter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('limits');
  private readonly redis: Redis | null;
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'redisUrl' | 'queue'>) {
    // Fail fast rather than queue commands while Redis is away: the memory fallback answers instead.
    this.redis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 }) : null;
    this.redis?.on('error', () => undefined);
  }

  /** Waits for Redis before the first request, so a process does not count its first attempts in memory alone. */
  async onModuleInit() {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const settle = (outcome: boolean) => {
        clearTimeout(timer);
        redis.off('ready', onReady).off('error', onError);
        resolve(outcome);
      };
      const onReady = () => settle(true);
      const onError = () => settle(false);
      const timer = setTimeout(() => settle(false), 2000);
      redis.once('ready', onReady).once('error', onError);
    });
    if (!ready) this.logger.warn({ msg: 'redis unreachable: counting attempts in this process’s memory until it is back' });
  }

  async onApplicationShutdown() {
    this.redis?.disconnect();
  }

  /** Counts an attempt by `subject` from `ip`; 429 when either has used up its budget. */
  async attempt(kind: LimitKind, subject: string, ip: string): Promise<Attempt> {
    const limit = LIMITS[kind];
    const subjectLimiter = this.limiter(kind, 'subject', limit.subject);
    const addressLimiter = this.limiter(kind, 'address', limit.address);
    const address = addressKey(ip);
    const outcomes = await Promise.allSettled([subjectLimiter.consume(subject), addressLimiter.consume(address)]);
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    if (refusals.length) {
      const unexpected = refusals.find((reason) => !(reason instanceof RateLimiterRes));
      if (unexpected) throw unexpected;
      const waitMs = Math.max(...refusals.map((res) => (res as RateLimiterRes).msBeforeNext));
      throw new AppException('TOO_MANY_ATTEMPTS', limit.message(Math.max(1, Math.ceil(waitMs / 60_000))));
    }
    return {
      succeeded: async () => {
        await Promise.all([limit.resetSubjectOnSuccess ? subjectLimiter.delete(subject) : subjectLimiter.reward(subject), addressLimiter.reward(address)]);
      },
    };
  }

  private limiter(kind: LimitKind, dimension: 'subject' | 'address', budget: Budget): RateLimiterAbstract {
    const keyPrefix = `${this.config.queue.prefix}:limit:${kind}:${dimension}`;
    let limiter = this.limiters.get(keyPrefix);
    if (!limiter) {
      const options = { keyPrefix, points: budget.points, duration: budget.seconds };
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
      this.limiters.set(keyPrefix, limiter);
    }
    return limiter;
  }
}
