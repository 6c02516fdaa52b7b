import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuditController } from './audit.controller.js';
import { auditKeys } from './audit-key.js';
import { AUDIT_SIGNING_KEY, CheckpointService } from './checkpoint.service.js';

/** Signed checkpoints of the audit chains: taken on a timer and after group transitions, served to street staff. */
@Module({
  controllers: [AuditController],
  providers: [{ provide: AUDIT_SIGNING_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => auditKeys(config.auditSigningKey, config.auditPublicKey) }, CheckpointService],
  exports: [AUDIT_SIGNING_KEY, CheckpointService],
})
export class AuditModule {}
