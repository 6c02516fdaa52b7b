import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { correlationIdMiddleware } from './common/correlation-id.middleware.js';
import type { AppConfig } from './config/app-config.js';
import { apiMigrationPolicy } from './database/migration-gate.js';
import { seedDemoAcceptance } from './demo/demo-acceptance.js';
import { seedDemoClosedRounds } from './demo/demo-closed-rounds.js';
import { seedDemoPipeline } from './demo/demo-pipeline.js';
import { seedDemoConsultations } from './demo/demo-consultations.js';
import { refuseDemoAccounts } from './demo/demo-accounts-check.js';
import { seedDemoPublicity } from './demo/demo-publicity.js';
import { seedDemoScreenings } from './demo/demo-screenings.js';
import { seedDemoWorks } from './demo/demo-works.js';
import { seedDemo } from './demo/demo-seeder.js';
import { applyBodyParsing } from './http/body-parsing.js';
import { applyHttpSecurity } from './http/http-security.js';
import { JsonLogger } from './logging/json-logger.js';

const DEFAULT_H5_DIR = fileURLToPath(new URL('../../miniapp/dist/h5', import.meta.url));

/** Builds the whole HTTP app (used by main.ts and by the e2e tests with their own config). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, apiMigrationPolicy(config.nodeEnv)), {
    logger: new JsonLogger(config.logLevel),
    bodyParser: true,
    // Boot errors (config, pending migrations) reach the caller, which prints them, instead of a bare exit.
    abortOnError: false,
  });
  const h5Dir = config.h5Dir ?? DEFAULT_H5_DIR;
  applyHttpSecurity(app, config, h5Dir);
  applyBodyParsing(app, config);
  app.use(correlationIdMiddleware);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  if (config.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('邻议 Linyi API').setDescription('Resident consultation for old-compound renovation').setVersion('0.1').addBearerAuth().build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  if (existsSync(h5Dir)) app.useStaticAssets(h5Dir, { index: 'index.html', maxAge: 0 });

  await app.init();
  if (config.production) await refuseDemoAccounts(app);
  if (config.seedDemo) {
    try {
      await seedDemoDistrict(app);
    } catch (error) {
      // A seeder that fails leaves no app running behind the error (a test would hang on its timers).
      await app.close();
      throw error;
    }
  }
  return app;
}

async function seedDemoDistrict(app: NestExpressApplication) {
  if (!(await seedDemo(app.get(DataSource)))) return;
  // First: its deadlines are past, and the scheduler's first sweep would close them under the seeder.
  const closedRounds = await seedDemoClosedRounds(app);
  await seedDemoConsultations(app);
  await seedDemoPipeline(app);
  await seedDemoScreenings(app);
  await seedDemoWorks(app);
  await seedDemoAcceptance(app);
  await seedDemoPublicity(app, closedRounds);
}
