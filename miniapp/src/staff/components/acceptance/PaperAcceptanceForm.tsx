import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AcceptanceDecision } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { usePaperAcceptance } from '../../../hooks/acceptance-staff'
import { usePaperScan } from '../../../hooks/use-paper-scan'
import { PaperConfirm, PaperPhoto } from '../PaperFormParts'
import { DefectsEditor, emptyDefect } from './DefectsEditor'
import { defectsOf, paperProblem, type DefectDraft } from './acceptance-staff.rules'

interface Props {
  workPlanId: string
  household: { householdId: string; label: string }
  onSaved: (message: string) => void
  onCancel: () => void
  /** Refused (e.g. accepted online meanwhile): the list is read again, the form keeps the server's words. */
  onRefused: () => void
}

const DECISION_TEXT: Record<AcceptanceDecision, string> = {
  [AcceptanceDecision.Accept]: '验收合格',
  [AcceptanceDecision.Reject]: '不合格，需整改',
}

/**
 * A resident's signed paper acceptance form, entered by the committee with its photo, only after a
 * confirmation; the server refuses (409) once the household has accepted, online or on paper.
 */
export function PaperAcceptanceForm({ workPlanId, household, onSaved, onCancel, onRefused }: Props) {
  const [decision, setDecision] = useState<AcceptanceDecision | null>(null)
  const [defects, setDefects] = useState<DefectDraft[]>([emptyDefect()])
  const [confirming, setConfirming] = useState(false)
  const save = usePaperAcceptance(household.householdId)
  const canvasId = `acceptance-scan-${household.householdId}`
  const paper = usePaperScan(canvasId)
  const { scan } = paper
  const problem = paperProblem(decision, defects, scan)

  const submit = async () => {
    if (!decision || !scan || problem) return
    if (await save.run({ workPlanId, decision, defects: defectsOf(decision, defects), paperScanPng: scan })) onSaved(`已录入纸质验收单：${DECISION_TEXT[decision]}`)
    else {
      setConfirming(false)
      onRefused()
    }
  }
  const choose = (next: AcceptanceDecision) => {
    setDecision(next)
    setConfirming(false)
  }

  return (
    <View className='staff-acc-paper paper-form' role='group' aria-label={`为${household.label}录入纸质验收单`}>
      <Text className='text-body'>请对照 {household.label} 居民签字的纸质验收单，选择表上的结论；不合格的，照表抄录每个问题。再拍摄整张验收单，签名和日期要清楚。</Text>
      <Text className='field-label'>表上的结论</Text>
      <View className='paper-choices'>
        {[AcceptanceDecision.Accept, AcceptanceDecision.Reject].map((option) => (
          <BigButton
            key={option}
            variant={decision === option ? 'primary' : 'secondary'}
            className={`paper-choice staff-acc-paper-choice staff-acc-paper-choice--${option.toLowerCase()}`}
            onClick={() => choose(option)}
          >
            {decision === option ? `✓ ${DECISION_TEXT[option]}` : DECISION_TEXT[option]}
          </BigButton>
        ))}
      </View>
      {decision === AcceptanceDecision.Reject ? <DefectsEditor defects={defects} onChange={setDefects} idPrefix={`defect-photo-${household.householdId}`} /> : null}
      <PaperPhoto
        paper={paper}
        canvasId={canvasId}
        className='staff-acc-paper-photo'
        alt='纸质验收单照片'
        takeText='拍照或选择验收单照片'
        retakeText='重新拍摄验收单'
      />
      <ErrorNotice message={paper.error ?? save.error} className='staff-acc-paper-error' />
      <PaperConfirm
        prefix='staff-acc-paper'
        question={confirming && decision ? `确认录入：${household.label} 的纸质验收结论为「${DECISION_TEXT[decision]}」？录入后不能更改，验收单照片一并存证。` : null}
        submitText={problem ?? `录入：${DECISION_TEXT[decision!]}`}
        ready={problem === null}
        submitting={save.submitting}
        onConfirming={setConfirming}
        onConfirm={() => void submit()}
        onCancel={onCancel}
      />
    </View>
  )
}
