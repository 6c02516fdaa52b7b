import { Canvas, Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AcceptanceDecision } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { usePaperAcceptance } from '../../../hooks/acceptance-staff'
import { choosePhoto, photoToPngDataUrl } from '../../../lib/paper-scan'
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
  const [photo, setPhoto] = useState<string | null>(null)
  const [scan, setScan] = useState<string | null>(null)
  const [preparing, setPreparing] = useState(false)
  const [photoError, setPhotoError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const save = usePaperAcceptance(household.householdId)
  const canvasId = `acceptance-scan-${household.householdId}`
  const problem = paperProblem(decision, defects, scan)

  const pick = async () => {
    const path = await choosePhoto()
    if (!path) return
    setPhoto(path)
    setScan(null)
    setPhotoError(null)
    setPreparing(true)
    try {
      setScan(await photoToPngDataUrl(path, `#${canvasId}`))
    } catch {
      setPhotoError('照片处理失败，请重新拍摄')
    } finally {
      setPreparing(false)
    }
  }
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
      {/* weapp draws the photo on a hidden 2D canvas to turn it into a PNG. */}
      {process.env.TARO_ENV === 'h5' ? null : <Canvas id={canvasId} type='2d' className='scan-canvas' />}
      {photo ? <Image className='paper-preview' src={photo} mode='widthFix' nativeProps={{ alt: '纸质验收单照片' }} /> : null}
      <BigButton variant='secondary' className='staff-acc-paper-photo' loading={preparing} onClick={() => void pick()}>
        {preparing ? '正在处理照片…' : photo ? '重新拍摄验收单' : '拍照或选择验收单照片'}
      </BigButton>
      <ErrorNotice message={photoError ?? save.error} className='staff-acc-paper-error' />
      {confirming && decision ? (
        <View className='paper-confirm-panel'>
          <Text className='paper-confirm-panel__text'>
            确认录入：{household.label} 的纸质验收结论为「{DECISION_TEXT[decision]}」？录入后不能更改，验收单照片一并存证。
          </Text>
          <BigButton className='staff-acc-paper-confirm' loading={save.submitting} onClick={() => void submit()}>
            {save.submitting ? '正在录入…' : '确认录入'}
          </BigButton>
          <BigButton variant='secondary' className='staff-acc-paper-back' onClick={() => setConfirming(false)}>
            返回修改
          </BigButton>
        </View>
      ) : (
        <BigButton className='staff-acc-paper-submit' disabled={problem !== null} onClick={() => setConfirming(true)}>
          {problem ?? `录入：${DECISION_TEXT[decision!]}`}
        </BigButton>
      )}
      <BigButton variant='link' className='staff-acc-paper-cancel' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
