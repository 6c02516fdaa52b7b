import { Answer, ConsultationKind, DecisionRule, GroupBy, LegalBasis, NeedCode, ResidentRole, ScopeType, StaffRole, VisitOutcome, WorkPlanStatus, type CompoundStructure } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { CheckpointService } from '../../src/audit/checkpoint.service.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { InboxMessage } from '../../src/inbox/inbox-message.entity.js';
import { Building } from '../../src/places/building.entity.js';
import { Community } from '../../src/places/community.entity.js';
import { Compound } from '../../src/places/compound.entity.js';
import { Household } from '../../src/places/household.entity.js';
import { StreetOffice } from '../../src/places/street-office.entity.js';
import { Unit } from '../../src/places/unit.entity.js';
import { Reminder, ReminderStatus } from '../../src/reminders/reminder.entity.js';
import { StaffAccount } from '../../src/staff/staff-account.entity.js';
import { uniqueSignaturePng } from './authz-png.js';
import { buildAcceptanceWorld } from './authz-world-acceptance.js';
import { PIPELINE_SLOTS, type PipelineScope } from './authz-world-pipeline.js';
import { buildPublicityWorld, type PublicityScope } from './authz-world-publicity.js';
import { ALL_DISCLOSURES, openConsultation } from './consent.js';
import { households, structureOf } from './demo-places.js';
import { bearer, residentToken, staffToken, type TestApp } from './test-app.js';
import { insertPlan } from './works-fixtures.js';

/** The victim owner's signature: no other answer in the test has these bytes. */
export const VICTIM_SIGNATURE = uniqueSignaturePng(0x5eed_a11c);
/** The signed consent form of the victim household's special-needs screening (its own bytes too). */
export const VICTIM_CONSENT_SCAN = uniqueSignaturePng(0xc0_5e_27);

/** Ids of one scope: what a matrix entry puts in path params, queries and bodies. */
export interface Scope extends PublicityScope, PipelineScope {
  streetOfficeId: string;
  communityId: string;
  compoundId: string;
  unitId: string;
  consultationId: string;
  /** A DRAFT consultation (residents never see drafts; publishing it is a real state change). */
  draftConsultationId: string;
  householdId: string;
  reminderId: string;
  evidenceSha256: string;
  residentInboxId: string;
  staffInboxId: string;
  /** An invite code already spent by the household's owner. */
  usedInviteCode: string;
  /** Right-scope extras used only by the positive controls. */
  paperHouseholdId: string;
  nudgeHouseholdId: string;
  freshInviteCode: string;
  /** A signed audit checkpoint (global by contract: not a scope id). */
  checkpointSeq: string;
  /** A committee account of the scope's community (what street staff manage). */
  staffAccountId: string;
  /** A PUBLISHED work plan of the compound's unit, with one window (`windowId`) the household has booked. */
  workPlanId: string;
  windowId: string;
  /** A DRAFT work plan of the unit with one window; a second draft the DELETE control discards. */
  draftWorkPlanId: string;
  draftWindowId: string;
  spareDraftWorkPlanId: string;
  /** Acceptance (authz-world-acceptance.ts): the photo of the household's inspection, and the repair it reported after accepting. */
  acceptancePhotoSha256: string;
  repairId: string;
  /** Right-scope extras of the plan's unit: a household nothing was recorded for, and the named supervisor's household (inspected, not accepted). */
  inspectHouseholdId: string;
  supervisorHouseholdId: string;
}
export type Slot = keyof Scope;

export type WrongCallerName = 'anonymous' | 'resident' | 'tenant' | 'committee' | 'street' | 'contractor';
export type RightCallerName = 'owner' | 'committee' | 'street' | 'contractor' | 'supervisor';

export interface WrongCaller {
  name: WrongCallerName;
  description: string;
  kind: 'anonymous' | 'resident' | 'staff';
  role?: StaffRole;
  token: string | null;
  /** Ids in the caller's own scope, for the mixed cases (own consultation, someone else's household). */
  home: Partial<Scope>;
  /** Ids that exist but are outside the caller's scope. */
  foreign: Scope;
  /** Ids the caller must never receive in a response (checked on routes without ids). */
  secrets: string[];
}

