import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ScreeningStatus } from '@linyi/shared'
import type { ScreeningRequest, ScreeningView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { ConsentStep } from './ConsentStep'
import { NeedsStep } from './NeedsStep'
import { draftOf, screeningDraftProblem, standingConsentOf, screeningRequestOf, toggleNeed, type ScreeningDraft } from './screening-form.rules'

interface Props {
  view: ScreeningView
  /** Resolves true when the server saved it. */
  onSave: (body: ScreeningRequest) => Promise<boolean>
  saving: boolean
  error: string | null
}

/** 是否需要照顾 → which needs → on what legal basis; saved only when every step is complete. */
export function ScreeningForm({ view, onSave, saving, error }: Props) {
  const [draft, setDraft] = useState<ScreeningDraft>(() => draftOf(view))
  const [saved, setSaved] = useState<string | null>(null)
  const change = (patch: Partial<ScreeningDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setSaved(null)
  }
  const standing = standingConsentOf(view)
  const problem = screeningDraftProblem(draft, standing)

  const submit = async () => {
    if (problem) return
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
        {problem ?? (saving ? '正在保存…' : '保存摸排登记')}
      </BigButton>
      {saved ? <Text className='screening-saved'>{saved}</Text> : null}
    </View>
  )
}
