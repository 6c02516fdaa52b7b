/**
 * Special-needs screening and care plans (API.md "Special needs and care plans"). Health and
 * disability are sensitive personal information (PIPL art. 28): these shapes travel only to
 * committee and street staff, and to a bound resident about their own household.
 */

export enum NeedCode {
  ElderlyAlone = 'ELDERLY_ALONE',
  Mobility = 'MOBILITY',
  Bedridden = 'BEDRIDDEN',
  Vision = 'VISION',
  Hearing = 'HEARING',
  Cognitive = 'COGNITIVE',
  MedicalWater = 'MEDICAL_WATER',
  Infant = 'INFANT',
  Other = 'OTHER',
}

export const NEED_LABELS: Record<NeedCode, string> = {
  [NeedCode.ElderlyAlone]: '独居老人',
  [NeedCode.Mobility]: '行动不便',
  [NeedCode.Bedridden]: '长期卧床',
  [NeedCode.Vision]: '视力障碍',
  [NeedCode.Hearing]: '听力障碍',
  [NeedCode.Cognitive]: '认知障碍',
  [NeedCode.MedicalWater]: '因治疗需要持续用水',
  [NeedCode.Infant]: '家有婴幼儿',
  [NeedCode.Other]: '其他困难',
};

/** Why the screening may hold sensitive details at all (PIPL art. 29 and art. 13(3)). */
export enum LegalBasis {
  /** The resident's separate consent: a signed consent form scanned, or given online by the resident. */
  SeparateConsent = 'SEPARATE_CONSENT',
  /** The screening the street office and the committee carry out as their duty before the works. */
  StatutoryDuty = 'STATUTORY_DUTY',
}

export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  [LegalBasis.SeparateConsent]: '居民单独同意',
  [LegalBasis.StatutoryDuty]: '街道、居委会履行法定职责（施工前摸排）',
};

export enum MeasureKind {
  TemporaryStay = 'TEMPORARY_STAY',
  Helper = 'HELPER',
  WaterDelivery = 'WATER_DELIVERY',
  PriorityWindow = 'PRIORITY_WINDOW',
  AccessibleToilet = 'ACCESSIBLE_TOILET',
  Other = 'OTHER',
}

export const MEASURE_LABELS: Record<MeasureKind, string> = {
  [MeasureKind.TemporaryStay]: '施工期间临时到别处居住',
  [MeasureKind.Helper]: '施工当天有人陪同协助',
  [MeasureKind.WaterDelivery]: '停水期间送水上门',
  [MeasureKind.PriorityWindow]: '优先安排施工时段',
  [MeasureKind.AccessibleToilet]: '安排附近无障碍卫生间',
  [MeasureKind.Other]: '其他安排',
};

/**
 * Where a household stands. `WITHDRAWN`: the resident withdrew consent, details erased (counts as
 * screened: the resident chose). `ERASED`: details erased by retention (screen again before works).
 */
export enum ScreeningStatus {
  NothingNeeded = 'NOTHING_NEEDED',
  NeedsCare = 'NEEDS_CARE',
  Withdrawn = 'WITHDRAWN',
  Erased = 'ERASED',
}

export const SCREENING_STATUS_LABELS: Record<ScreeningStatus | 'NOT_SCREENED', string> = {
  NOT_SCREENED: '未摸排',
  [ScreeningStatus.NothingNeeded]: '已摸排，无特殊需要',
  [ScreeningStatus.NeedsCare]: '需要照顾',
  [ScreeningStatus.Withdrawn]: '居民已撤回同意，信息已删除',
  [ScreeningStatus.Erased]: '信息已到期删除，需重新摸排',
};

/** Readiness for in-home works: the works issue refuses to publish a unit with a household not `READY`. */
export type HouseholdReadiness = 'READY' | 'NOT_SCREENED' | 'NEEDS_PLAN';

export const NOTE_MAX = 200;
export const MEASURES_MAX = 6;
export const MEASURE_DESCRIPTION_MAX = 100;
export const ASSISTANCE_NOTE_MAX = 60;
export const CONTACT_NAME_MAX = 30;

/** PUT /api/households/{householdId}/screening */
export interface ScreeningRequest {
  needsCare: boolean;
  needs?: NeedCode[];
  note?: string;
  legalBasis?: LegalBasis;
  /** The signed consent form (PNG or JPEG, base64 or data URL); with SEPARATE_CONSENT, unless the resident consented online. */
  consentScanPng?: string;
}

/** The written separate consent: either the scan staff uploaded, or the resident's own tap online. */
export interface ConsentEvidence {
  kind: 'SCAN' | 'ONLINE';
  /** SHA-256 of the scan, or of the consent text the resident agreed to. */
  sha256: string;
  givenAt: string;
  /** ONLINE only: the consent text's version. */
  textVersion?: string;
  /** Whether the scan's bytes are still kept (they are erased with the details). */
  scanAvailable?: boolean;
}

