import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { AcceptanceDecision } from '@linyi/shared'
import type { DefectInput, MyWorkPlan, RepairRequest, RepairView } from '@linyi/shared'
import { ApiError, readableError } from '../api'
import {
  acceptMyRepair,
  downloadAcceptancePhoto,
  fetchMyAcceptance,
  fetchMyRepairs,
  fetchMyWarranty,
  openWarrantyPdf,
  reportMyRepair,
  sendMyAcceptance,
  signOffAcceptance,
} from '../api/acceptance-resident'
import {
  ACCEPTED_WORDS,
  REJECTED_WORDS,
  REPAIR_REOPENED_WORDS,
  SIGNED_OFF_WORDS,
  repairAcceptedWords,
  reportedWords,
} from '../acceptance/components/acceptance.rules'
import { useDownloadedImage } from './downloaded-image'
import { useMyWorkPlans } from './my-works'
import { useShownAsync } from './use-async'
import { useSubmission } from './use-submission'

/** A refusal (409) means the page is out of date: read it again, and still show the server's words. */
const isConflict = (error: unknown) => error instanceof ApiError && error.statusCode === 409

/** My households' plans that have reached acceptance (an inspection was recorded), the ones waiting for me first. */
export function useMyAcceptanceChoices() {
  const plans = useMyWorkPlans()
  const waiting = (plan: MyWorkPlan) => (plan.acceptance?.canAccept ? 0 : 1)
  const choices = (plans.data ?? []).filter((plan) => plan.acceptance !== null).sort((a, b) => waiting(a) - waiting(b))
  return { ...plans, choices }
}

/** One household's acceptance of one plan: the results, and accepting, rejecting or (a supervisor) signing off. */
export function useMyAcceptance(householdId: string, workPlanId: string) {
  const loaded = useShownAsync(() => fetchMyAcceptance(householdId, workPlanId))
  const [outcome, setOutcome] = useState<string | null>(null)
  const { reload } = loaded

  const submit = useSubmission(async (send: () => Promise<unknown>, words: string) => {
    setOutcome(null)
    try {
      await send()
    } catch (error) {
      if (isConflict(error)) void reload()
      throw error
    }
    setOutcome(words)
    await reload()
  })

  const accept = useCallback(
    (signaturePng: string) => submit.run(() => sendMyAcceptance(householdId, { workPlanId, decision: AcceptanceDecision.Accept, signaturePng }), ACCEPTED_WORDS),
    [householdId, workPlanId, submit.run],
  )
  const reject = useCallback(
    (defects: DefectInput[], signaturePng: string) =>
      submit.run(() => sendMyAcceptance(householdId, { workPlanId, decision: AcceptanceDecision.Reject, defects, signaturePng }), REJECTED_WORDS),
    [householdId, workPlanId, submit.run],
  )
  const signOff = useCallback(
    (signaturePng: string) => submit.run(() => signOffAcceptance(householdId, { workPlanId, signaturePng }), SIGNED_OFF_WORDS),
    [householdId, workPlanId, submit.run],
  )

  return {
    view: loaded.data,
    loading: loaded.loading,
    error: loaded.error,
    errorStatus: loaded.errorStatus,
    reload,
    outcome,
    submitting: submit.submitting,
    submitError: submit.error,
    accept,
    reject,
    signOff,
  }
}

/** A stored photo of the household's acceptance or repairs, as an <Image> source. */
export const useAcceptancePhoto = (householdId: string, sha256: string) => useDownloadedImage(() => downloadAcceptancePhoto(householdId, sha256))

/** Where on the warranty page a note belongs: 'pdf', 'report', or a repair's id. */
export interface WarrantyNote {
  at: string
  message: string
}

/** The warranty notice (current or an earlier version), my repairs, reporting one, and confirming a repair. */
export function useMyWarranty(householdId: string) {
  const [version, setVersion] = useState<number | null>(null)
  const warranty = useShownAsync(() => fetchMyWarranty(householdId, version ?? undefined))
  const repairs = useShownAsync(() => fetchMyRepairs(householdId))
  const [outcome, setOutcome] = useState<WarrantyNote | null>(null)
  const [problem, setProblem] = useState<WarrantyNote | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const running = useRef(false)
  const first = useRef(true)

  useEffect(() => {
    if (first.current) first.current = false
    else void warranty.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version])

  /** One action at a time: its words on success, the server's on failure, and a fresh read after. */
  const run = useCallback(
    async (at: string, action: () => Promise<string>, reloadAfter: Array<() => Promise<void>>) => {
      if (running.current) return false
      running.current = true
      setBusy(at)
      setOutcome(null)
      setProblem(null)
      try {
        const message = await action()
        setOutcome({ at, message })
        await Promise.all(reloadAfter.map((reload) => reload()))
        return true
      } catch (error) {
        setProblem({ at, message: readableError(error) })
        if (isConflict(error)) await Promise.all(reloadAfter.map((reload) => reload()))
        return false
      } finally {
        running.current = false
        setBusy(null)
      }
    },
    [],
  )

  const report = useCallback(
    (request: RepairRequest) => run('report', async () => reportedWords((await reportMyRepair(householdId, request)).underWarranty), [repairs.reload]),
    [householdId, run, repairs.reload],
  )

  const confirmRepaired = useCallback(
    (repair: RepairView, signaturePng: string) =>
      run(
        repair.id,
        async () => {
          await acceptMyRepair(householdId, repair.id, { decision: AcceptanceDecision.Accept, signaturePng })
          // The restarted warranty is the new current version.
          setVersion(null)
          return repairAcceptedWords(repair)
        },
        [repairs.reload, warranty.reload],
      ),
    [householdId, run, repairs.reload, warranty.reload],
  )

  const reopenRepair = useCallback(
    async (repair: RepairView) => {
      const { confirm } = await Taro.showModal({ title: '还没修好？', content: '确定后，施工单位会再来维修。', confirmText: '还没修好', cancelText: '返回' })
      if (!confirm) return false
      return run(
        repair.id,
        async () => {
          await acceptMyRepair(householdId, repair.id, { decision: AcceptanceDecision.Reject })
          return REPAIR_REOPENED_WORDS
        },
        [repairs.reload],
      )
    },
    [householdId, run, repairs.reload],
  )

  const openPdf = useCallback(
    (pdfVersion: number) =>
      run(
        'pdf',
        async () => {
          const opened = await openWarrantyPdf(householdId, pdfVersion)
          return opened === 'saved' ? '告知书已下载到手机，打开下载的文件即可查看或打印。' : '告知书已打开，可以查看或打印。'
        },
        [],
      ),
    [householdId, run],
  )

  return {
    warranty: warranty.data,
    warrantyLoading: warranty.loading,
    warrantyError: warranty.error,
    warrantyErrorStatus: warranty.errorStatus,
    reloadWarranty: warranty.reload,
    /** null: the current notice. */
    version,
    showVersion: setVersion,
    repairs: repairs.data,
    repairsError: repairs.error,
    reloadRepairs: repairs.reload,
    outcome,
    problem,
    busy,
    report,
    confirmRepaired,
    reopenRepair,
    openPdf,
  }
}
