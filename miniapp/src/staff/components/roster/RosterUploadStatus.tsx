import { Text, View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import type { RosterUploadState } from '../../../hooks/roster'
import { RosterErrorTable } from './RosterErrorTable'
import './roster.css'

interface Props {
  state: RosterUploadState
  onOpenCompound: () => void
}

/** While uploading, then what the upload did: imported counts, or nothing imported and why. */
export function RosterUploadStatus({ state, onOpenCompound }: Props) {
  if (state.phase === 'idle') return null
  if (state.phase === 'uploading') {
    return (
      <View className='card roster-progress' role='status'>
        <Text className='text-body'>正在上传并检查「{state.fileName}」，请稍候…</Text>
        <View className='roster-progress__bar'>
          <View className='roster-progress__fill' />
        </View>
      </View>
    )
  }
  if (state.phase === 'failed') {
    return (
      <View className='card roster-result roster-result--failed' role='alert'>
        <Text className='roster-result__title roster-upload-error'>{state.message}</Text>
        {state.fileName ? <Text className='text-secondary'>文件：{state.fileName}</Text> : null}
      </View>
    )
  }
  const { outcome } = state
  if (outcome.imported) {
    return (
      <View className='card roster-result roster-result--imported' role='status'>
        <Text className='roster-result__title roster-imported'>
          已导入：新增 {outcome.created} 户，更新 {outcome.updated} 户
        </Text>
        {outcome.unchanged ? <Text className='text-body'>另有 {outcome.unchanged} 户与系统中的信息相同，未改动。</Text> : null}
        <Text className='text-secondary'>文件：{state.fileName}</Text>
        <BigButton variant='secondary' className='roster-open-compound' onClick={onOpenCompound}>
          查看小区的楼栋与住户
        </BigButton>
      </View>
    )
  }
  return (
    <View className='card roster-result roster-result--rejected' role='alert'>
      <Text className='roster-result__title roster-nothing-imported'>
        {outcome.errors.length
          ? `未导入任何数据：名单中有 ${outcome.errors.length} 处问题，没有新增或修改任何一户。请在文件中改正下表各行，再重新上传整个文件。`
          : '未导入任何数据：没有新增或修改任何一户。'}
      </Text>
      {outcome.errors.length ? null : <Text className='text-body roster-refusal-reason'>{outcome.message}</Text>}
      <Text className='text-secondary'>文件：{state.fileName}</Text>
      {outcome.errors.length ? <RosterErrorTable errors={outcome.errors} /> : null}
    </View>
  )
}
