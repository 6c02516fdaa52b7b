import {
  NEED_LABELS,
  assistanceNoteProblem,
  CONSENT_WITHDRAW_NOTE,
  LegalBasis,
  ONLINE_CONSENT_ONLY_NOTE,
  SCREENING_CONSENT_VERSION,
  STATUTORY_DUTY_NOTE,
  ScreeningStatus,
  screeningConsentText,
  screeningConsentVersion,
  screeningWithdrawal,
} from './screening.js';

const record = (status: ScreeningStatus, legalBasis: LegalBasis | null = null) => ({ status, legalBasis });

describe('the online consent text', () => {
  it('states the retention the server applies, in four paragraphs', () => {
    const text = screeningConsentText({ afterAcceptanceDays: 60, maxAgeDays: 200 });
    expect(text.split('\n')).toHaveLength(4);
    expect(text).toContain('施工验收后 60 天，或登记满 200 天仍没有施工安排时，这些信息会自动删除。');
    expect(text).not.toContain('90');
  });

  it('names the wording and the retention in its version, so a change of either asks for consent again', () => {
    expect(screeningConsentVersion({ afterAcceptanceDays: 90, maxAgeDays: 365 })).toBe(`${SCREENING_CONSENT_VERSION}/90d/365d`);
    expect(screeningConsentVersion({ afterAcceptanceDays: 60, maxAgeDays: 365 })).not.toBe(screeningConsentVersion({ afterAcceptanceDays: 90, maxAgeDays: 365 }));
    expect(screeningConsentVersion({ afterAcceptanceDays: 90, maxAgeDays: 365 })).not.toBe(SCREENING_CONSENT_VERSION);
  });
});

describe('screeningWithdrawal', () => {
  it('erases a separate-consent record, and withdraws any standing online consent with it', () => {
    expect(screeningWithdrawal(record(ScreeningStatus.NeedsCare, LegalBasis.SeparateConsent), 0)).toEqual({ kind: 'WITHDRAW', effect: 'ERASE', withdrawConsents: false, note: CONSENT_WITHDRAW_NOTE });
    expect(screeningWithdrawal(record(ScreeningStatus.NeedsCare, LegalBasis.SeparateConsent), 1)).toMatchObject({ kind: 'WITHDRAW', effect: 'ERASE', withdrawConsents: true });
  });

  it('refuses to withdraw a statutory-duty record, saying why', () => {
    expect(screeningWithdrawal(record(ScreeningStatus.NeedsCare, LegalBasis.StatutoryDuty), 0)).toEqual({ kind: 'REFUSED', code: 'SCREENING_NOT_WITHDRAWABLE', note: STATUTORY_DUTY_NOTE });
  });

  it('still withdraws a standing online consent next to a statutory-duty record, leaving the record', () => {
    const withdrawal = screeningWithdrawal(record(ScreeningStatus.NeedsCare, LegalBasis.StatutoryDuty), 1);
    expect(withdrawal).toMatchObject({ kind: 'WITHDRAW', effect: 'CONSENT_ONLY', withdrawConsents: true });
    expect(withdrawal.note.startsWith(STATUTORY_DUTY_NOTE)).toBe(true);
  });

  it('withdraws an online consent that no record uses yet', () => {
    expect(screeningWithdrawal(null, 1)).toEqual({ kind: 'WITHDRAW', effect: 'CONSENT_ONLY', withdrawConsents: true, note: ONLINE_CONSENT_ONLY_NOTE });
    expect(screeningWithdrawal(record(ScreeningStatus.NothingNeeded), 1)).toMatchObject({ kind: 'WITHDRAW', effect: 'CONSENT_ONLY', withdrawConsents: true });
    expect(screeningWithdrawal(record(ScreeningStatus.Withdrawn, LegalBasis.SeparateConsent), 1)).toMatchObject({ kind: 'WITHDRAW', effect: 'CONSENT_ONLY' });
  });

  it('has nothing to withdraw without a separate-consent record or a standing consent', () => {
    for (const screening of [null, record(ScreeningStatus.NothingNeeded), record(ScreeningStatus.Withdrawn, LegalBasis.SeparateConsent), record(ScreeningStatus.Erased, LegalBasis.StatutoryDuty)]) {
      const withdrawal = screeningWithdrawal(screening, 0);
      expect(withdrawal).toMatchObject({ kind: 'REFUSED', code: 'NOTHING_TO_WITHDRAW' });
      expect(withdrawal.note).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('the crew’s one line (assistanceNoteProblem)', () => {
  const named = (note: string) => /（含“(.+)”）$/.exec(assistanceNoteProblem(note) ?? '')?.[1] ?? null;

  it('refuses health details and the needs themselves, naming the longest word found', () => {
    expect(named('老人坐轮椅，施工时要有人在')).toBe('坐轮椅');
    expect(named('老人耳背，敲门要大声')).toBe('耳背');
    expect(named('长期卧床，进门前先打招呼')).toBe('长期卧床');
    expect(named('行动不便，请慢一点')).toBe('行动不便');
    expect(named('视力不好，地上别放东西')).toBe('视力');
    expect(named('老人有心脏病，别吓着他')).toBe('心脏病');
    expect(named('有糖尿病，要按时吃饭')).toBe('糖尿病');
    expect(named('高血压，别太吵')).toBe('高血压');
    expect(named('腿脚不好，帮忙开门')).toBe('腿脚');
    expect(named('助听器常不戴，敲门听不见')).toBe('助听器');
    for (const label of Object.values(NEED_LABELS)) expect([label, named(`${label}，请先打电话`)]).toEqual([label, label]);
  });

  it('allows what to do, the wheelchair to move (DOMAIN.md) and the accessible toilet included', () => {
    for (const note of ['施工前一天先给女儿打电话，请她到场', '停水前两小时通知，送两桶饮用水上门', '中午12点到2点不施工，开工前一天提醒家里储水', '施工时帮忙把轮椅挪到门外', '带老人去附近的无障碍卫生间']) {
      expect([note, assistanceNoteProblem(note)]).toEqual([note, null]);
    }
  });
});
