import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/create-app.js';

/**
 * Runs `body` against the bare demo on embedded SQLite (sql.js), as `npm start` serves it on a laptop,
 * signed in as committee-demo; the app is closed afterwards.
 */
export async function withSqliteDemo(body: (session: { http: ReturnType<typeof request>; auth: Record<string, string>; guangmingId: string }) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linyi-sqlite-demo-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: 'silent', H5_DIR: join(dataDir, 'none') }));
  try {
    const http = request(app.getHttpServer());
    const login = await http.post('/api/auth/staff/login').send({ username: 'committee-demo', password: 'linyi-demo' }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const compounds: Array<{ id: string; name: string }> = (await http.get('/api/compounds').set(auth).expect(200)).body;
    await body({ http, auth, guangmingId: compounds.find((c) => c.name === '光明里小区')!.id });
  } finally {
    await app.close();
  }
}
