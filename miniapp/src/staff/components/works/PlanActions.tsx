import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { WorkPlanStatus } from '@linyi/shared'
import type { WorkPlanView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'

interface Submission {
  run: () => Promise<boolean>
  submitting: boolean
  error: string | null
}

interface Props {
  plan: WorkPlanView
  /** ManageWorks: publish, edit and discard a draft. */
  manages: boolean
  /** ViewCrewList: the crew list and bookings of a published plan. */
  seesCrewList: boolean
  publish: Submission
  discard: Submission
  onEdit: () => void
  onDiscarded: () => void
  onBookings: () => void
  /** A published plan's 分户验收 and 保修维修 (every role that sees the plan; the pages decide what each may do). */
  onAcceptance: () => void
  onRepairs: () => void
}

const PUBLISH_WARNING = '发布后，计划中各单元的每一户都会收到入户施工通知，并可以预约时段；已发布的时段不能再删除。'
const DISCARD_WARNING = '这个草稿和它的所有时段会一起删除，不能恢复。'

/** What can be done with the plan now: publish, edit or discard a draft; open the bookings, acceptance and repairs of a published one. */
export function PlanActions({ plan, manages, seesCrewList, publish, discard, onEdit, onDiscarded, onBookings, onAcceptance, onRepairs }: Props) {
  const draft = plan.status === WorkPlanStatus.Draft
  const confirmPublish = async () => {
    const { confirm } = await Taro.showModal({ title: '发布施工计划', content: PUBLISH_WARNING, confirmText: '发布', cancelText: '取消' })
    if (confirm) await publish.run()
  }
  const confirmDiscard = async () => {
    const { confirm } = await Taro.showModal({ title: '删除草稿', content: DISCARD_WARNING, confirmText: '删除', cancelText: '取消' })
    if (confirm && (await discard.run())) onDiscarded()
  }
  return (
    <View className='section works-plan-actions'>
      {draft && manages ? (
        <>
          <BigButton className='works-publish' loading={publish.submitting} onClick={() => void confirmPublish()}>
            {publish.submitting ? '正在检查并发布…' : '发布施工计划'}
          </BigButton>
          <Text className='text-secondary'>发布前会检查：各单元已全部书面申请、住户都已完成特殊需求排查、时段距今不少于告知期。</Text>
          <ErrorNotice message={publish.error} className='works-publish-error' />
          <BigButton variant='secondary' className='works-edit-plan' onClick={onEdit}>
            修改计划内容
          </BigButton>
        </>
      ) : null}
      {!draft && seesCrewList ? (
        <BigButton className='works-open-bookings' onClick={onBookings}>
          查看入户名单和预约情况
        </BigButton>
      ) : null}
      {!draft ? (
        <>
          <BigButton variant='secondary' className='works-open-acceptance' onClick={onAcceptance}>
            分户验收
          </BigButton>
          <BigButton variant='secondary' className='works-open-repairs' onClick={onRepairs}>
            保修维修
          </BigButton>
        </>
      ) : null}
      {draft && manages ? (
        <>
          <BigButton variant='link' className='works-discard' loading={discard.submitting} onClick={() => void confirmDiscard()}>
            {discard.submitting ? '正在删除…' : '删除这个草稿'}
          </BigButton>
          <ErrorNotice message={discard.error} className='works-discard-error' />
        </>
      ) : null}
    </View>
  )
}
