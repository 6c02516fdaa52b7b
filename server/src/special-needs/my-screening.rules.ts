import { CONSENT_WITHDRAW_NOTE, LegalBasis, ScreeningStatus, STATUTORY_DUTY_NOTE } from '@linyi/shared';

/** What a resident's withdrawal does to the household's record and its standing online consents. */
export type Withdrawal =
  | { kind: 'WITHDRAW'; eraseRecord: boolean; withdrawConsents: boolean; note: string }
  | { kind: 'REFUSED'; code: 'SCREENING_NOT_WITHDRAWABLE' | 'NOTHING_TO_WITHDRAW'; note: string };

export const ONLINE_CONSENT_ONLY_NOTE = '您在小程序中给出的单独同意可以随时撤回；撤回后，工作人员不能再以这份同意为依据记录本户情况。';
const STATUTORY_WITH_CONSENT_NOTE = `${STATUTORY_DUTY_NOTE}您在小程序中给出的单独同意仍可撤回，撤回不影响这条记录。`;
const NOTHING_NOTES: Record<ScreeningStatus | 'NONE', string> = {
  NONE: '目前没有关于本户的登记信息，也没有可撤回的同意。',
  [ScreeningStatus.NothingNeeded]: '本户登记为无特殊需要，没有记录健康或身体情况，也没有可撤回的同意。',
  [ScreeningStatus.NeedsCare]: '没有可撤回的同意。',
  [ScreeningStatus.Withdrawn]: '您已撤回同意，已记录的情况和照顾安排已删除，只保留了撤回的记录。',
  [ScreeningStatus.Erased]: '已记录的情况和照顾安排已到期自动删除。',
};

/**
 * The one rule both the page (`canWithdraw`, `withdrawNote`) and DELETE follow (PIPL art. 15, 47):
 * a separate-consent record is erased; a statutory-duty record is not the resident's to withdraw,
 * but a standing online consent always is, whatever the record.
 */
export function withdrawalOf(screening: { status: ScreeningStatus; legalBasis: LegalBasis | null } | null, standingConsents: number): Withdrawal {
  const needsCare = screening?.status === ScreeningStatus.NeedsCare;
  const eraseRecord = needsCare && screening.legalBasis === LegalBasis.SeparateConsent;
  const statutory = needsCare && screening.legalBasis === LegalBasis.StatutoryDuty;
  const withdrawConsents = standingConsents > 0;
  if (eraseRecord) return { kind: 'WITHDRAW', eraseRecord, withdrawConsents, note: CONSENT_WITHDRAW_NOTE };
  if (statutory) {
    return withdrawConsents
      ? { kind: 'WITHDRAW', eraseRecord, withdrawConsents, note: STATUTORY_WITH_CONSENT_NOTE }
      : { kind: 'REFUSED', code: 'SCREENING_NOT_WITHDRAWABLE', note: STATUTORY_DUTY_NOTE };
  }
  if (withdrawConsents) return { kind: 'WITHDRAW', eraseRecord, withdrawConsents, note: ONLINE_CONSENT_ONLY_NOTE };
  return { kind: 'REFUSED', code: 'NOTHING_TO_WITHDRAW', note: NOTHING_NOTES[screening?.status ?? 'NONE'] };
}
