import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../../components/Notice'
import { useOwnerSupervisors } from '../../../hooks/acceptance-staff'
import { SupervisorsForm } from './SupervisorsForm'

/** The compound's two owner supervisors (seed 002 §五(五)3), who may add their sign-off to an acceptance; named by the committee. */
export function SupervisorsCard({ compoundId, edits }: { compoundId: string; edits: boolean }) {
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  const { list, structure, save } = useOwnerSupervisors(compoundId, editing)
  const supervisors = list.data ?? []
  return (
    <View className='card staff-acc-supervisors'>
      <Text className='section-title'>业主监督员</Text>
      <Text className='text-secondary'>由居委会指定本小区的两名业主担任，可在居民验收后签字监督。</Text>
      {list.loading && !list.data ? <LoadingNotice /> : null}
      <ErrorNotice message={list.error} />
      {list.data && !supervisors.length ? <Text className='text-body staff-acc-no-supervisors'>还没有指定业主监督员。</Text> : null}
      {supervisors.map((s) => (
        <Text key={s.householdId} className='staff-acc-supervisor'>
          {s.name} · {s.label}
        </Text>
      ))}
      {saved && !editing ? <Text className='works-saved staff-acc-supervisors-saved'>已保存业主监督员。</Text> : null}
      {edits && editing ? (
        structure.data ? (
          <SupervisorsForm
            structure={structure.data}
            current={supervisors}
            save={save}
            onClose={(done) => {
              setEditing(false)
              setSaved(done)
            }}
          />
        ) : (
          <>
            {structure.error ? <ErrorNotice message={structure.error} /> : <LoadingNotice text='正在读取本小区房屋…' />}
          </>
        )
      ) : null}
      {edits && !editing && list.data ? (
        <BigButton
          variant='secondary'
          className='staff-acc-supervisors-edit'
          onClick={() => {
            setSaved(false)
            setEditing(true)
          }}
        >
          {supervisors.length ? '修改业主监督员' : '指定业主监督员'}
        </BigButton>
      ) : null}
    </View>
  )
}