export interface CarePlanMeasure {
  kind: MeasureKind;
  description: string;
}

/** PUT /api/households/{householdId}/care-plan */
export interface CarePlanRequest {
  measures: CarePlanMeasure[];
  contactName?: string | null;
  contactPhone?: string | null;
  /** The one line a work crew may see: what to do, never the diagnosis. */
  assistanceNote: string;
}

export interface CarePlanView extends CarePlanRequest {
  householdId: string;
  updatedAt: string;
  updatedByName: string;
}

/** PUT/GET /api/households/{householdId}/screening (staff): the record with its care plan. */
export interface ScreeningView {
  householdId: string;
  label: string;
  status: ScreeningStatus | null;
  needsCare: boolean;
  needs: NeedCode[];
  note: string | null;
  legalBasis: LegalBasis | null;
  consent: ConsentEvidence | null;
  screenedAt: string | null;
  screenedByName: string | null;
  withdrawnAt: string | null;
  erasedAt: string | null;
  readiness: HouseholdReadiness;
  carePlan: CarePlanView | null;
  /** The resident consented online and has not withdrawn: SEPARATE_CONSENT needs no scan. */
  onlineConsentAvailable: boolean;
  /** When the household's standing online consent was given (null without one), even before any screening exists. */
  onlineConsentGivenAt: string | null;
}

/** GET /api/compounds/{compoundId}/screening: counts per unit, no personal details. */
export interface UnitScreeningSummary {
  unitId: string;
  label: string;
  households: number;
  screened: number;
  needsCare: number;
  withCarePlan: number;
}

/** GET /api/units/{unitId}/screening: the unit's households and where each stands (logged). */
export interface UnitScreeningHousehold {
  householdId: string;
  label: string;
  room: string;
  floor: number;
  status: ScreeningStatus | null;
  readiness: HouseholdReadiness;
  withCarePlan: boolean;
  screenedAt: string | null;
}

export interface UnitScreeningList extends UnitScreeningSummary {
  compoundId: string;
  items: UnitScreeningHousehold[];
}

export enum SensitiveAccessAction {
  ViewScreening = 'VIEW_SCREENING',
  ListUnit = 'LIST_UNIT',
  Export = 'EXPORT',
  ViewConsentScan = 'VIEW_CONSENT_SCAN',
  /** The crew's list of a works plan, which carries the care plans' one line for the crew. */
  CrewList = 'CREW_LIST',
}

export const SENSITIVE_ACCESS_LABELS: Record<SensitiveAccessAction, string> = {
  [SensitiveAccessAction.ViewScreening]: '查看一户的摸排记录',
  [SensitiveAccessAction.ListUnit]: '查看单元摸排名单',
  [SensitiveAccessAction.Export]: '导出小区摸排表',
  [SensitiveAccessAction.ViewConsentScan]: '查看同意书扫描件',
  [SensitiveAccessAction.CrewList]: '查看入户名单中的照顾说明',
};

/**
 * GET /api/street-offices/{streetOfficeId}/sensitive-access-log → SensitiveAccessEntry[], newest first.
 * The next (older) page: `?before=<at>_<id>` of the last entry; a page shorter than `limit` is the last.
 */
export interface SensitiveAccessEntry {
  id: string;
  at: string;
  staffId: string;
  staffName: string;
  householdId: string | null;
  /** What was read, starting with the compound's name: "光明里小区 1号楼1单元101", "光明里小区 1号楼1单元", "光明里小区". */
  subject: string;
  compoundId: string;
  unitId: string | null;
  action: SensitiveAccessAction;
}

/** GET /api/me/households/{householdId}/screening: what is recorded about the resident's own household. */
export interface MyScreeningView {
  householdId: string;
  label: string;
  status: ScreeningStatus | null;
  needs: NeedCode[];
  note: string | null;
  legalBasis: LegalBasis | null;
  consent: ConsentEvidence | null;
  screenedAt: string | null;
  withdrawnAt: string | null;
  erasedAt: string | null;
  carePlan: Pick<CarePlanView, 'measures' | 'contactName' | 'contactPhone' | 'assistanceNote' | 'updatedAt'> | null;
  /** What DELETE would do now (`screeningWithdrawal`): erase the record, end the online consent only, or nothing (409). */
  withdrawal: ScreeningWithdrawalEffect | null;
  /**
   * Whether a bound member may withdraw now: `withdrawal !== null`. False for a statutory-duty record
   * without a standing online consent, and `withdrawNote` says why.
   */
  canWithdraw: boolean;
  withdrawNote: string;
  /**
   * The household's standing online consent (given by any bound member, not withdrawn). Withdrawing
   * it next to a statutory-duty record ends the consent only; the record stays.
   */
  onlineConsentGivenAt: string | null;
  /** The consent text the server will bind a consent to (it states the configured retention), and its version to send back. */
  consentText: string;
  consentTextVersion: string;
  /** How many times staff read the record, and the latest read (PIPL art. 45: the resident may know). */
  reads: number;
  lastReadAt: string | null;
}

