import { Text, View } from '@tarojs/components'
import type { UpdateWorkPlanRequest, WorkPlanView } from '@linyi/shared'
import { LoadingNotice } from '../../../components/Notice'
import { usePlanFormSources } from '../../../hooks/works-staff'
import { LoadFailure } from '../LoadFailure'
import { draftOfPlan, updateRequestOf } from './plan-form.rules'
import { PlanForm } from './PlanForm'

interface Props {
  plan: WorkPlanView
  update: { run: (body: UpdateWorkPlanRequest) => Promise<boolean>; submitting: boolean; error: string | null }
  onClose: () => void
}

/** A draft's contents in the plan form; its plumbing application stays. Dropping a unit drops its windows (the server does). */
export function PlanEditor({ plan, update, onClose }: Props) {
  const { structure, applications } = usePlanFormSources(plan.compoundId, true)
  const failed = structure.error ? structure : applications.error ? applications : null
  if (failed) return <LoadFailure message={failed.error ?? ''} status={failed.errorStatus} onRetry={() => void failed.reload()} />
  if (!structure.data || !applications.data) return <LoadingNotice text='正在读取单元…' />
  return (
    <View className='section works-plan-editor'>
      <Text className='screening-notice works-editor-warning'>取消勾选某个单元后保存，这个单元已安排的施工时段会一起删除。</Text>
      <PlanForm
        initial={draftOfPlan(plan)}
        structure={structure.data}
        applications={applications.data.filter((c) => c.id === plan.consultationId)}
        editing
        onSubmit={async (draft) => {
          const saved = await update.run(updateRequestOf(draft, plan))
          if (saved) onClose()
          return saved
        }}
        submitting={update.submitting}
        error={update.error}
        onCancel={onClose}
      />
    </View>
  )
}
