import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import type { CompoundSummary, StaffView } from '@linyi/shared'
import { canDo } from '../../../hooks/staff-session'
import { Routes, withParams } from '../../../lib/routes'
import { ActionButton } from './ActionButton'

interface Props {
  compound: CompoundSummary
  profile: StaffView | null
  /** Extra class on each action's wrapper: `staff-home-action` on the 工作台. */
  actionClassName?: string
}

const go = (url: string) => void Taro.navigateTo({ url })

/** One compound with what the role may do there: follow it up, author a consultation, import its roster. */
export function CompoundCard({ compound, profile, actionClassName = '' }: Props) {
  const organiser = canDo(profile, StaffAction.ViewHouseholdStates)
  const wrapper = `compound-action ${actionClassName}`
  return (
    <View className='card compound-card' id={`compound-${compound.id}`}>
      <Text className='compound-card__name'>{compound.name}</Text>
      <ActionButton
        profile={profile}
        action={StaffAction.ViewProgress}
        variant='primary'
        className='compound-item'
        wrapperClassName={wrapper}
        text={organiser ? '进度与住户' : '查看进度（只读）'}
        onClick={() => go(withParams(Routes.staffCompound, { id: compound.id }))}
      />
      <ActionButton
        profile={profile}
        action={StaffAction.AuthorConsultation}
        className='compound-author'
        wrapperClassName={wrapper}
        text='发起征询'
        onClick={() => go(withParams(Routes.staffAuthor, { compoundId: compound.id }))}
      />
      <ActionButton
        profile={profile}
        action={StaffAction.UploadRoster}
        className='compound-roster'
        wrapperClassName={wrapper}
        text='导入名册'
        onClick={() => go(withParams(Routes.staffRoster, { compoundId: compound.id }))}
      />
    </View>
  )
}
