import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCompoundInScope, useRosterTemplate, useRosterUpload } from '../../hooks/roster'
import { actionLabel, canDo, useStaffProfile } from '../../hooks/staff-session'
import { Routes, withParams } from '../../lib/routes'
import { ROLE_SHORT } from '../components/role-text'
import { LoadFailure } from '../components/LoadFailure'
import { RosterColumnsHelp } from '../components/roster/RosterColumnsHelp'
import { RosterFilePicker } from '../components/roster/RosterFilePicker'
import { RosterTemplateButtons } from '../components/roster/RosterTemplateButtons'
import { RosterUploadStatus } from '../components/roster/RosterUploadStatus'
import '../staff.css'
import './roster.css'

function Blocked({ message, signIn = false }: { message: string; signIn?: boolean }) {
  return (
    <View className='card roster-blocked'>
      <Text className='text-body'>{message}</Text>
      {signIn ? <BigButton onClick={() => void Taro.redirectTo({ url: Routes.staffLogin })}>登录</BigButton> : null}
    </View>
  )
}

export default function StaffRosterPage() {
  const compoundId = decodeURIComponent(useRouter().params.compoundId ?? '')
  const profile = useStaffProfile()
  const allowed = canDo(profile, StaffAction.UploadRoster)
  const compound = useCompoundInScope(compoundId)
  const upload = useRosterUpload(compoundId)
  const template = useRosterTemplate()

  const header = (
    <View className='page-header'>
      <Text className='page-title'>导入住户名单</Text>
      {compound.data ? <Text className='section-title roster-compound-name'>{compound.data.name}</Text> : null}
    </View>
  )

  const gate = !compoundId
    ? '页面地址缺少小区编号（compoundId），请从小区页面进入“导入住户名单”。'
    : !profile
      ? '请先登录工作人员账号。'
      : !allowed
        ? `您的账号（${ROLE_SHORT[profile.role]}）不能导入住户名单。住户名单由居委会或街道办事处的工作人员导入。`
        : null
  if (gate) {
    return (
      <Screen className='staff-roster'>
        {header}
        <Blocked message={gate} signIn={Boolean(compoundId) && !profile} />
      </Screen>
    )
  }

  return (
    <Screen className='staff-roster'>
      {header}
      {compound.loading && !compound.data ? <LoadingNotice /> : null}
      {compound.error ? <LoadFailure message={compound.error} status={compound.errorStatus} onRetry={() => void compound.reload()} /> : null}
      {!compound.loading && !compound.error && !compound.data ? <Blocked message='找不到这个小区，或它不在您的管理范围内。' /> : null}
      {compound.data ? (
        <>
          <RosterColumnsHelp />
          <RosterTemplateButtons downloading={template.downloading} error={template.error} onDownload={(format) => void template.download(format)} />
          <View className='section'>
            <Text className='text-secondary'>
              {process.env.TARO_ENV === 'h5' ? '选择电脑上的 Excel（.xlsx）或 CSV 文件。' : '从微信聊天中选择 Excel（.xlsx）或 CSV 文件：可先在电脑上把文件发给自己。'}
            </Text>
            <RosterFilePicker
              label={actionLabel(profile, StaffAction.UploadRoster, '选择文件并导入')}
              busy={upload.state.phase === 'uploading'}
              onFile={(file) => void upload.upload(file)}
              onChooseWechat={() => void upload.chooseAndUpload()}
            />
          </View>
          <RosterUploadStatus
            state={upload.state}
            onOpenCompound={() => void Taro.navigateTo({ url: withParams(Routes.staffCompound, { id: compoundId }) })}
          />
        </>
      ) : null}
    </Screen>
  )
}
