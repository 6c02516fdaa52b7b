import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { Screen } from '../../components/Screen'
import { actionLabel, canDo, useStaffProfile } from '../../hooks/staff-session'
import { Routes, goBackOr } from '../../lib/routes'
import { AuthorWorkspace } from '../components/author/AuthorWorkspace'
import { ROLE_LABEL } from '../components/role-text'
import '../../consult/consult.css'
import '../staff.css'
import './author.css'

/** Where a message replaces the form: what is wrong, and the one thing to do about it. */
function Blocked({ text, action, onAction }: { text: string; action: string; onAction: () => void }) {
  return (
    <View className='card author-blocked'>
      <Text className='text-body'>{text}</Text>
      <BigButton variant='secondary' onClick={onAction}>
        {action}
      </BigButton>
    </View>
  )
}

/** 发起征询: a committee (or street/admin staff for it) writes, previews and publishes a consultation. */
export default function StaffAuthorPage() {
  const compoundId = decodeURIComponent(useRouter().params.compoundId ?? '')
  const profile = useStaffProfile()
  const toCompounds = () => goBackOr(Routes.staffCompounds)

  let content: JSX.Element
  if (!profile) {
    content = <Blocked text='请先登录工作人员账号，再发起征询。' action='去登录' onAction={() => void Taro.redirectTo({ url: Routes.staffLogin })} />
  } else if (!canDo(profile, StaffAction.AuthorConsultation)) {
    content = (
      <Blocked
        text={`您的账号（${ROLE_LABEL[profile.role] ?? profile.role}）不能发起征询。征询由社区居委会发起，街道工作人员也可以代居委会发起。`}
        action='返回'
        onAction={toCompounds}
      />
    )
  } else if (!compoundId) {
    content = <Blocked text='没有指定小区：请从小区页面点“发起征询”进入。' action='选择小区' onAction={() => void Taro.redirectTo({ url: Routes.staffCompounds })} />
  } else {
    content = <AuthorWorkspace compoundId={compoundId} profile={profile} />
  }

  return (
    <Screen className='staff-author'>
      <View className='page-header'>
        <Text className='page-title'>{actionLabel(profile, StaffAction.AuthorConsultation, '发起征询')}</Text>
        <Text className='text-secondary'>填写后先预览居民看到的样子，确认无误再发布。</Text>
      </View>
      {content}
    </Screen>
  )
}
