import { Answer, NeedCode, ScopeType, screeningConsentVersion, StaffRole, type CompoundStructure } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { AcceptanceProgressService } from '../src/acceptance/acceptance-progress.service.js';
import { CheckpointService } from '../src/audit/checkpoint.service.js';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { DEMO_CARE_WATER_OPENID, DEMO_SCREENING_SECRETS, demoConsentFormPng } from '../src/demo/demo-screenings.js';
import { AccessService } from '../src/places/access.service.js';
import { Household } from '../src/places/household.entity.js';
import { HouseholdScreening } from '../src/special-needs/household-screening.entity.js';
import { ScreeningOverviewService } from '../src/special-needs/screening-overview.service.js';
import { CrewListService } from '../src/works/crew-list.service.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { documentedRoutes, fillPath, type DocumentedRoute } from './support/authz-openapi.js';
import { passingPlumbing } from './support/acceptance-fixtures.js';
import { ALL_DISCLOSURES, SIGNATURE } from './support/consent.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';

/** Every need code but OTHER (too common a word to scan for), and every sensitive text of the demo. */
const NEED_CODES = Object.values(NeedCode).filter((code) => code !== NeedCode.Other);
const SECRET_TEXTS = Object.values(DEMO_SCREENING_SECRETS);
const SCAN = demoConsentFormPng();
/** The care plans' one line for the crew: the crew list may carry it, no other response to a contractor or resident. */
const ASSISTANCE_LINES: string[] = [DEMO_SCREENING_SECRETS.elderlyAssistance, DEMO_SCREENING_SECRETS.waterAssistance, DEMO_SCREENING_SECRETS.infantAssistance];
const CREW_LIST_ROUTE = 'GET /api/work-plans/{id}/bookings';

/** The routes that exist to show a household's details: to the staff who screen, and to the household's own residents. */
const STAFF_DETAIL_ROUTES = ['GET /api/households/{householdId}/screening', 'GET /api/households/{householdId}/screening/consent-scan', 'GET /api/compounds/{compoundId}/screening/export'];
const OWN_RECORD_ROUTES = ['GET /api/me/households/{householdId}/screening', 'POST /api/me/households/{householdId}/screening/consent', 'DELETE /api/me/households/{householdId}/screening'];

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Caller {
  name: string;
  token: string;
  /** Committee or street: screens, so gets details on the detail routes. */
  screens: boolean;
  /** Whether this request may return details at all; every other body is scanned. */
  mayReceive: (key: string, path: string) => boolean;
}

interface Seen {
  caller: Caller;
  key: string;
  path: string;
  status: number;
  /** The body as text (JSON re-serialised, XLSX as its cells' text); the bytes as sent. */
  text: string;
  bytes: Buffer;
}

/** Ids of the demo that fill path parameters and required queries. */
interface DemoIds {
  compounds: string[];
  units: string[];
  households: string[];
  consultations: string[];
  streetOffice: string;
  checkpointSeq: string;
  /** Signature hashes by `${consultationId}/${householdId}`. */
  evidence: Map<string, string>;
  /** 光明里小区's work plans: the demo's published one (1号楼2单元, with 301 and 502 booked) and its draft. */
  workPlans: string[];
  publishedPlan: string;
  /** Acceptance (demo-acceptance.ts): the repairs, and every image hash of each household's inspections, decisions and repairs. */
  repairs: Array<{ id: string; householdId: string }>;
  acceptanceImages: Map<string, string[]>;
}

/**
 * Sensitive details reach only the committee and the street office, and a bound resident about their
 * own household (PIPL art. 28, 30). Every GET of the OpenAPI document, with every path parameter
 * filled from the demo's ids (the screened households among them), plus the writes a resident or a
 * contractor makes in normal work: no body to a contractor or to a resident about someone else holds
 * a need code, a demo note, an assistance note, a care-plan phone or the consent scan. One exception:
 * the crew list (`GET /api/work-plans/{id}/bookings`, JSON and XLSX) shows the contractor and the
 * committee the care plan's assistance line of each booked household — that line is written for the
 * crew and its every showing is logged; the notes, need codes and care contacts stay out of it too.
 * LEAK_MUTANT=counts-note|any-household|crew-note|acceptance-note breaks the code in this process only, to watch the scan fail.
 */
