import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { apiCsp, docsCsp, h5Csp, inlineScriptHashes } from './content-security.js';

/** Proxy trust, security headers and what production hides. */
export function applyHttpSecurity(app: NestExpressApplication, config: AppConfig, h5Dir?: string): void {
  // X-Forwarded-For is believed only from the proxies the operator named (TRUST_PROXY); by default nobody's.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: false,
      // HSTS only where the operator serves HTTPS; a demo on http://127.0.0.1 must stay reachable.
      strictTransportSecurity: config.production,
    }),
  );
  const policies = {
    api: helmet.contentSecurityPolicy({ useDefaults: false, directives: apiCsp() }),
    docs: helmet.contentSecurityPolicy({ useDefaults: false, directives: docsCsp() }),
    h5: helmet.contentSecurityPolicy({ useDefaults: false, directives: h5Csp(h5Dir ? inlineScriptHashes(h5Dir) : []) }),
  };
  app.use((request: Request, response: Response, next: NextFunction) => {
    const path = request.path;
    const policy = path.startsWith('/api/docs') ? policies.docs : path === '/api' || path.startsWith('/api/') ? policies.api : policies.h5;
    policy(request, response, next);
  });
}
