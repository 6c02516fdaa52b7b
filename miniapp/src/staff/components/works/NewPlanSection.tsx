import { Text, View } from '@tarojs/components'
import type { WorkPlanView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { LoadingNotice } from '../../../components/Notice'
import { useCreatePlan, usePlanFormSources } from '../../../hooks/works-staff'
import { LoadFailure } from '../LoadFailure'
import { createRequestOf, newPlanDraft } from './plan-form.rules'
import { PlanForm } from './PlanForm'

interface Props {
  compoundId: string
  onCreated: (plan: WorkPlanView) => void
  onCancel: () => void
}

/** 新建施工计划: the form once the compound's units and plumbing applications are read. */
export function NewPlanSection({ compoundId, onCreated, onCancel }: Props) {
  const { structure, applications } = usePlanFormSources(compoundId, true)
  const create = useCreatePlan(onCreated)
  const failed = structure.error ? structure : applications.error ? applications : null
  const list = applications.data
  return (
    <View className='section works-new-plan-section'>
      <Text className='section-title'>新建施工计划</Text>
      {failed ? <LoadFailure message={failed.error ?? ''} status={failed.errorStatus} onRetry={() => void failed.reload()} /> : null}
      {!failed && (!structure.data || !list) ? <LoadingNotice text='正在读取单元和改造申请…' /> : null}
      {list && list.length === 0 ? (
        <View className='card works-no-application'>
          <Text className='text-body'>这个小区还没有“上下水管线改造申请”。施工计划要依据住户的书面申请，请先由居委会发起这项征询。</Text>
          <BigButton variant='secondary' className='works-plan-cancel' onClick={onCancel}>
            返回
          </BigButton>
        </View>
      ) : null}
      {structure.data && list && list.length > 0 ? (
        <PlanForm
          initial={newPlanDraft(list.length === 1 ? list[0].id : null)}
          structure={structure.data}
          applications={list}
          editing={false}
          onSubmit={(draft) => create.run(createRequestOf(draft, compoundId))}
          submitting={create.submitting}
          error={create.error}
          onCancel={onCancel}
        />
      ) : null}
    </View>
  )
}
