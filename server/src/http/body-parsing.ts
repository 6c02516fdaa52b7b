import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config.js';

/** How request bodies are read: sizes, shapes, and how long a client may take to send one. */
export function applyBodyParsing(app: NestExpressApplication, _config: AppConfig): void {
  // Paper-form photos travel as base64 inside JSON.
  app.useBodyParser('json', { limit: '8mb' });
}