describe('no need code or note reaches a contractor or another resident', () => {
  let t: TestApp;
  let ids: DemoIds;
  let water: string;
  let elderly: string;
  let plain: string;
  const seen: Seen[] = [];
  const skipped = new Set<string>();

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    applyLeakMutant(t, process.env.LEAK_MUTANT);
    // The district's admin sees every compound's counts, and must never see a detail.
    await t.dataSource.getRepository(StaffAccount).save({ id: randomUUID(), username: 'admin-leak', displayName: '区住建委 管理员', role: StaffRole.Admin, scopeType: ScopeType.All, scopeId: null, passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4) });
    const [committee, street, contractor, admin] = await Promise.all(['committee-demo', 'street-demo', 'contractor-demo', 'admin-leak'].map((u) => staffToken(t, u)));
    ids = await demoIds(t, street);
    const guangming = await structure(t, street, ids.compounds[0]);
    const flat = (unit: number, room: string) => guangming.buildings[0].units[unit - 1].households.find((h) => h.room === room)!.id;
    water = flat(2, '301');
    elderly = flat(2, '502');
    // 1号楼1单元501 applied online (so it has a demo owner) and is not screened.
    plain = flat(1, '501');
    expect(await t.dataSource.getRepository(HouseholdScreening).countBy({ householdId: plain })).toBe(0);

    const staffDetail = (key: string) => STAFF_DETAIL_ROUTES.includes(key);
    const ownRecord = (householdId: string) => (key: string, path: string) => OWN_RECORD_ROUTES.includes(key) && path.includes(householdId);
    const callers = {
      contractor: { name: 'contractor-demo', token: contractor, screens: false, mayReceive: () => false },
      admin: { name: 'admin-leak', token: admin, screens: false, mayReceive: () => false },
      plain: { name: 'resident of 1号楼1单元501 (not screened)', token: await residentToken(t, `demo-owner-${plain}`), screens: false, mayReceive: ownRecord(plain) },
      water: { name: `${DEMO_CARE_WATER_OPENID} (1号楼2单元301)`, token: await residentToken(t, DEMO_CARE_WATER_OPENID), screens: false, mayReceive: ownRecord(water) },
      committee: { name: 'committee-demo', token: committee, screens: true, mayReceive: staffDetail },
      street: { name: 'street-demo', token: street, screens: true, mayReceive: staffDetail },
    } satisfies Record<string, Caller>;

    for (const route of (await documentedRoutes(t)).filter((r) => r.method === 'GET')) {
      for (const request of requestsFor(route, ids, skipped)) {
        for (const caller of Object.values(callers)) seen.push(await send(t, caller, route.key, 'GET', request.path, request.query));
      }
    }
    // The crew list's XLSX too (an optional query the document does not require).
    for (const planId of ids.workPlans) {
      for (const caller of Object.values(callers)) seen.push(await send(t, caller, CREW_LIST_ROUTE, 'GET', `/api/work-plans/${planId}/bookings`, { format: 'xlsx' }));
    }

    // The writes of a normal day: residents consent (again), change their answer, try someone else's record; the contractor quotes an upgrade.
    const plumbing = ids.consultations[0];
    const consent = { agreed: true, textVersion: screeningConsentVersion(t.app.get<AppConfig>(APP_CONFIG).screeningRetention) };
    const consentRoute = 'POST /api/me/households/{householdId}/screening/consent';
    const withdrawRoute = 'DELETE /api/me/households/{householdId}/screening';
    for (const [caller, householdId] of [[callers.plain, plain], [callers.plain, water], [callers.water, water], [callers.water, elderly]] as const) {
      seen.push(await send(t, caller, consentRoute, 'POST', `/api/me/households/${householdId}/screening/consent`, {}, consent));
    }
    seen.push(await send(t, callers.plain, withdrawRoute, 'DELETE', `/api/me/households/${elderly}/screening`));
    seen.push(await send(t, callers.water, withdrawRoute, 'DELETE', `/api/me/households/${elderly}/screening`));
    const answer = { answer: Answer.Agree, acknowledgedDisclosureIds: ALL_DISCLOSURES, signaturePng: SIGNATURE };
    for (const [caller, householdId] of [[callers.plain, plain], [callers.water, water]] as const) {
      seen.push(await send(t, caller, 'PUT /api/consultations/{id}/responses/{householdId}', 'PUT', `/api/consultations/${plumbing}/responses/${householdId}`, {}, answer));
    }
    for (const householdId of [water, elderly]) {
      seen.push(await send(t, callers.contractor, 'PUT /api/consultations/{id}/upgrades/{householdId}/quote', 'PUT', `/api/consultations/${plumbing}/upgrades/${householdId}/quote`, {}, { amountYuan: 300 }));
    }
    // In-home works: the water household books its window again and tries the elderly neighbour's; the contractor publishes the draft (refused, with its problems) and adds a window.
    const plan = (await t.http.get(`/api/work-plans/${ids.publishedPlan}`).set(bearer(contractor)).expect(200)).body as { units: Array<{ unitId: string }>; windows: Array<{ id: string; startsAt: string }> };
    const bookingRoute = 'PUT /api/households/{householdId}/booking';
    for (const householdId of [water, elderly]) {
      seen.push(await send(t, callers.water, bookingRoute, 'PUT', `/api/households/${householdId}/booking`, {}, { workPlanId: ids.publishedPlan, windowId: plan.windows[0].id }));
    }
    seen.push(await send(t, callers.plain, 'DELETE /api/households/{householdId}/booking', 'DELETE', `/api/households/${elderly}/booking`, { workPlanId: ids.publishedPlan }));
    for (const planId of ids.workPlans.filter((id) => id !== ids.publishedPlan)) {
      seen.push(await send(t, callers.contractor, 'POST /api/work-plans/{id}/publish', 'POST', `/api/work-plans/${planId}/publish`));
    }
    const lastStart = Date.parse(plan.windows.at(-1)!.startsAt) + 86_400_000;
    const window = { unitId: plan.units[0].unitId, startsAt: new Date(lastStart).toISOString(), endsAt: new Date(lastStart + 9 * 3600_000).toISOString(), capacity: 4 };
    seen.push(await send(t, callers.contractor, 'POST /api/work-plans/{id}/windows', 'POST', `/api/work-plans/${ids.publishedPlan}/windows`, {}, window));

    // Acceptance: the crew inspects the water household, which accepts and reports a repair; it tries the elderly neighbour's; the crew repairs the open repair.
    const inspected = { workPlanId: ids.publishedPlan, results: passingPlumbing(), note: '管根处已做防水' };
    seen.push(await send(t, callers.contractor, 'POST /api/households/{householdId}/inspections', 'POST', `/api/households/${water}/inspections`, {}, inspected));
    for (const householdId of [water, elderly]) {
      seen.push(await send(t, callers.water, 'PUT /api/households/{householdId}/acceptance', 'PUT', `/api/households/${householdId}/acceptance`, {}, { workPlanId: ids.publishedPlan, decision: 'ACCEPT', signaturePng: SIGNATURE }));
      seen.push(await send(t, callers.water, 'POST /api/households/{householdId}/repairs', 'POST', `/api/households/${householdId}/repairs`, {}, { part: 'FINISHES', description: '卫生间墙面恢复处有裂缝' }));
    }
    const [open] = await t.dataSource.query("SELECT id, householdId FROM warranty_repair WHERE status = 'OPEN' AND householdId <> ? ORDER BY reportedAt LIMIT 1", [water]);
    seen.push(await send(t, callers.contractor, 'POST /api/households/{householdId}/repairs/{repairId}/done', 'POST', `/api/households/${open.householdId}/repairs/${open.id}/done`, {}, { results: [{ test: 'RESTORATION', passed: true, value: '裂缝已修补' }] }));
  }, 420_000);

  afterAll(async () => {
    const statuses = new Map<number, number>();
    for (const s of seen) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    const tally = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    process.stdout.write(`sensitive leak scan: ${seen.length} responses (${tally}); parameters not filled: ${[...skipped].join('; ') || 'none'}\n`);
    await t?.close();
  });

  const report = (list: Seen[]) => list.flatMap((s) => forbiddenIn(s).map((what) => `${s.caller.name} ${s.key} ${s.path} → ${s.status}: ${what}`));

  it('called every screening route, the screened households among the ids', () => {
    const keys = new Set(seen.map((s) => s.key));
    const expected = [...STAFF_DETAIL_ROUTES, ...OWN_RECORD_ROUTES, 'GET /api/compounds/{compoundId}/screening', 'GET /api/units/{unitId}/screening', 'GET /api/street-offices/{streetOfficeId}/sensitive-access-log'];
    expect(expected.filter((key) => !keys.has(key))).toEqual([]);
    expect(ids.households).toEqual(expect.arrayContaining([water, elderly, plain]));
  });

  it('called every works route, the writes of a normal day among them, without a refusal where the caller has the right', () => {
    const works = seen.filter((s) => /work-plans|booking|work-windows/.test(s.key));
    const keys = new Set(works.map((s) => s.key));
    expect(['GET /api/work-plans', 'GET /api/work-plans/{id}', CREW_LIST_ROUTE, 'GET /api/work-plans/{id}/notice.pdf', 'GET /api/me/work-windows', 'GET /api/me/households/{householdId}/booking.ics'].filter((key) => !keys.has(key))).toEqual([]);
    const status = (caller: string, key: string, path: string) => works.filter((s) => s.caller.name === caller && s.key === key && s.path.includes(path)).map((s) => s.status);
    expect(status(`${DEMO_CARE_WATER_OPENID} (1号楼2单元301)`, 'PUT /api/households/{householdId}/booking', water)).toEqual([200]);
    expect(status(`${DEMO_CARE_WATER_OPENID} (1号楼2单元301)`, 'PUT /api/households/{householdId}/booking', elderly)).toEqual([404]);
    expect(status('contractor-demo', 'POST /api/work-plans/{id}/publish', '')).toEqual([409]);
    expect(status('contractor-demo', 'POST /api/work-plans/{id}/windows', '')).toEqual([201]);
    // The water household's own calendar file: its booking in the published plan, none in the draft.
    expect(status(`${DEMO_CARE_WATER_OPENID} (1号楼2单元301)`, 'GET /api/me/households/{householdId}/booking.ics', water).sort()).toEqual([200, 404]);
    expect(status(`${DEMO_CARE_WATER_OPENID} (1号楼2单元301)`, 'GET /api/me/work-windows', '')).toEqual([200]);
    // The notice is scanned as its extracted text, not its compressed bytes.
    const notice = works.find((s) => s.caller.name === 'contractor-demo' && s.key === 'GET /api/work-plans/{id}/notice.pdf' && s.path.includes(ids.publishedPlan) && s.status === 200);
    expect(notice?.text).toContain('入户施工及停水通知光明里小区1号楼2单元');
  });

  it('called every acceptance route, the care households among them, without a refusal where the caller has the right', () => {
    const acceptance = seen.filter((s) => /inspections|acceptance|warranty|repairs|supervis/.test(s.key));
    const keys = new Set(acceptance.map((s) => s.key));
    const reads = [
      'GET /api/households/{householdId}/acceptance',
      'GET /api/households/{householdId}/acceptance/photos/{sha256}',
      'GET /api/work-plans/{id}/acceptance',
      'GET /api/households/{householdId}/warranty',
      'GET /api/households/{householdId}/warranty.pdf',
      'GET /api/households/{householdId}/repairs',
      'GET /api/work-plans/{workPlanId}/repairs',
      'GET /api/compounds/{compoundId}/owner-supervisors',
      'GET /api/me/supervision',
    ];
    expect(reads.filter((key) => !keys.has(key))).toEqual([]);
    const status = (caller: string, key: string, path: string) => acceptance.filter((s) => s.caller.name === caller && s.key === key && s.path.includes(path)).map((s) => s.status);
    const waterName = `${DEMO_CARE_WATER_OPENID} (1号楼2单元301)`;
    // The elderly household (accepted on paper in the demo): the crew reads its acceptance, its scan and its warranty; a neighbour does not.
    expect(status('contractor-demo', 'GET /api/households/{householdId}/acceptance', elderly)).toContain(200);
    expect(status('contractor-demo', 'GET /api/households/{householdId}/acceptance/photos/{sha256}', elderly).length).toBeGreaterThan(0);
    expect(status('contractor-demo', 'GET /api/households/{householdId}/acceptance/photos/{sha256}', elderly).filter((s) => s !== 200)).toEqual([]);
    expect(status('contractor-demo', 'GET /api/households/{householdId}/warranty', elderly)).toEqual([200]);
    expect(status(waterName, 'GET /api/households/{householdId}/acceptance', elderly).filter((s) => s !== 404)).toEqual([]);
    expect(status('contractor-demo', 'GET /api/work-plans/{id}/acceptance', ids.publishedPlan)).toEqual([200]);
    // The writes: inspected, accepted and reported by the water household itself; the neighbour's refused.
    expect(status('contractor-demo', 'POST /api/households/{householdId}/inspections', water)).toEqual([201]);
    expect(status(waterName, 'PUT /api/households/{householdId}/acceptance', water)).toEqual([200]);
    expect(status(waterName, 'POST /api/households/{householdId}/repairs', water)).toEqual([201]);
    expect(status(waterName, 'PUT /api/households/{householdId}/acceptance', elderly)).toEqual([404]);
    expect(status(waterName, 'POST /api/households/{householdId}/repairs', elderly)).toEqual([404]);
    expect(status('contractor-demo', 'POST /api/households/{householdId}/repairs/{repairId}/done', '')).toEqual([200]);
    // The warranty notice is scanned as its text.
    const pdf = acceptance.find((s) => s.caller.name === 'contractor-demo' && s.key === 'GET /api/households/{householdId}/warranty.pdf' && s.path.includes(elderly));
    expect(pdf?.text).toContain('保修');
  });

  it('shows the crew the assistance line of each booked care household on the crew list, JSON and XLSX, and nothing else sensitive', () => {
    const crew = seen.filter((s) => s.key === CREW_LIST_ROUTE && s.path.includes(ids.publishedPlan));
    expect(crew.filter((s) => s.status === 200).map((s) => s.caller.name).sort()).toEqual(['committee-demo', 'committee-demo', 'contractor-demo', 'contractor-demo']);
    for (const list of crew.filter((s) => s.caller.name === 'contractor-demo')) {
      expect(leaksIn(list).sort()).toEqual([DEMO_SCREENING_SECRETS.elderlyAssistance, DEMO_SCREENING_SECRETS.waterAssistance].sort());
    }
    expect(report(crew)).toEqual([]);
    // Residents, the street office and the admin do not get the crew list at all.
    expect(crew.filter((s) => s.status !== 200).map((s) => s.status)).toEqual(crew.filter((s) => s.status !== 200).map(() => 403));
  });

  it('refuses the admin every screening route but the counts', () => {
    const screening = seen.filter((s) => s.caller.name === 'admin-leak' && /screening|sensitive-access-log/.test(s.key) && s.key !== 'GET /api/compounds/{compoundId}/screening');
    expect(screening.length).toBeGreaterThan(0);
    expect(screening.filter((s) => s.status !== 403).map((s) => `${s.key} ${s.path} → ${s.status}`)).toEqual([]);
  });

  it('never sends a need code, a note or the consent scan to a contractor or the admin, or to a resident about someone else', () => {
    expect(report(seen.filter((s) => !s.caller.screens && !s.caller.mayReceive(s.key, s.path)))).toEqual([]);
  });

  it('shows the water household’s resident their own record, needs and note included (so the scan can fail)', () => {
    const own = seen.find((s) => s.caller.name.startsWith(DEMO_CARE_WATER_OPENID) && s.key === 'GET /api/me/households/{householdId}/screening' && s.path.includes(water));
    expect(own?.status).toBe(200);
    expect(leaksIn(own!)).toEqual(expect.arrayContaining([NeedCode.MedicalWater, DEMO_SCREENING_SECRETS.waterNote, DEMO_SCREENING_SECRETS.waterAssistance, DEMO_SCREENING_SECRETS.waterContactPhone]));
  });

  it('gives the screening staff details on the detail routes only: the compound overview is counts, no notes', () => {
    const detail = seen.find((s) => s.caller.name === 'committee-demo' && s.key === 'GET /api/households/{householdId}/screening' && s.path.includes(elderly));
    expect(detail?.status).toBe(200);
    expect(leaksIn(detail!)).toEqual(expect.arrayContaining([NeedCode.ElderlyAlone, DEMO_SCREENING_SECRETS.elderlyNote]));
    // The scan reads XLSX cells and image bytes too.
    const exported = seen.find((s) => s.caller.name === 'committee-demo' && s.key === 'GET /api/compounds/{compoundId}/screening/export' && s.path.includes(ids.compounds[0]));
    expect(leaksIn(exported!)).toEqual(expect.arrayContaining([DEMO_SCREENING_SECRETS.waterNote, DEMO_SCREENING_SECRETS.hearingNote]));
    const scans = seen.filter((s) => s.key === 'GET /api/households/{householdId}/screening/consent-scan' && leaksIn(s).includes('the consent scan'));
    expect(scans.map((s) => s.caller.name).sort()).toEqual(['committee-demo', 'street-demo']);
    const overview = seen.filter((s) => s.key === 'GET /api/compounds/{compoundId}/screening' && s.path.includes(ids.compounds[0]) && s.status === 200);
    expect(overview.map((s) => s.caller.name).sort()).toEqual(['admin-leak', 'committee-demo', 'contractor-demo', 'street-demo']);
    expect(report(overview)).toEqual([]);
    expect(report(seen.filter((s) => s.caller.screens && !s.caller.mayReceive(s.key, s.path)))).toEqual([]);
  });

  it('answers every request without a server error', () => {
    expect(seen.filter((s) => s.status >= 500).map((s) => `${s.caller.name} ${s.key} ${s.path} → ${s.status}`)).toEqual([]);
  });
});

