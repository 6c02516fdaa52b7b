import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { TestApp } from './test-app.js';

/** Built by `npm run build -w server` (CI builds before testing). */
export const WORKER_JS = fileURLToPath(new URL('../../dist/worker.js', import.meta.url));

export function databaseUrlOf(t: TestApp): string {
  const options = t.dataSource.options as { host: string; port: number; username: string; password?: string; database: string };
  return `mysql://${options.username}${options.password ? `:${options.password}` : ''}@${options.host}:${options.port}/${options.database}`;
}

/** What a worker process of this test's deployment is started with: same database and queue prefix, no timers unless told. */
export function workerEnvOf(t: TestApp, env: Record<string, string>): Record<string, string> {
  return {
    ...env,
    DATABASE_URL: databaseUrlOf(t),
    JWT_SECRET: 'test-secret-0123456789',
    LOG_LEVEL: 'silent',
    SCHEDULER_INTERVAL_MS: '0',
    OUTBOX_POLL_MS: '0',
    REMINDER_SWEEP_MS: '0',
    QUEUE_PREFIX: t.app.get<AppConfig>(APP_CONFIG).queue.prefix,
    RUN_WORKERS: '1',
  };
}

/** Queue workers in this process, as a separate worker deployment would run them. */
export function startWorkers(t: TestApp, env: Record<string, string>): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(AppModule.forRoot(loadConfig(workerEnvOf(t, env))), { logger: false });
}

/** `dist/worker.js` as its own process; `extra` overrides the worker environment (e.g. OUTBOX_POLL_MS to run its relay). */
export function spawnWorker(t: TestApp, env: Record<string, string>, extra: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [WORKER_JS], { env: { ...process.env, ...workerEnvOf(t, env), ...extra }, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Resolves once the process has written a line containing `text` to stdout (its JSON log). */
export function outputLine(child: ChildProcess, text: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`worker never logged "${text}"`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-10_000);
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

export async function killed(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
