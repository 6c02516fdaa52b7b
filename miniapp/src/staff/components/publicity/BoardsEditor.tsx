import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CONTACT_PHONE_MAX } from '@linyi/shared'
import type { BoardsRequest, CompoundBoards } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { TextField } from '../accounts/TextField'
import { MaterialsEditor } from './MaterialsEditor'
import { PartiesEditor } from './PartiesEditor'
import { boardsDraft, boardsProblems, boardsRequest, type BoardsDraft } from './boards.rules'

interface Props {
  boards: CompoundBoards
  label: string
  save: { run: (body: BoardsRequest) => Promise<boolean>; submitting: boolean; error: string | null }
  onClose: (saved: boolean) => void
}

/** Editing the boards: every row in place, every problem listed with its row before anything is sent. */
export function BoardsEditor({ boards, label, save, onClose }: Props) {
  const [draft, setDraft] = useState<BoardsDraft>(() => boardsDraft(boards))
  const change = (patch: Partial<BoardsDraft>) => setDraft({ ...draft, ...patch })
  const problems = boardsProblems(draft)
  const submit = async () => {
    if (problems.length === 0 && (await save.run(boardsRequest(draft)))) onClose(true)
  }
  return (
    <View className='boards-editor'>
      <View className='card'>
        <Text className='section-title'>材料公示</Text>
        <MaterialsEditor materials={draft.materials} onChange={(materials) => change({ materials })} />
      </View>
      <View className='card'>
        <Text className='section-title'>责任单位</Text>
        <Text className='text-secondary'>没有填写的单位不会公示。</Text>
        <PartiesEditor parties={draft.parties} onChange={(parties) => change({ parties })} />
      </View>
      <View className='card'>
        <TextField
          label='投诉电话'
          hint='住户对施工质量、安全或文明施工有意见时拨打'
          name='boards-complaint-phone'
          value={draft.complaintPhone}
          maxlength={CONTACT_PHONE_MAX + 5}
          placeholder='例如：010-64001234'
          onChange={(complaintPhone) => change({ complaintPhone })}
        />
      </View>
      {problems.length ? (
        <View className='card boards-problems' role='alert'>
          <Text className='boards-problems__title'>还需修改 {problems.length} 处：</Text>
          {problems.map((problem) => (
            <Text key={problem} className='text-body boards-problem'>
              {problem}
            </Text>
          ))}
        </View>
      ) : null}
      <ErrorNotice message={save.error} className='boards-save-error' />
      <BigButton className='boards-save' disabled={problems.length > 0} loading={save.submitting} onClick={() => void submit()}>
        {problems.length ? '请先修改上面列出的问题' : save.submitting ? '正在保存…' : label}
      </BigButton>
      <BigButton variant='link' className='boards-cancel' onClick={() => onClose(false)}>
        取消，不保存
      </BigButton>
    </View>
  )
}