/** The secrets a response holds that it must not: the crew list's assistance lines are the one exception. */
function forbiddenIn(s: Seen): string[] {
  const found = leaksIn(s);
  return s.key === CREW_LIST_ROUTE ? found.filter((secret) => !ASSISTANCE_LINES.includes(secret)) : found;
}

/** Which secrets a response holds: need codes, the demo's texts, the consent scan's bytes. */
function leaksIn(s: Seen): string[] {
  const found: string[] = [...NEED_CODES, ...SECRET_TEXTS].filter((secret) => s.text.includes(secret));
  if (s.bytes.includes(SCAN) || s.text.includes(SCAN.toString('base64'))) found.push('the consent scan');
  return found;
}

async function structure(t: TestApp, token: string, compoundId: string): Promise<CompoundStructure> {
  return (await t.http.get(`/api/compounds/${compoundId}/structure`).set(bearer(token)).expect(200)).body;
}

async function demoIds(t: TestApp, streetToken: string): Promise<DemoIds> {
  const compounds: Array<{ id: string; name: string }> = (await t.http.get('/api/compounds').set(bearer(streetToken)).expect(200)).body;
  const ordered = ['光明里小区', '幸福苑小区', '红星小区'].map((name) => compounds.find((c) => c.name === name)!.id);
  const guangming = await structure(t, streetToken, ordered[0]);
  const consultations: string[] = [];
  for (const compoundId of ordered) {
    const listed: Array<{ id: string }> = (await t.http.get('/api/consultations').query({ compoundId }).set(bearer(streetToken)).expect(200)).body;
    consultations.push(...listed.map((c) => c.id));
  }
  const answers: Array<{ consultationId: string; householdId: string; signatureSha256: string | null }> = await t.dataSource.query('SELECT consultationId, householdId, signatureSha256 FROM household_response');
  await t.app.get(CheckpointService).take();
  const [{ seq }] = await t.dataSource.query('SELECT MAX(seq) AS seq FROM audit_checkpoint');
  const street = await t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username: 'street-demo' });
  const plans: Array<{ id: string; status: string }> = (await t.http.get('/api/work-plans').query({ compoundId: ordered[0] }).set(bearer(streetToken)).expect(200)).body;
  return {
    compounds: ordered,
    units: guangming.buildings.flatMap((b) => b.units.map((u) => u.id)),
    // 1号楼1单元 and 2单元, where the demo screened: every household, screened or not.
    households: guangming.buildings[0].units.slice(0, 2).flatMap((u) => u.households.map((h) => h.id)),
    consultations,
    streetOffice: street.scopeId!,
    checkpointSeq: String(seq),
    evidence: new Map(answers.filter((a) => a.signatureSha256).map((a) => [`${a.consultationId}/${a.householdId}`, a.signatureSha256!])),
    workPlans: plans.map((p) => p.id),
    publishedPlan: plans.find((p) => p.status === 'PUBLISHED')!.id,
    ...(await acceptanceIds(t)),
  };
}

