import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { Answer, ConsultationView, GroupView, MyConsultation, SubmitResponseRequest, SubmitResponseResult } from '@linyi/shared'
import { fetchConsultation, fetchMyConsultations, readableError, submitResponse } from '../api'
import { replaceQuestion, replacesAnswer } from '../lib/consultation-text'
import { useAsync } from './use-async'

/** My households' open consultations, refreshed whenever the page shows again. */
export function useMyConsultations() {
  const state = useAsync(fetchMyConsultations, { immediate: false })
  useDidShow(() => {
    void state.reload()
  })
  return state
}

/** What the receipt shows: from the server's answer to a submission, or from my consultation list. */
export interface Receipt {
  answer: Answer
  optionId: string | null
  answeredAt: string
  /** Null when the list entry does not carry it (only a fresh submission surely does). */
  evidenceSha256: string | null
  group: GroupView
}

/** MyConsultation may carry the evidence hash of the current answer (not in the shared type yet). */
type MyConsultationWithEvidence = MyConsultation & { evidenceSha256?: string | null }

function receiptOf(mine: MyConsultationWithEvidence): Receipt | null {
  if (!mine.answer || !mine.answeredAt) return null
  return { answer: mine.answer, optionId: mine.optionId, answeredAt: mine.answeredAt, evidenceSha256: mine.evidenceSha256 ?? null, group: mine.group }
}

const receiptFromResult = (result: SubmitResponseResult): Receipt => ({
  answer: result.answer,
  optionId: result.optionId ?? null,
  answeredAt: result.answeredAt,
  evidenceSha256: result.evidenceSha256,
  group: result.group,
})

export interface AnswerContext {
  consultation: ConsultationView
  /** My household's entry; null when the consultation is no longer open to me. */
  mine: MyConsultation | null
}

async function loadAnswerContext(consultationId: string, householdId: string): Promise<AnswerContext> {
  const [consultation, all] = await Promise.all([fetchConsultation(consultationId), fetchMyConsultations()])
  const mine =
    all.find((entry) => entry.consultation.id === consultationId && (!householdId || entry.householdId === householdId)) ?? null
  return { consultation, mine }
}

/** One household answering one consultation: the form, the submission and the receipt. */
export function useConsultationAnswer(consultationId: string, householdId: string) {
  const context = useAsync(() => loadAnswerContext(consultationId, householdId))
  const [submitted, setSubmitted] = useState<Receipt | null>(null)
  const [editing, setEditing] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const mine = context.data?.mine ?? null
  const answeringFor = mine?.householdId ?? householdId
  const receipt = submitted ?? (mine ? receiptOf(mine) : null)

  const consultation = context.data?.consultation ?? null
  const submit = useCallback(
    async (request: SubmitResponseRequest) => {
      // One stray tap (e.g. on 弃权) must not silently replace a vote already given.
      if (consultation && receipt && replacesAnswer(receipt, request)) {
        const { confirm } = await Taro.showModal({
          title: '修改已提交的意见？',
          content: replaceQuestion(consultation, receipt, request),
          confirmText: '确认修改',
          cancelText: '不修改',
        })
        if (!confirm) return false
      }
      setSubmitting(true)
      setError(null)
      try {
        const result = await submitResponse(consultationId, answeringFor, request)
        setSubmitted(receiptFromResult(result))
        setEditing(false)
        return true
      } catch (e) {
        setError(readableError(e))
        return false
      } finally {
        setSubmitting(false)
      }
    },
    [consultationId, answeringFor, consultation, receipt],
  )

  const edit = useCallback(() => {
    setEditing(true)
    setError(null)
  }, [])

  return {
    context,
    /** The household answering: the link's, or the one my consultation list found. */
    householdId: answeringFor,
    receipt,
    mode: editing || !receipt ? ('form' as const) : ('receipt' as const),
    /** The receipt is for an answer given just now (not one found from an earlier visit). */
    justAnswered: submitted !== null && !editing,
    submit,
    submitting,
    error,
    edit,
  }
}