export interface RightCaller {
  name: RightCallerName;
  kind: 'resident' | 'staff';
  token: string;
}

export interface AuthzWorld {
  wrong: WrongCaller[];
  right: Record<RightCallerName, RightCaller>;
  /** The victim scope: 幸福苑小区 in 光明社区, 和平里街道. */
  victim: Scope;
  /** A household row of the victim compound as a roster line (building, unit, room, floor, area, owner, phone). */
  victimRosterCsv: string;
}

const staffOf = (t: TestApp, username: string) => t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username });

async function bind(t: TestApp, committeeToken: string, householdId: string, openid: string, role: ResidentRole) {
  const invite = await t.http.post(`/api/households/${householdId}/invite-codes`).set(bearer(committeeToken)).send({ role }).expect(201);
  const token = await residentToken(t, openid);
  await t.http.post('/api/me/bindings').set(bearer(token)).send({ inviteCode: invite.body.code }).expect(200);
  const me = await t.http.get('/api/me').set(bearer(token)).expect(200);
  return { token, code: invite.body.code as string, residentId: me.body.resident.id as string };
}

async function consultationsOf(t: TestApp, token: string, compoundId: string): Promise<Array<{ id: string; status: string }>> {
  return (await t.http.get('/api/consultations').query({ compoundId }).set(bearer(token)).expect(200)).body;
}

/** A second street office with one community, compound, unit and two households, and its STREET account. */
async function secondStreetOffice(t: TestApp) {
  const ds = t.dataSource;
  const street = await ds.getRepository(StreetOffice).save({ id: randomUUID(), name: '东风街道办事处（测试）' });
  const community = await ds.getRepository(Community).save({ id: randomUUID(), name: '东风社区（测试）', streetOfficeId: street.id });
  const compound = await ds.getRepository(Compound).save({ id: randomUUID(), name: '东风小区（测试）', address: '东风路1号', communityId: community.id });
  const building = await ds.getRepository(Building).save({ id: randomUUID(), compoundId: compound.id, name: '1号楼' });
  const unit = await ds.getRepository(Unit).save({ id: randomUUID(), compoundId: compound.id, buildingId: building.id, name: '1单元' });
  const rows = ['101', '102'].map((room, i) => ({ id: randomUUID(), compoundId: compound.id, unitId: unit.id, room, floor: 1, label: `1号楼1单元${room}`, areaM2: 60 + i, ownerName: `测试业主${i}`, phone: null }));
  await ds.getRepository(Household).insert(rows);
  await ds.getRepository(StaffAccount).save({
    id: randomUUID(),
    username: 'street2-authz',
    displayName: '东风街道 测试',
    role: StaffRole.Street,
    scopeType: ScopeType.StreetOffice,
    scopeId: street.id,
    passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4),
  });
  const token = await staffToken(t, 'street2-authz');
  const consultation = await openConsultation(t, token, { compoundId: compound.id });
  const committeeAccount = await committeeAccountOf(t, 'committee-authz-dongfeng', community.id);
  const plan = await draftPlanOf(t, compound.id, unit.id);
  return { token, streetOfficeId: street.id, communityId: community.id, compoundId: compound.id, unitId: unit.id, householdId: rows[0].id, consultationId: consultation.id, staffAccountId: committeeAccount.id, draftWorkPlanId: plan.planId };
}

/** A DRAFT work plan of one unit with one window a month ahead, straight in the tables. */
async function draftPlanOf(t: TestApp, compoundId: string, unitId: string, windows = 1) {
  const { plan, windows: rows } = await insertPlan(t.dataSource, {
    compoundId,
    unitIds: [unitId],
    windows: Array.from({ length: windows }, (_, i) => ({ unitId, inDays: 30 + i, capacity: 3 })),
    now: t.clock.now(),
    status: WorkPlanStatus.Draft,
  });
  return { planId: plan.id, windowId: rows[0]?.id };
}

/** A committee account nobody signs in with: the one street staff rename, re-scope and disable in the matrix. */
async function committeeAccountOf(t: TestApp, username: string, communityId: string) {
  return t.dataSource.getRepository(StaffAccount).save({
    id: randomUUID(),
    username,
    displayName: '测试 居委会账号',
    role: StaffRole.Committee,
    scopeType: ScopeType.Community,
    scopeId: communityId,
    passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4),
  });
}

