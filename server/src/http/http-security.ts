import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config.js';

/** Proxy trust, security headers and what production hides. */
export function applyHttpSecurity(app: NestExpressApplication, _config: AppConfig): void {
  app.set('trust proxy', 'loopback');
}
