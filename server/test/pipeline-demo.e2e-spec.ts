import { PipelineGate, PipelineStage, type PipelineView } from '@linyi/shared';
import { DEMO_ACCEPTANCE_OPENID } from '../src/demo/demo-acceptance.js';
import { DEMO_REFUSAL_OPENID } from '../src/demo/demo-closed-rounds.js';
import { DEMO_EXCLUDED_BUILDING, DEMO_SERVICE_AGREEMENT_TITLE, DEMO_WINDOW_GUARD_TITLE } from '../src/demo/demo-pipeline.js';
import { compoundsAs } from './support/demo-places.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

/** The pipeline in the demo (issue 14): one compound per story, the notice in every household's inbox, late binders included. */
describe('the pipeline demo', () => {
  let t: TestApp;
  let street: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    street = await staffToken(t, 'street-demo');
    for (const c of await compoundsAs(t, street)) ids.set(c.name, c.id);
  }, 120_000);

  afterAll(() => t.close());

  const pipeline = async (name: string): Promise<PipelineView> => (await t.http.get(`/api/compounds/${ids.get(name)}/pipeline`).set(bearer(street)).expect(200)).body;
  const gate = (view: PipelineView, which: PipelineGate) => view.gates.find((g) => g.gate === which)!;

  it('has 光明里小区 in the year\'s plan with every gate met, entered months ago, its works published', async () => {
    const view = await pipeline('光明里小区');
    expect(view.stage).toBe(PipelineStage.AnnualPlan);
    expect(view.gates.map((g) => [g.gate, g.met])).toEqual([[PipelineGate.OwnersOrganisation, true], [PipelineGate.PropertyServiceAgreement, true], [PipelineGate.FundPledge, true], [PipelineGate.IllegalStructuresCleared, true]]);
    expect(gate(view, PipelineGate.PropertyServiceAgreement).detail).toContain(DEMO_SERVICE_AGREEMENT_TITLE);
    expect(gate(view, PipelineGate.FundPledge)).toMatchObject({ required: false });
    expect(view.moves.map((m) => `${m.from}→${m.to}`)).toEqual(['NONE→RESERVE', 'RESERVE→ANNUAL_PLAN']);
    expect(Date.now() - new Date(view.notice!.issuedAt).getTime()).toBeGreaterThan(100 * DAY);
    expect(view.completion.units).toBe(1);
  });

  it('has 幸福苑小区 in the reserve with 2号楼 excluded after its window-guard consent failed', async () => {
    const view = await pipeline('幸福苑小区');
    expect(view.stage).toBe(PipelineStage.Reserve);
    expect(view.excludedBuildings).toEqual([{ buildingId: expect.any(String), name: DEMO_EXCLUDED_BUILDING, consultationId: expect.any(String), reason: expect.stringContaining(DEMO_WINDOW_GUARD_TITLE) }]);
    expect(gate(view, PipelineGate.IllegalStructuresCleared)).toMatchObject({ met: false, detail: expect.stringContaining('2号楼') });
  });

  it('has 红星小区 in the reserve, its property-service consultation still open and a fund pledge required', async () => {
    const view = await pipeline('红星小区');
    expect(view.stage).toBe(PipelineStage.Reserve);
    expect(gate(view, PipelineGate.PropertyServiceAgreement)).toMatchObject({ met: false, detail: expect.stringContaining('正在征询') });
    expect(gate(view, PipelineGate.FundPledge)).toMatchObject({ met: false, required: true });
  });

  it('told every household of the three compounds once, and shows the notice to residents bound before and after it', async () => {
    const rows: Array<{ name: string; households: number; notices: number; told: number }> = await t.dataSource.query(
      "SELECT c.name, (SELECT COUNT(*) FROM household h WHERE h.compoundId = c.id) AS households, COUNT(r.id) AS notices, COUNT(DISTINCT r.householdId) AS told FROM compound c LEFT JOIN household h2 ON h2.compoundId = c.id LEFT JOIN reminder r ON r.householdId = h2.id AND r.kind = 'PLAN_NOTICE' GROUP BY c.id, c.name ORDER BY c.name",
    );
    for (const row of rows) expect([Number(row.notices), Number(row.told)]).toEqual([Number(row.households), Number(row.households)]);
    const notices = async (openid: string) => ((await t.http.get('/api/me/inbox').set(bearer(await residentToken(t, openid))).expect(200)).body as Array<{ kind: string; body: string }>).filter((m) => m.kind === 'PLAN_NOTICE').map((m) => m.body.slice(0, 5));
    // Bound during the acceptance story, long after 光明里小区 entered the reserve.
    expect(await notices(DEMO_ACCEPTANCE_OPENID)).toEqual(['光明里小区']);
    // Bound in 幸福苑小区 before it entered the reserve.
    expect(await notices(DEMO_REFUSAL_OPENID)).toEqual(['幸福苑小区']);
  });
});
