import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import type { CompoundSummary, StaffView } from '@linyi/shared'
import { canDo } from '../../../hooks/staff-session'
import { Routes, withParams } from '../../../lib/routes'
import { PIPELINE_ROUTE } from '../pipeline/pipeline-routes'
import { ActionButton } from './ActionButton'

interface Props {
  compound: CompoundSummary
  profile: StaffView | null
  /** Extra class on each action's wrapper: `staff-home-action` on the 工作台. */
  actionClassName?: string
}

const go = (url: string) => void Taro.navigateTo({ url })

/** One compound with what the role may do there: follow it up, its renovation stage, author a consultation, import its roster. */
export function CompoundCard({ compound, profile, actionClassName = '' }: Props) {
  const organiser = canDo(profile, StaffAction.ViewHouseholdStates)
  const id = compound.id
  const actions = [
    { action: StaffAction.ViewProgress, className: 'compound-item', text: organiser ? '进度与住户' : '查看进度（只读）', url: withParams(Routes.staffCompound, { id }) },
    { action: StaffAction.ViewPipeline, className: 'compound-pipeline', text: '改造进度', url: withParams(PIPELINE_ROUTE, { id }) },
    { action: StaffAction.AuthorConsultation, className: 'compound-author', text: '发起征询', url: withParams(Routes.staffAuthor, { compoundId: id }) },
    { action: StaffAction.UploadRoster, className: 'compound-roster', text: '导入名册', url: withParams(Routes.staffRoster, { compoundId: id }) },
  ]
  return (
    <View className='card compound-card' id={`compound-${id}`}>
      <Text className='compound-card__name'>{compound.name}</Text>
      {actions.map(({ action, className, text, url }, index) => (
        <ActionButton
          key={action}
          profile={profile}
          action={action}
          variant={index === 0 ? 'primary' : 'secondary'}
          className={className}
          wrapperClassName={`compound-action ${actionClassName}`}
          text={text}
          onClick={() => go(url)}
        />
      ))}
    </View>
  )
}