/** The demo's repairs, and per household every image its acceptance holds (inspection and defect photos, signatures, scans, repair photos). */
async function acceptanceIds(t: TestApp): Promise<Pick<DemoIds, 'repairs' | 'acceptanceImages'>> {
  const images = new Map<string, string[]>();
  const add = (householdId: string, sha: string | null | undefined) => {
    if (sha && !images.get(householdId)?.includes(sha)) images.set(householdId, [...(images.get(householdId) ?? []), sha]);
  };
  const inspections: Array<{ householdId: string; results: string }> = await t.dataSource.query('SELECT householdId, results FROM work_inspection');
  for (const row of inspections) for (const result of JSON.parse(row.results) as Array<{ photoSha256: string | null }>) add(row.householdId, result.photoSha256);
  const records: Array<{ householdId: string; defects: string; signatureSha256: string | null; paperScanSha256: string | null }> = await t.dataSource.query('SELECT householdId, defects, signatureSha256, paperScanSha256 FROM acceptance_record');
  for (const row of records) {
    add(row.householdId, row.signatureSha256);
    add(row.householdId, row.paperScanSha256);
    for (const defect of JSON.parse(row.defects) as Array<{ photoSha256: string | null }>) add(row.householdId, defect.photoSha256);
  }
  const repairs: Array<{ id: string; householdId: string; photoSha256: string | null }> = await t.dataSource.query('SELECT id, householdId, photoSha256 FROM warranty_repair');
  for (const row of repairs) add(row.householdId, row.photoSha256);
  return { repairs: repairs.map(({ id, householdId }) => ({ id, householdId })), acceptanceImages: images };
}