/** POST /api/me/households/{householdId}/screening/consent */
export interface ScreeningConsentRequest {
  agreed: true;
  textVersion: string;
}

/** How long the server keeps the details (server config `screeningRetention`); the consent text states it. */
export interface ScreeningRetentionTerms {
  /** Days after the unit's works were accepted. */
  afterAcceptanceDays: number;
  /** Days a screening is kept while its unit has no works planned. */
  maxAgeDays: number;
}

/** The version of the consent wording; `screeningConsentVersion` adds the retention it states. */
export const SCREENING_CONSENT_VERSION = '2026-12-v1';

/** The separate consent a resident gives online: its own page, its own tap, its own text (PIPL art. 29), with the retention the server applies. */
export function screeningConsentText({ afterAcceptanceDays, maxAgeDays }: ScreeningRetentionTerms): string {
  return [
    '为做好老旧小区入户施工期间的照顾安排，社区居委会和街道办事处需要了解本户是否有老人独居、行动不便、长期卧床、视力或听力障碍、认知障碍、因治疗需要持续用水、家有婴幼儿等情况。',
    '这些信息中的健康和残障情况属于敏感个人信息。您同意后，居委会和街道工作人员可以记录这些情况，仅用于制定施工期间的照顾方案；施工队只会看到“需要怎么帮忙”的一句提示，看不到具体情况。',
    `每次工作人员查看都会被记录。施工验收后 ${afterAcceptanceDays} 天，或登记满 ${maxAgeDays} 天仍没有施工安排时，这些信息会自动删除。`,
    '您可以随时在“我家的登记信息”中撤回同意，撤回后已记录的情况和照顾安排会被删除，只保留撤回的记录。不同意不影响您参加征询和表决。',
  ].join('\n');
}

/** The version a consent must name: the wording and the retention it states, so a change of either asks again. */
export function screeningConsentVersion({ afterAcceptanceDays, maxAgeDays }: ScreeningRetentionTerms): string {
  return `${SCREENING_CONSENT_VERSION}/${afterAcceptanceDays}d/${maxAgeDays}d`;
}

/** The resident may not withdraw a statutory-duty record: this is what the page says instead. */
export const STATUTORY_DUTY_NOTE = '这条记录是街道和居委会在施工前履行摸排职责所做的（《个人信息保护法》第十三条第一款第三项），不需要您的同意，也不能由您撤回。如有疑问或需要更正，请联系居委会。';
export const CONSENT_WITHDRAW_NOTE = '这条记录基于您的单独同意。您可以撤回同意，撤回后已记录的情况和照顾安排会被删除，只保留撤回的记录。';
export const ONLINE_CONSENT_ONLY_NOTE = '您在小程序中给出的单独同意可以随时撤回；撤回后，工作人员不能再以这份同意为依据记录本户情况。';
const STATUTORY_WITH_CONSENT_NOTE = `${STATUTORY_DUTY_NOTE}您在小程序中给出的单独同意仍可撤回，撤回不影响这条记录。`;
const NOTHING_TO_WITHDRAW_NOTES: Record<ScreeningStatus | 'NONE', string> = {
  NONE: '目前没有关于本户的登记信息，也没有可撤回的同意。',
  [ScreeningStatus.NothingNeeded]: '本户登记为无特殊需要，没有记录健康或身体情况，也没有可撤回的同意。',
  [ScreeningStatus.NeedsCare]: '没有可撤回的同意。',
  [ScreeningStatus.Withdrawn]: '您已撤回同意，已记录的情况和照顾安排已删除，只保留了撤回的记录。',
  [ScreeningStatus.Erased]: '已记录的情况和照顾安排已到期自动删除。',
};

/** What a resident's withdrawal does: erase the record (and end any online consent), or end the online consent only. */
export type ScreeningWithdrawalEffect = 'ERASE' | 'CONSENT_ONLY';

export type ScreeningWithdrawal =
  | { kind: 'WITHDRAW'; effect: ScreeningWithdrawalEffect; withdrawConsents: boolean; note: string }
  | { kind: 'REFUSED'; code: 'SCREENING_NOT_WITHDRAWABLE' | 'NOTHING_TO_WITHDRAW'; note: string };

