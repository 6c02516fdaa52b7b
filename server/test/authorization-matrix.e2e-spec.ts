import { changedTables, tableChecksums } from './support/authz-db.js';
import { MATRIX, type ScopedEntry } from './support/authz-entries.js';
import { applyMutant } from './support/authz-mutants.js';
import { documentedRoutes, servedRoutes, type DocumentedRoute } from './support/authz-openapi.js';
import { PUBLIC_CHECKS, startRefusingWechat, type Send } from './support/authz-public.js';
import { MatrixRunner } from './support/authz-runner.js';
import { buildAuthzWorld, type AuthzWorld } from './support/authz-world.js';
import { bootTestApp, type TestApp } from './support/test-app.js';

/**
 * Every route of the OpenAPI document × {no token, resident of another household, tenant, committee
 * of another community, street of another street office, contractor of another compound}, with real
 * ids from the wrong scope: 401/403/404, never 2xx, never 5xx. Right-scope controls prove the ids and
 * bodies are valid. AUTHZ_MUTANT=<a name in authz-mutants.ts> breaks one check (in this
 * process only, see authz-mutants.ts) to watch the matrix fail.
 */
describe('authorization matrix (from the OpenAPI document)', () => {
  let t: TestApp;
  let world: AuthzWorld;
  let runner: MatrixRunner;
  let routes: Map<string, DocumentedRoute>;
  let wechat: Awaited<ReturnType<typeof startRefusingWechat>>;
  let checksums: Map<string, string>;
  let refusalRequests = 0;
  const started = Date.now();

  beforeAll(async () => {
    wechat = await startRefusingWechat();
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1', WECHAT_APPID: 'wx-authz', WECHAT_SECRET: 'wx-authz-secret', WECHAT_API_BASE: wechat.base });
    world = await buildAuthzWorld(t);
    applyMutant(t.app, process.env.AUTHZ_MUTANT);
    runner = new MatrixRunner(t, world);
    routes = new Map((await documentedRoutes(t)).map((route) => [route.key, route]));
    checksums = await tableChecksums(t.dataSource);
  }, 120_000);

  afterAll(async () => {
    const statuses = [...(runner?.statuses ?? new Map<number, number>()).entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    const total = runner?.requests ?? 0;
    process.stdout.write(`authorization matrix: ${total} requests (${refusalRequests} wrong-scope/public/self, ${total - refusalRequests} right-scope controls) to ${routes?.size ?? 0} documented routes in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${statuses}\n`);
    await t?.close();
    await wechat?.close();
  });

  it('has an entry for every documented route, and no entry for a route that is gone', () => {
    const missing = [...routes.keys()].filter((key) => !(key in MATRIX)).map((key) => `no matrix entry for ${key}: add it to test/support/authz-entries.ts`);
    const stale = Object.keys(MATRIX).filter((key) => !routes.has(key)).map((key) => `matrix entry ${key} names a route the document no longer has`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it('finds every route the app serves in the document (a hidden route would escape the matrix)', () => {
    const served = servedRoutes(t.app);
    expect(served).toContain('GET /api/health');
    expect(served.filter((key) => !/ \/api\/docs/.test(key) && !routes.has(key))).toEqual([]);
  });

  const inDocument = (key: string) => {
    const route = routes.get(key);
    if (!route) throw new Error(`${key} is not in the OpenAPI document any more: remove its matrix entry`);
    return route;
  };

  describe('wrong-scope callers are refused', () => {
    it.each(Object.keys(MATRIX))('%s', async (key) => {
      const route = inDocument(key);
      const entry = MATRIX[key];
      if (entry.kind === 'public') {
        const check = PUBLIC_CHECKS[key];
        if (!check) throw new Error(`${key} is marked public but has no check in PUBLIC_CHECKS (authz-public.ts)`);
        const send: Send = async (build) => {
          runner.requests++;
          const response = await build(t);
          runner.statuses.set(response.status, (runner.statuses.get(response.status) ?? 0) + 1);
          return response;
        };
        expect(await check(send, world)).toEqual([]);
        return;
      }
      const shape = runner.shapeProblems(route, entry);
      expect(shape).toEqual([]);
      expect(entry.kind === 'scoped' ? await runner.runScoped(route, entry) : await runner.runSelf(route, entry)).toEqual([]);
    });
  });

  describe('after the refusals', () => {
    // A scope check placed after a write would refuse and still have written.
    it('left every table unchanged', async () => {
      refusalRequests = runner.requests;
      expect(changedTables(checksums, await tableChecksums(t.dataSource))).toEqual([]);
    });
  });

  // After every refusal above, since some controls change state (publish a draft, mark a payment).
  describe('right-scope controls get through (ids and bodies are valid)', () => {
    const scoped = Object.entries(MATRIX).filter((pair): pair is [string, ScopedEntry] => pair[1].kind === 'scoped');
    it.each(scoped.map(([key]) => key))('%s', async (key) => {
      const entry = MATRIX[key] as ScopedEntry;
      expect(entry.controls.length).toBeGreaterThan(0);
      expect(await runner.runControls(inDocument(key), entry)).toEqual([]);
    });
  });
});
