import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './auth/auth.guard.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { Clock } from './common/clock.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { openDatabase, PendingMigrationsError, type MigrationPolicy } from './database/migration-gate.js';
import { HealthController } from './health/health.controller.js';
import { BenchController } from './bench/bench.controller.js';
import { PlacesModule } from './places/places.module.js';
import { QueueModule } from './queue/queue.module.js';
import { ResidentsModule } from './residents/residents.module.js';
import { RosterModule } from './roster/roster.module.js';
import { ConsultationsModule } from './consultations/consultations.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { StaffAccountsModule } from './staff-accounts/staff-accounts.module.js';
import { CompoundSettingsModule } from './compound-settings/compound-settings.module.js';
import { ProgressModule } from './progress/progress.module.js';
import { SpecialNeedsModule } from './special-needs/special-needs.module.js';
import { WorksModule } from './works/works.module.js';
import { AcceptanceModule } from './acceptance/acceptance.module.js';
import { PublicityModule } from './publicity/publicity.module.js';
import { RecordsModule } from './records/records.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { SurveysModule } from './surveys/surveys.module.js';
import { PipelineModule } from './pipeline/pipeline.module.js';
import { TransactionRunner } from './database/transaction-runner.js';
import { SqliteFileSaver } from './database/sqlite-file-saver.js';

@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, TransactionRunner, SqliteFileSaver],
      exports: [APP_CONFIG, Clock, TransactionRunner],
    };
  }
}

@Module({})
export class AppModule {
  /** `migrations`: what this process does about pending migrations (see migration-gate.ts). */
  static forRoot(config: AppConfig, migrations: MigrationPolicy = 'check'): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          // Waiting for the database to come up is worth retrying; pending migrations are not.
          useFactory: async () => ({ ...(await dataSourceOptions(config)), toRetry: (error: unknown) => !(error instanceof PendingMigrationsError) }),
          dataSourceFactory: async (options) => openDatabase(options!, migrations),
        }),
        QueueModule,
        AuthModule,
        AuditModule,
        PlacesModule,
        ResidentsModule,
        RosterModule,
        ConsultationsModule,
        RemindersModule,
        StaffAccountsModule,
        CompoundSettingsModule,
        ProgressModule,
        SpecialNeedsModule,
        WorksModule,
        AcceptanceModule,
        PublicityModule,
        RecordsModule,
        ComplaintsModule,
        SurveysModule,
        PipelineModule,
      ],
      controllers: [HealthController, ...(config.benchEndpoints ? [BenchController] : [])],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
