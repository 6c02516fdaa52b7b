import type { LoggerService } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** One JSON object per line on stdout, so that operators can ship logs without parsing prose. */
export class JsonLogger implements LoggerService {
  constructor(private readonly minLevel: Level | 'silent' = 'info') {}

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('debug', message, context);
  }

  private write(level: Level, message: unknown, context?: string, trace?: string) {
    if (RANK[level] < RANK[this.minLevel]) return;
    const fields = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    const line = { time: new Date().toISOString(), level, context, ...fields, ...(trace ? { trace } : {}) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