/** Every filling of a route's path parameters and required queries from the demo's ids; a kind it cannot fill goes to `skipped`. */
function requestsFor(route: DocumentedRoute, ids: DemoIds, skipped: Set<string>): Array<{ path: string; query: Record<string, string> }> {
  const candidates = (name: string, filled: Record<string, string>): string[] | null => {
    switch (name) {
      case 'compoundId':
        return ids.compounds;
      case 'unitId':
        return ids.units;
      case 'householdId':
        return ids.households;
      case 'streetOfficeId':
        return [ids.streetOffice];
      case 'seq':
        return [ids.checkpointSeq];
      case 'consultationId':
        return ids.consultations;
      case 'id':
        if (route.path.startsWith('/api/consultations/{id}')) return ids.consultations;
        return route.path.startsWith('/api/work-plans/{id}') ? ids.workPlans : null;
      case 'workPlanId':
        return ids.workPlans;
      case 'repairId':
        return ids.repairs.filter((r) => r.householdId === filled.householdId).map((r) => r.id);
      case 'sha256': {
        if (route.path.includes('/acceptance/photos/')) return ids.acceptanceImages.get(filled.householdId) ?? [];
        // Only the household's own signature: other pairs are the matrix's business.
        const hash = ids.evidence.get(`${filled.id}/${filled.householdId}`);
        return hash ? [hash] : [];
      }
      default:
        return null;
    }
  };
  let fillings: Array<{ params: Record<string, string>; query: Record<string, string> }> = [{ params: {}, query: {} }];
  const names = [...route.pathParams.map((name) => ({ name, in: 'params' as const })), ...route.requiredQuery.map((name) => ({ name, in: 'query' as const }))];
  for (const { name, in: where } of names) {
    const next: typeof fillings = [];
    for (const filling of fillings) {
      const values = candidates(name, filling.params);
      if (values === null) {
        skipped.add(`${route.key} ${where === 'query' ? `?${name}` : `{${name}}`}`);
        return [];
      }
      next.push(...values.map((value) => ({ ...filling, [where]: { ...filling[where], [name]: value } })));
    }
    fillings = next;
  }
  return fillings.map(({ params, query }) => ({ path: fillPath(route.path, params), query }));
}