/**
 * The one rule the resident's page (`withdrawal`, `canWithdraw`, `withdrawNote`) and DELETE follow
 * (PIPL art. 15, 47): a separate-consent record is erased; a statutory-duty record is not the
 * resident's to withdraw, but a standing online consent of the household always is, whatever the record.
 */
export function screeningWithdrawal(screening: { status: ScreeningStatus; legalBasis: LegalBasis | null } | null, standingConsents: number): ScreeningWithdrawal {
  const needsCare = screening?.status === ScreeningStatus.NeedsCare;
  const withdrawConsents = standingConsents > 0;
  if (needsCare && screening.legalBasis === LegalBasis.SeparateConsent) return { kind: 'WITHDRAW', effect: 'ERASE', withdrawConsents, note: CONSENT_WITHDRAW_NOTE };
  if (needsCare && screening.legalBasis === LegalBasis.StatutoryDuty) {
    return withdrawConsents
      ? { kind: 'WITHDRAW', effect: 'CONSENT_ONLY', withdrawConsents, note: STATUTORY_WITH_CONSENT_NOTE }
      : { kind: 'REFUSED', code: 'SCREENING_NOT_WITHDRAWABLE', note: STATUTORY_DUTY_NOTE };
  }
  if (withdrawConsents) return { kind: 'WITHDRAW', effect: 'CONSENT_ONLY', withdrawConsents, note: ONLINE_CONSENT_ONLY_NOTE };
  return { kind: 'REFUSED', code: 'NOTHING_TO_WITHDRAW', note: NOTHING_TO_WITHDRAW_NOTES[screening?.status ?? 'NONE'] };
}

/**
 * Words of a diagnosis or a bodily condition that must not reach the crew: the crew's note says what
 * to do, not why. Every need label is one (the crew must not learn the need either). 轮椅 on its own
 * stays allowed: "help move the wheelchair" is DOMAIN.md's own example of what to do; 坐轮椅 says
 * what the person is like, and is refused.
 */
const DIAGNOSIS_WORDS: readonly string[] = [
  ...Object.values(NEED_LABELS),
  '透析', '肾', '癌', '肿瘤', '病', '心脏', '心脏病', '糖尿', '血压', '高血压', '中风', '哮喘', '骨折', '化疗', '手术', '诊断', '治疗', '住院', '吸氧',
  '独居', '残疾', '残障', '残', '瘫', '障碍', '卧床', '行动不便', '腿脚', '坐轮椅', '拄拐',
  '视力', '失明', '盲人', '看不见', '看不清', '听力', '聋', '耳背', '听不见', '助听器',
  '认知', '痴呆', '失智', '阿尔茨海默', '失忆', '抑郁', '精神',
];
/** Accessibility words that contain a diagnosis word but describe an arrangement, not a person. */
const ALLOWED_PHRASES = ['无障碍'];

/** The longest run of diagnosis words in the text (“心脏病”, not “病”), or null. */
function diagnosisWordIn(text: string): string | null {
  let searched = text;
  for (const phrase of ALLOWED_PHRASES) searched = searched.split(phrase).join('\u0000'.repeat(phrase.length));
  const covered = new Array<boolean>(searched.length).fill(false);
  for (const word of DIAGNOSIS_WORDS) {
    for (let at = searched.indexOf(word); at !== -1; at = searched.indexOf(word, at + 1)) covered.fill(true, at, at + word.length);
  }
  let longest = '';
  for (let start = 0; start < covered.length; start += 1) {
    if (!covered[start] || (start > 0 && covered[start - 1])) continue;
    let end = start;
    while (end < covered.length && covered[end]) end += 1;
    if (end - start > longest.length) longest = text.slice(start, end);
  }
  return longest || null;
}

/** Why an assistance note cannot go to the crew, or null. */
export function assistanceNoteProblem(note: string): string | null {
  const text = note.trim();
  if (!text) return '请填写给施工队的一句提示（例如：施工前一天先给女儿打电话）';
  if ([...text].length > ASSISTANCE_NOTE_MAX) return `给施工队的提示最多 ${ASSISTANCE_NOTE_MAX} 个字`;
  const word = diagnosisWordIn(text);
  return word ? `给施工队的提示只写需要怎么帮忙，不要写病情或身体状况（含“${word}”）` : null;
}

/** Whether the household is ready for in-home works, from its screening and whether it has a care plan. */
export function householdReadiness(status: ScreeningStatus | null, hasCarePlan: boolean): HouseholdReadiness {
  if (status === null || status === ScreeningStatus.Erased) return 'NOT_SCREENED';
  if (status === ScreeningStatus.NeedsCare && !hasCarePlan) return 'NEEDS_PLAN';
  return 'READY';
}