function rosterLine(structure: CompoundStructure, household: Household): string {
  for (const building of structure.buildings) {
    for (const unit of building.units) {
      if (unit.households.some((h) => h.id === household.id)) {
        return `楼栋,单元,房号,楼层,建筑面积,业主姓名,电话\n${building.name},${unit.name},${household.room},${household.floor},${household.areaM2},${household.ownerName},${household.phone ?? ''}\n`;
      }
    }
  }
  throw new Error('household not in structure');
}

/**
 * Builds the victim scope (a plumbing application in 幸福苑小区 with a signed answer, an upgrade
 * quote, a visit, a dead reminder and inbox notices) and one caller per wrong scope.
 */
export async function buildAuthzWorld(t: TestApp): Promise<AuthzWorld> {
  const [committee, committee2, street, contractor] = await Promise.all(['committee-demo', 'committee2-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
  const compounds: Array<{ id: string; name: string }> = (await t.http.get('/api/compounds').set(bearer(street)).expect(200)).body;
  const compoundNamed = (name: string) => compounds.find((c) => c.name === name)!.id;
  const [guangming, xingfu, hongxing] = ['光明里小区', '幸福苑小区', '红星小区'].map(compoundNamed);
  const streetOfficeId = (await staffOf(t, 'street-demo')).scopeId!;
  const guangmingCommunityId = (await staffOf(t, 'committee-demo')).scopeId!;
  const victimAccount = await committeeAccountOf(t, 'committee-authz-victim', guangmingCommunityId);

  // The victim: 幸福苑小区 (光明社区). Not covered by committee2 (红星社区), the second street office, or contractor-demo (光明里小区).
  const xingfuStructure = await structureOf(t, committee, xingfu);
  const xingfuHouseholds = households(xingfuStructure);
  const [hv, hn, ht, hPaper, hNudge, hRemind] = xingfuHouseholds.map((h) => h.id);
  const victimConsultation = await openConsultation(t, committee, { compoundId: xingfu });
  const draft = await t.http
    .post('/api/consultations')
    .set(bearer(committee))
    .send({ compoundId: xingfu, kind: ConsultationKind.General, title: '草稿：楼道照明改造意见', body: '草稿', rule: DecisionRule.CivilCodeOrdinary, groupBy: GroupBy.Compound, opensAt: new Date(t.clock.now().getTime() - 60_000).toISOString(), deadline: new Date(t.clock.now().getTime() + 20 * 86_400_000).toISOString() })
    .expect(201);

  const owner = await bind(t, committee, hv, 'authz-owner-v', ResidentRole.Owner);
  const neighbour = await bind(t, committee, hn, 'authz-neighbour', ResidentRole.Owner);
  const tenant = await bind(t, committee, ht, 'authz-tenant', ResidentRole.Tenant);
  const fresh = await t.http.post(`/api/households/${hv}/invite-codes`).set(bearer(committee)).send({ role: ResidentRole.Owner }).expect(201);

  const answered = await t.http
    .put(`/api/consultations/${victimConsultation.id}/responses/${hv}`)
    .set(bearer(owner.token))
    .send({ answer: Answer.Agree, acknowledgedDisclosureIds: ALL_DISCLOSURES, signaturePng: VICTIM_SIGNATURE, upgradeRequest: '厨房水槽下加装前置过滤器' })
    .expect(200);
  await t.http.put(`/api/consultations/${victimConsultation.id}/upgrades/${hv}/quote`).set(bearer(committee)).send({ amountYuan: 320 }).expect(200);
  await t.http.post(`/api/households/${hv}/visits`).set(bearer(committee)).send({ consultationId: victimConsultation.id, outcome: VisitOutcome.Agreed, note: '已同意，约定施工时间' }).expect(201);
  const nudge = await t.http.post(`/api/households/${hRemind}/nudge`).set(bearer(committee)).send({ consultationId: victimConsultation.id }).expect(201);
  // Dead-lettered, so that the right-scope retry is a real 200.
  await t.dataSource.getRepository(Reminder).update({ id: nudge.body.id }, { status: ReminderStatus.Dead, lastError: 'authz fixture' });

  // A special-needs screening on separate consent with its scan: what the refused screening reads would leak.
  await t.http
    .put(`/api/households/${hv}/screening`)
    .set(bearer(committee))
    .send({ needsCare: true, needs: [NeedCode.ElderlyAlone], note: '独居，子女在外地', legalBasis: LegalBasis.SeparateConsent, consentScanPng: VICTIM_CONSENT_SCAN })
    .expect(200);

  // In-home works in the victim's unit: a published plan the owner has booked, a draft, a spare draft.
  const victimUnitId = xingfuStructure.buildings[0].units[0].id;
  const published = await insertPlan(t.dataSource, { compoundId: xingfu, consultationId: victimConsultation.id, unitIds: [victimUnitId], windows: [{ unitId: victimUnitId, inDays: 30, capacity: 5 }], now: t.clock.now() });
  const draftPlan = await draftPlanOf(t, xingfu, victimUnitId);
  const spareDraft = await draftPlanOf(t, xingfu, victimUnitId, 0);
  await t.http.put(`/api/households/${hv}/booking`).set(bearer(owner.token)).send({ workPlanId: published.plan.id, windowId: published.windows[0].id }).expect(200);
  // Acceptance in that plan: households 7 and 8 of the victim unit are spare (the first six have roles above).
  const acceptance = await buildAcceptanceWorld(t, { committeeToken: committee, ownerToken: owner.token, compoundId: xingfu, workPlanId: published.plan.id, victimHouseholdId: hv, spareHouseholds: [xingfuHouseholds[6].id, xingfuHouseholds[7].id] });

  // Issue 12: publicity, records, boards, complaints and surveys (authz-world-publicity.ts).
  const publicity = await buildPublicityWorld(t, { committeeToken: committee, ownerToken: owner.token, neighbourToken: neighbour.token, compoundId: xingfu, householdId: hv, neighbourHouseholdId: hn, elsewhere: { committeeToken: committee2, compoundId: hongxing, consultationId: (await consultationsOf(t, committee2, hongxing))[0].id } });

  // Checkpoints are otherwise taken on a timer or after a group transition: take one now.
  await t.app.get(CheckpointService).take();
  const latest = await t.http.get('/api/audit/checkpoint').set(bearer(street)).expect(200);

  const committeeAccount = await staffOf(t, 'committee-demo');
  const inbox = t.dataSource.getRepository(InboxMessage);
  const inboxRow = (who: { residentId: string | null; staffId: string | null }, key: string) => ({ id: randomUUID(), ...who, reminderId: nudge.body.id, recipientKey: key, kind: 'MANUAL_NUDGE', title: '请尽快填写', body: '幸福苑小区管线改造申请', consultationId: victimConsultation.id, readAt: null });
  const residentInbox = inboxRow({ residentId: owner.residentId, staffId: null }, `resident:${owner.residentId}`);
  const staffInbox = inboxRow({ residentId: null, staffId: committeeAccount.id }, `staff:${committeeAccount.id}`);
  await inbox.insert([residentInbox, staffInbox]);

  const victim: Scope = {
    streetOfficeId,
    communityId: guangmingCommunityId,
    compoundId: xingfu,
    unitId: xingfuStructure.buildings[0].units[0].id,
    consultationId: victimConsultation.id,
    draftConsultationId: draft.body.id,
    householdId: hv,
    reminderId: nudge.body.id,
    evidenceSha256: answered.body.signatureSha256,
    residentInboxId: residentInbox.id,
    staffInboxId: staffInbox.id,
    usedInviteCode: owner.code,
    paperHouseholdId: hPaper,
    nudgeHouseholdId: hNudge,
    freshInviteCode: fresh.body.code,
    checkpointSeq: String(latest.body.seq),
    staffAccountId: victimAccount.id,
    workPlanId: published.plan.id,
    windowId: published.windows[0].id,
    draftWorkPlanId: draftPlan.planId,
    draftWindowId: draftPlan.windowId,
    spareDraftWorkPlanId: spareDraft.planId,
    acceptancePhotoSha256: acceptance.acceptancePhotoSha256,
    repairId: acceptance.repairId,
    inspectHouseholdId: acceptance.inspectHouseholdId,
    supervisorHouseholdId: acceptance.supervisorHouseholdId,
    ...publicity.victim,
    ...PIPELINE_SLOTS,
  };

  // Home scopes of the wrong callers, for the mixed cases.
  const hongxingHousehold = households(await structureOf(t, committee2, hongxing))[0].id;
  const hongxingConsultation = (await consultationsOf(t, committee2, hongxing))[0].id;
  const guangmingStructure = await structureOf(t, contractor, guangming);
  const guangmingConsultation = (await consultationsOf(t, contractor, guangming))[0].id;
  // Each wrong staff caller's own draft plan, for the mixed cases (own plan, the victim's unit or window).
  const hongxingPlan = await draftPlanOf(t, hongxing, (await structureOf(t, committee2, hongxing)).buildings[0].units[0].id);
  const guangmingPlan = await draftPlanOf(t, guangming, guangmingStructure.buildings[0].units[0].id);
  const second = await secondStreetOffice(t);

  // Residents: the victim household's data, and a consultation they take no part in.
  const residentForeign: Scope = { ...victim, consultationId: hongxingConsultation, ...publicity.residentForeign };
  const residentSecrets = [hv, owner.residentId, residentInbox.id, staffInbox.id, hongxingConsultation];
  const staffSecrets = [xingfu, victimConsultation.id, draft.body.id, hv, staffInbox.id, victimAccount.id, published.plan.id, draftPlan.planId];
  const wrong: WrongCaller[] = [
    { name: 'anonymous', description: 'no token', kind: 'anonymous', token: null, home: {}, foreign: victim, secrets: [] },
    {
      name: 'resident',
      description: 'owner of the neighbouring household in the same consultation',
      kind: 'resident',
      token: neighbour.token,
      home: { consultationId: victimConsultation.id, householdId: hn },
      foreign: residentForeign,
      secrets: residentSecrets,
    },
    {
      name: 'tenant',
      description: 'TENANT of a household in the same (owners-only) consultation',
      kind: 'resident',
      token: tenant.token,
      home: { consultationId: victimConsultation.id, householdId: ht },
      foreign: residentForeign,
      secrets: residentSecrets,
    },
    {
      name: 'committee',
      description: 'committee2-demo (红星社区)',
      kind: 'staff',
      role: StaffRole.Committee,
      token: committee2,
      home: { compoundId: hongxing, consultationId: hongxingConsultation, householdId: hongxingHousehold, draftWorkPlanId: hongxingPlan.planId },
      foreign: victim,
      secrets: [...staffSecrets, guangming, guangmingCommunityId],
    },
    {
      name: 'street',
      description: 'STREET of a second street office (东风街道)',
      kind: 'staff',
      role: StaffRole.Street,
      token: second.token,
      home: {
        streetOfficeId: second.streetOfficeId,
        communityId: second.communityId,
        compoundId: second.compoundId,
        unitId: second.unitId,
        consultationId: second.consultationId,
        householdId: second.householdId,
        staffAccountId: second.staffAccountId,
        draftWorkPlanId: second.draftWorkPlanId,
      },
      foreign: victim,
      secrets: [...staffSecrets, guangming, hongxing, streetOfficeId, guangmingCommunityId],
    },
    {
      name: 'contractor',
      description: 'contractor-demo (光明里小区)',
      kind: 'staff',
      role: StaffRole.Contractor,
      token: contractor,
      home: { compoundId: guangming, consultationId: guangmingConsultation, householdId: households(guangmingStructure)[0].id, draftWorkPlanId: guangmingPlan.planId },
      foreign: victim,
      secrets: [...staffSecrets, hongxing],
    },
  ];

  const victimRow = await t.dataSource.getRepository(Household).findOneByOrFail({ id: hPaper });
  return {
    wrong,
    right: {
      owner: { name: 'owner', kind: 'resident', token: owner.token },
      committee: { name: 'committee', kind: 'staff', token: committee },
      street: { name: 'street', kind: 'staff', token: street },
      contractor: { name: 'contractor', kind: 'staff', token: acceptance.contractorToken },
      supervisor: { name: 'supervisor', kind: 'resident', token: acceptance.supervisorToken },
    },
    victim,
    victimRosterCsv: rosterLine(xingfuStructure, victimRow),
  };
}
