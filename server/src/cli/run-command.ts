import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module.js';
import { auditKeys } from '../audit/audit-key.js';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config.js';
import { PendingMigrationsError } from '../database/migration-gate.js';

/**
 * The configuration an operator command runs with: no timers (checkpoints, outbox relay, reminder
 * sweep, deadline scheduler), no queue workers, no demo seeding, and only the public half of the
 * audit key, so that a command can never sign a checkpoint (over heads it has not verified).
 */
export function commandConfig(config: AppConfig): AppConfig {
  const verifying = auditKeys(config.auditSigningKey, config.auditPublicKey).publicKeyPem;
  return {
    ...config,
    auditCheckpointMs: 0,
    outboxPollMs: 0,
    reminderSweepMs: 0,
    schedulerIntervalMs: 0,
    queue: { ...config.queue, runWorkers: false },
    seedDemo: false,
    logLevel: 'warn',
    auditSigningKey: null,
    auditPublicKey: verifying,
  };
}

/** Boots the app as `commandConfig` says (no HTTP), runs one command, closes it, and returns its status. */
export async function withCommandApp(config: AppConfig, command: (app: INestApplicationContext) => Promise<number>): Promise<number> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(commandConfig(config), 'check'), { logger: ['error', 'warn'], abortOnError: false });
  try {
    return await command(app);
  } finally {
    await app.close();
  }
}

/** Runs one command with the environment's configuration (AUDIT_PUBLIC_KEY suffices in production) and exits with its status. */
export async function runCommand(command: (app: INestApplicationContext) => Promise<number>): Promise<void> {
  try {
    process.exit(await withCommandApp(loadConfig(process.env, { verifiesOnly: true }), command));
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError || error instanceof PendingMigrationsError || error instanceof UsageError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  }
}

/** Wrong arguments or an unreadable input file: printed as is, exit 2. */
export class UsageError extends Error {}
