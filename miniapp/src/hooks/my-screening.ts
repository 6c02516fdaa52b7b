import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { MyScreeningView, ScreeningWithdrawalEffect } from '@linyi/shared'
import { ApiError } from '../api'
import { fetchMyScreening, giveScreeningConsent, withdrawScreening } from '../api/my-screening'
import { WITHDRAWN_WORDS, WITHDRAW_CONFIRMATION } from '../household/screening.rules'
import { useAsync } from './use-async'
import { useSubmission } from './use-submission'

const CONSENTED_WORDS = '已同意。居委会工作人员可以据此登记您家的情况，用于施工期间的照顾安排。'

/** The resident's own screening record, and the two things they can do with it: consent, withdraw. */
export function useMyScreening(householdId: string) {
  const loaded = useAsync(() => fetchMyScreening(householdId))
  // The server answers both actions with the new view: show it, and say what just happened, without another read.
  const [changed, setChanged] = useState<{ view: MyScreeningView; outcome: string } | null>(null)
  const view = changed?.view ?? loaded.data

  const reload = useCallback(async () => {
    setChanged(null)
    await loaded.reload()
  }, [loaded.reload])

  // Consent to the version of the very text shown; when the server's text changed meanwhile, show the new one.
  const consent = useSubmission(async (shown: MyScreeningView) => {
    try {
      setChanged({ view: await giveScreeningConsent(householdId, shown.consentTextVersion), outcome: CONSENTED_WORDS })
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONSENT_TEXT_OUTDATED') void reload()
      throw e
    }
  })
  const withdrawal = useSubmission(async (effect: ScreeningWithdrawalEffect) => {
    setChanged({ view: await withdrawScreening(householdId), outcome: WITHDRAWN_WORDS[effect] })
  })

  const withdraw = useCallback(async () => {
    const effect = view?.withdrawal
    if (!effect) return false
    // Erasing cannot be undone: one stray tap must not do it.
    const { confirm } = await Taro.showModal({ ...WITHDRAW_CONFIRMATION[effect], confirmText: '确认撤回', cancelText: '不撤回', confirmColor: '#8a0012' })
    if (!confirm) return false
    return withdrawal.run(effect)
  }, [view, withdrawal.run])

  return {
    view,
    /** What the resident just did, in words; null until they act. */
    outcome: changed?.outcome ?? null,
    loading: loaded.loading,
    error: loaded.error,
    errorStatus: loaded.errorStatus,
    reload,
    consent: { run: consent.run, submitting: consent.submitting, error: consent.error },
    withdraw: { run: withdraw, submitting: withdrawal.submitting, error: withdrawal.error },
  }
}
