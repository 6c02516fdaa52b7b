import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { PendingMigrationsError } from './database/migration-gate.js';
import { JsonLogger } from './logging/json-logger.js';

/**
 * `npm run worker`: queue workers, outbox relay and reminder sweeps without HTTP, for running them
 * apart from the API (set RUN_WORKERS=0 on the API then). SIGTERM lets running jobs finish.
 */
async function main() {
  let config;
  try {
    config = { ...loadConfig(), seedDemo: false };
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, queue: { ...config.queue, runWorkers: true } }, 'check'), { logger: new JsonLogger(config.logLevel), abortOnError: false });
  app.enableShutdownHooks();
  process.stderr.write(`邻议 Linyi worker running (queue: ${config.redisUrl ? 'BullMQ on Redis' : 'in-process'})\n`);
}

main().catch((error) => {
  process.stderr.write(`Linyi worker failed to start: ${error instanceof PendingMigrationsError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
