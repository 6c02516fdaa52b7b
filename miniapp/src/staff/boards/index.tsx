import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { StaffAction } from '@linyi/shared'
import type { CompoundBoards, StaffView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { openBoardsPdf } from '../../api/records-staff'
import { useBoards } from '../../hooks/publicity-staff'
import { actionLabel, canDo } from '../../hooks/staff-session'
import { formatDateTime } from '../../lib/format'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { BoardSupervisors, BoardsView } from '../components/publicity/BoardsView'
import { BoardsEditor } from '../components/publicity/BoardsEditor'
import { PrintButton } from '../components/publicity/PrintButton'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/works/works.css'
import '../components/publicity/publicity.css'

type Loaded = ReturnType<typeof useBoards>

function Boards({ boards, profile, loaded }: { boards: CompoundBoards; profile: StaffView; loaded: Loaded }) {
  const edits = canDo(profile, StaffAction.EditBoards)
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>公示牌</Text>
        <Text className='section-title boards-compound'>{boards.compoundName}</Text>
        <Text className='text-secondary boards-updated'>
          {boards.updatedAt ? `最近修改 ${formatDateTime(boards.updatedAt)}` : '还没有填写过公示牌。'}
          {edits ? '' : '（只读）'}
        </Text>
      </View>
      {saved && !editing ? (
        <View role='status'>
          <Text className='works-saved boards-saved'>已保存公示牌，住户在小程序中可以看到。</Text>
        </View>
      ) : null}
      {editing ? (
        <BoardsEditor
          boards={boards}
          label={actionLabel(profile, StaffAction.EditBoards, '保存公示牌')}
          save={loaded.save}
          onClose={(done) => {
            setEditing(false)
            setSaved(done)
          }}
        />
      ) : (
        <>
          <BoardsView boards={boards} />
          {edits ? (
            <BigButton
              variant='secondary'
              className='boards-edit'
              onClick={() => {
                setSaved(false)
                setEditing(true)
              }}
            >
              {actionLabel(profile, StaffAction.EditBoards, '修改公示牌')}
            </BigButton>
          ) : null}
        </>
      )}
      <BoardSupervisors boards={boards} />
      {editing ? null : (
        <>
          <PrintButton text='打印公示牌' noun='公示牌' className='boards-print' open={() => openBoardsPdf(boards.compoundId, boards.compoundName)} />
          <RefreshButton className='boards-refresh' state={loaded} />
        </>
      )}
    </>
  )
}

function BoardsLoader({ compoundId, profile }: { compoundId: string; profile: StaffView }) {
  const loaded = useBoards(compoundId)
  if (!loaded.boards) return <NotLoaded state={loaded} />
  return <Boards boards={loaded.boards} profile={profile} loaded={loaded} />
}

export default function StaffBoardsPage() {
  const compoundId = decodeURIComponent(useRouter().params.compoundId ?? '')
  return (
    <WorksScreen
      className='staff-boards'
      action={StaffAction.ViewBoards}
      deniedText='公示牌供居委会、街道办、施工单位和系统管理员查看。'
      missingText={compoundId ? null : '链接中缺少小区编号，请从小区页面进入“公示牌”。'}
    >
      {(profile) => <BoardsLoader compoundId={compoundId} profile={profile} />}
    </WorksScreen>
  )
}