async function send(t: TestApp, caller: Caller, key: string, method: Method, path: string, query: Record<string, string> = {}, body?: object): Promise<Seen> {
  const start = { GET: () => t.http.get(path), POST: () => t.http.post(path), PUT: () => t.http.put(path), DELETE: () => t.http.delete(path) }[method]();
  const request = start.query(query).set(bearer(caller.token)).buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
  const response = await (body === undefined ? request : request.send(body));
  const bytes = response.body as Buffer;
  return { caller, key, path, status: response.status, text: await textOf(String(response.headers['content-type'] ?? ''), bytes), bytes };
}

/** JSON re-serialised (so a \u escape hides nothing), XLSX as every cell's text, a PDF as its extracted text, anything else as UTF-8. */
async function textOf(contentType: string, bytes: Buffer): Promise<string> {
  if (contentType.includes('application/pdf')) return String((await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text).replace(/\s+/g, '');
  if (contentType.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text))));
    return cells.join('\n');
  }
  const text = bytes.toString('utf8');
  if (!contentType.includes('json')) return text;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/**
 * Break-checks, in this process only. `counts-note`: the compound overview (which the contractor may
 * read) carries a household's note. `any-household`: a resident may open any household's record.
 * `crew-note`: the crew list's line for a booked household carries its screening note.
 * `acceptance-note`: the acceptance progress (which the contractor reads) carries each household's screening note.
 */
