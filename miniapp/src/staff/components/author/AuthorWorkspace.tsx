import Taro from '@tarojs/taro'
import { Canvas, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useCompoundStructure } from '../../../hooks/staff'
import { useConsultationDraft, useEmergencyPhone, usePublication } from '../../../hooks/authoring'
import { actionLabel, canDo } from '../../../hooks/staff-session'
import { householdsInScope, previewOf, toCreateRequest } from '../../../lib/draft/request'
import { storedDraft } from '../../../lib/draft/storage'
import { formatDateTime } from '../../../lib/format'
import type { ConsultationDraft } from '../../../lib/draft/types'
import { validateDraft } from '../../../lib/draft/validation'
import { Routes, withParams } from '../../../lib/routes'
import { AuthorPreview } from './AuthorPreview'
import { BasicsSection } from './BasicsSection'
import { PHOTO_CANVAS_ID } from './design-photo'
import { DisclosuresSection } from './DisclosuresSection'
import { OptionsSection } from './OptionsSection'
import { RuleSection } from './RuleSection'
import { ScheduleSection } from './ScheduleSection'
import { UnitsSection } from './UnitsSection'

const scrollTo = (selector: string) => {
  try {
    void Taro.pageScrollTo?.({ selector, duration: 200 })
  } catch {
    // Not every runtime scrolls to a selector; the messages are still next to the fields.
  }
}

function confirmText(draft: ConsultationDraft, households: number | null, opensAt: string, deadline: string): string {
  const who = households === null ? '所选范围内的全部住户' : `${households} 户${draft.ownersOnly ? '（由业主填写）' : ''}`
  const when = draft.opensNow ? '发布后立即开始' : `${formatDateTime(opensAt)}开始`
  return `将向 ${who}发出征询，${when}，${formatDateTime(deadline)}截止。发布后内容不能再修改。`
}

/** The authoring form, its preview and publication, for one compound. */
export function AuthorWorkspace({ compoundId, profile }: { compoundId: string; profile: StaffView }) {
  const structure = useCompoundStructure(compoundId)
  const phone = useEmergencyPhone(compoundId)
  const { draft, update, setKind, setRule, startOver, forget, restored } = useConsultationDraft(compoundId, phone.phone)
  const publication = usePublication()
  const [step, setStep] = useState<'edit' | 'preview'>('edit')
  const [tried, setTried] = useState(false)
  const now = new Date()
  const errors = { ...(tried ? validateDraft(draft, now) : {}), ...publication.fieldErrors }
  const problemCount = Object.keys(errors).length
  const scope = structure.data ? householdsInScope(structure.data, draft) : null

  const edit = (changes: Partial<ConsultationDraft>) => {
    publication.clearErrors()
    update(changes)
  }
  const afterClear = <T,>(change: (value: T) => void, value: T) => {
    publication.clearErrors()
    change(value)
  }
  const sectionProps = { draft, errors, update: edit }

  const preview = () => {
    setTried(true)
    if (Object.keys(validateDraft(draft, new Date())).length) {
      scrollTo('.author-field--invalid')
      return
    }
    publication.clearErrors()
    setStep('preview')
    scrollTo('.author-preview')
  }

  const publish = async () => {
    const request = toCreateRequest(draft, compoundId, new Date())
    const { confirm } = await Taro.showModal({ title: '确认发布', content: confirmText(draft, scope?.count ?? null, request.opensAt, request.deadline), confirmText: '发布', cancelText: '再看看' })
    if (!confirm) return
    const { published, backToForm } = await publication.publish(request, storedDraft(draft))
    if (published) {
      forget()
      void Taro.redirectTo({ url: withParams(Routes.staffConsultation, { id: published.id }) })
    } else if (backToForm) {
      setStep('edit')
      scrollTo('.author-step--edit')
    }
  }

  const canEditSettings = canDo(profile, StaffAction.EditCompoundSettings)
  const phoneSaveLabel = canEditSettings ? actionLabel(profile, StaffAction.EditCompoundSettings, '保存到小区设置') : null

  if (step === 'preview') {
    const request = toCreateRequest(draft, compoundId, now)
    const empty = scope?.count === 0
    return (
      <View className='author-step author-step--preview'>
        <AuthorPreview consultation={previewOf(request, now)} opensNow={draft.opensNow} households={scope?.count ?? null} sampleLabel={scope?.sampleLabel ?? null} />
        {empty ? <ErrorNotice message='所选范围内没有住户，请先导入住户名单，或选择其他单元。' className='author-publish-error' /> : null}
        <ErrorNotice message={publication.error} className='author-publish-error' />
        <BigButton className='author-publish-button' disabled={empty} loading={publication.busy} onClick={() => void publish()}>
          {publication.busy ? '正在发布…' : actionLabel(profile, StaffAction.AuthorConsultation, '发布')}
        </BigButton>
        <BigButton variant='secondary' className='author-back-button' onClick={() => setStep('edit')}>
          返回修改
        </BigButton>
      </View>
    )
  }

  return (
    <View className='author-step author-step--edit'>
      {restored ? (
        <View className='card author-restored'>
          <Text className='text-body'>已恢复上次没有发布的内容。</Text>
          <BigButton variant='link' className='author-start-over' onClick={startOver}>
            清空，重新填写
          </BigButton>
        </View>
      ) : null}
      <ErrorNotice message={publication.error} className='author-form-error' />
      <BasicsSection {...sectionProps} onKind={(kind) => afterClear(setKind, kind)} />
      <RuleSection {...sectionProps} onRule={(rule) => afterClear(setRule, rule)} />
      <UnitsSection {...sectionProps} structure={structure.data} structureError={structure.error} />
      <OptionsSection {...sectionProps} />
      <DisclosuresSection {...sectionProps} phone={phone} phoneSaveLabel={phoneSaveLabel} />
      <ScheduleSection {...sectionProps} now={now} />
      <View className='section author-actions'>
        {tried && problemCount > 0 ? <Text className='missing-hint author-problem-count'>还有 {problemCount} 处需要修改，见上面标红的提示。</Text> : null}
        <BigButton className='author-preview-button' onClick={preview}>
          预览居民看到的样子
        </BigButton>
      </View>
      {process.env.TARO_ENV === 'weapp' ? <Canvas type='2d' id={PHOTO_CANVAS_ID} className='scan-canvas' /> : null}
    </View>
  )
}
