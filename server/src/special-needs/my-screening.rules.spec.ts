import { CONSENT_WITHDRAW_NOTE, LegalBasis, ScreeningStatus, STATUTORY_DUTY_NOTE } from '@linyi/shared';
import { ONLINE_CONSENT_ONLY_NOTE, withdrawalOf } from './my-screening.rules.js';

const record = (status: ScreeningStatus, legalBasis: LegalBasis | null = null) => ({ status, legalBasis });

describe('withdrawalOf', () => {
  it('erases a separate-consent record, and withdraws any standing online consent with it', () => {
    expect(withdrawalOf(record(ScreeningStatus.NeedsCare, LegalBasis.SeparateConsent), 0)).toEqual({ kind: 'WITHDRAW', eraseRecord: true, withdrawConsents: false, note: CONSENT_WITHDRAW_NOTE });
    expect(withdrawalOf(record(ScreeningStatus.NeedsCare, LegalBasis.SeparateConsent), 1)).toMatchObject({ kind: 'WITHDRAW', eraseRecord: true, withdrawConsents: true });
  });

  it('refuses to withdraw a statutory-duty record, saying why', () => {
    expect(withdrawalOf(record(ScreeningStatus.NeedsCare, LegalBasis.StatutoryDuty), 0)).toEqual({ kind: 'REFUSED', code: 'SCREENING_NOT_WITHDRAWABLE', note: STATUTORY_DUTY_NOTE });
  });

  it('still withdraws a standing online consent next to a statutory-duty record, leaving the record', () => {
    const withdrawal = withdrawalOf(record(ScreeningStatus.NeedsCare, LegalBasis.StatutoryDuty), 1);
    expect(withdrawal).toMatchObject({ kind: 'WITHDRAW', eraseRecord: false, withdrawConsents: true });
    expect(withdrawal.note.startsWith(STATUTORY_DUTY_NOTE)).toBe(true);
  });

  it('withdraws an online consent that no record uses yet', () => {
    expect(withdrawalOf(null, 1)).toEqual({ kind: 'WITHDRAW', eraseRecord: false, withdrawConsents: true, note: ONLINE_CONSENT_ONLY_NOTE });
    expect(withdrawalOf(record(ScreeningStatus.NothingNeeded), 1)).toMatchObject({ kind: 'WITHDRAW', eraseRecord: false, withdrawConsents: true });
  });

  it('has nothing to withdraw without a separate-consent record or a standing consent', () => {
    for (const screening of [null, record(ScreeningStatus.NothingNeeded), record(ScreeningStatus.Withdrawn, LegalBasis.SeparateConsent), record(ScreeningStatus.Erased, LegalBasis.StatutoryDuty)]) {
      const withdrawal = withdrawalOf(screening, 0);
      expect(withdrawal).toMatchObject({ kind: 'REFUSED', code: 'NOTHING_TO_WITHDRAW' });
      expect(withdrawal.note).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