function applyLeakMutant(t: TestApp, name: string | undefined) {
  if (!name) return;
  if (name === 'counts-note') {
    const overview = t.app.get(ScreeningOverviewService);
    const counts = overview.compoundCounts.bind(overview);
    overview.compoundCounts = async (actor, compoundId) => {
      const note = (await t.dataSource.getRepository(HouseholdScreening).findOne({ where: { compoundId, status: 'NEEDS_CARE' as never } }))?.note ?? '';
      return (await counts(actor, compoundId)).map((unit) => ({ ...unit, label: `${unit.label}${note}` }));
    };
    return;
  }
  if (name === 'any-household') {
    const access = t.app.get(AccessService);
    const householdFor = access.householdFor.bind(access);
    access.householdFor = async (actor, householdId) => (actor.kind === 'resident' ? t.dataSource.getRepository(Household).findOneByOrFail({ id: householdId }) : householdFor(actor, householdId));
    return;
  }
  if (name === 'crew-note') {
    const crew = t.app.get(CrewListService);
    const list = crew.list.bind(crew);
    crew.list = async (actor, planId) => {
      const result = await list(actor, planId);
      const notes = new Map((await t.dataSource.getRepository(HouseholdScreening).find()).map((s) => [s.householdId, s.note ?? '']));
      return { ...result, windows: result.windows.map((w) => ({ ...w, households: w.households.map((h) => ({ ...h, assistanceNote: `${h.assistanceNote ?? ''}${notes.get(h.householdId) ?? ''}` })) })) };
    };
    return;
  }
  if (name === 'acceptance-note') {
    const progress = t.app.get(AcceptanceProgressService);
    const read = progress.progress.bind(progress);
    progress.progress = async (actor, planId) => {
      const view = await read(actor, planId);
      const notes = new Map((await t.dataSource.getRepository(HouseholdScreening).find()).map((s) => [s.householdId, s.note ?? '']));
      return { ...view, units: view.units.map((u) => ({ ...u, list: u.list.map((h) => ({ ...h, label: `${h.label}${notes.get(h.householdId) ?? ''}` })) })) };
    };
    return;
  }
  throw new Error(`unknown LEAK_MUTANT ${name}`);
}
