import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { PendingMigrationsError } from '../database/migration-gate.js';

/** Boots the app without HTTP or timers, runs one command, and exits with its status. */
export async function runCommand(command: (app: INestApplicationContext) => Promise<number>): Promise<void> {
  try {
    const config = { ...loadConfig(), schedulerIntervalMs: 0, seedDemo: false, logLevel: 'warn' as const };
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'check'), { logger: ['error', 'warn'], abortOnError: false });
    const status = await command(app);
    await app.close();
    process.exit(status);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError || error instanceof PendingMigrationsError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  }
}
