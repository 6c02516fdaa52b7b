import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ScreeningStatus } from '@linyi/shared'
import type { ScreeningRequest, ScreeningView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { ConsentStep } from './ConsentStep'
import { NeedsStep } from './NeedsStep'
import {
  draftOf,
  lossSaveLabel,
  lossWarning,
  nothingNeededLoss,
  screeningDraftProblem,
  screeningRequestOf,
  standingConsentOf,
  toggleNeed,
  type ScreeningDraft,
} from './screening-form.rules'

interface Props {
  view: ScreeningView
  /** Resolves true when the server saved it. */
  onSave: (body: ScreeningRequest) => Promise<boolean>
  saving: boolean
  error: string | null
  /** Opens the household's care plan: the next step after saving needs without one. */
  onCarePlan: () => void
}

/** 是否需要照顾 → which needs → on what legal basis; saved only when every step is complete. */
export function ScreeningForm({ view, onSave, saving, error, onCarePlan }: Props) {
  const [draft, setDraft] = useState<ScreeningDraft>(() => draftOf(view))
  const [saved, setSaved] = useState<string | null>(null)
  const change = (patch: Partial<ScreeningDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setSaved(null)
  }
  const standing = standingConsentOf(view)
  const problem = screeningDraftProblem(draft, standing)
  const loss = nothingNeededLoss(view, draft)
  const planNext = saved !== null && view.status === ScreeningStatus.NeedsCare && !view.carePlan

  const submit = async () => {
    if (problem) return
    // The server deletes the needs, note, plan and scan of a record saved as 无特殊需要: never on one stray tap.
    if (loss) {
      const { confirm } = await Taro.showModal({ title: '改为无特殊需要？', content: lossWarning(loss), confirmText: '确定删除', cancelText: '取消', confirmColor: '#8a0012' })
      if (!confirm) return
    }
    if (await onSave(screeningRequestOf(draft, standing))) setSaved(draft.needsCare ? '已保存：需要照顾' : '已保存：无特殊需要')
  }

  return (
    <View className='card screening-form'>
      <Text className='section-title'>摸排登记</Text>
      {view.status === ScreeningStatus.Withdrawn ? (
        <Text className='text-body screening-withdrawn-hint'>
          居民已撤回同意，原来登记的情况已删除。重新登记前，请先征得居民同意，或确认属于施工前摸排的法定职责。
        </Text>
      ) : null}
      <Text className='field-label'>是否需要照顾</Text>
      <View className='screening-choices'>
        <BigButton
          variant={draft.needsCare === false ? 'primary' : 'secondary'}
          className={`screening-choice screening-choice--nothing ${draft.needsCare === false ? 'screening-choice--on' : ''}`}
          onClick={() => change({ needsCare: false })}
        >
          {draft.needsCare === false ? '✓ 无特殊需要' : '无特殊需要'}
        </BigButton>
        <BigButton
          variant={draft.needsCare === true ? 'primary' : 'secondary'}
          className={`screening-choice screening-choice--needs ${draft.needsCare === true ? 'screening-choice--on' : ''}`}
          onClick={() => change({ needsCare: true })}
        >
          {draft.needsCare === true ? '✓ 需要照顾' : '需要照顾'}
        </BigButton>
      </View>
      {draft.needsCare ? (
        <>
          <NeedsStep needs={draft.needs} note={draft.note} onToggle={(code) => change({ needs: toggleNeed(draft.needs, code) })} onNote={(note) => change({ note })} />
          <ConsentStep
            householdId={view.householdId}
            basis={draft.legalBasis}
            onBasis={(legalBasis) => change({ legalBasis })}
            standing={standing}
            scanned={draft.consentScanPng !== null}
            onScan={(consentScanPng) => change({ consentScanPng })}
          />
        </>
      ) : null}
      <ErrorNotice message={error} className='screening-save-error' />
      <BigButton className='screening-save' disabled={problem !== null} loading={saving} onClick={() => void submit()}>
        {problem ?? (saving ? '正在保存…' : loss ? lossSaveLabel(loss) : '保存摸排登记')}
      </BigButton>
      {saved ? (
        <View className='screening-saved-row'>
          <Text className='screening-saved'>{saved}</Text>
          {planNext ? (
            <BigButton className='screening-plan-next' onClick={onCarePlan}>
              下一步：制定照顾方案
            </BigButton>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
