import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { LoadingNotice } from '../../components/Notice'
import { LoadError } from '../../components/LoadError'
import { Screen } from '../../components/Screen'
import { useMyComplaints } from '../../hooks/complaints-resident'
import { useMe } from '../../hooks/resident'
import { ComplaintCard } from '../components/ComplaintCard'
import { ComplaintForm } from '../components/ComplaintForm'
import '../publicity.css'

/** 意见建议 (问计于民): write one, with a photo if it helps; my earlier ones with the committee's answers. */
export default function ComplaintsPage() {
  const me = useMe()
  const complaints = useMyComplaints()
  // A new form after each filing: the fields start empty again.
  const [formKey, setFormKey] = useState(0)
  const households = me.data?.households ?? []
  const list = complaints.data ?? []

  return (
    <Screen className='publicity complaints-page'>
      <View className='page-header'>
        <Text className='page-title'>意见建议</Text>
        <Text className='text-secondary'>对改造方案或施工有意见、建议或投诉，都可以写在这里。业委会会答复您。</Text>
      </View>
      {me.loading && !me.data ? <LoadingNotice /> : null}
      {me.error ? <LoadError name='complaints-me' message={me.error} stale={false} onRetry={() => void me.reload()} /> : null}
      {me.data && households.length === 0 ? <Text className='card text-body complaints-no-household'>请先在首页绑定您的房屋，再提意见建议。</Text> : null}
      {complaints.filed ? (
        <View className='card publicity-outcome' role='status'>
          <Text className='text-body publicity-outcome__text'>已提交，业委会会尽快答复。答复会显示在下面“我提的意见建议”里。</Text>
        </View>
      ) : null}
      {households.length > 0 ? (
        <ComplaintForm
          key={formKey}
          households={households}
          sending={complaints.sending}
          error={complaints.problem}
          onSubmit={async (request) => {
            const done = await complaints.file(request)
            if (done) setFormKey((k) => k + 1)
            return done
          }}
        />
      ) : null}

      <View className='section my-complaints'>
        <Text className='section-title'>我提的意见建议</Text>
        {complaints.loading && !complaints.data ? <LoadingNotice /> : null}
        {complaints.error ? <LoadError name='complaints' message={complaints.error} stale={Boolean(complaints.data)} onRetry={() => void complaints.reload()} /> : null}
        {complaints.data && list.length === 0 ? <Text className='text-body complaints-none'>还没有提过意见建议。</Text> : null}
        {list.map((complaint) => (
          <ComplaintCard key={complaint.id} complaint={complaint} />
        ))}
      </View>
    </Screen>
  )
}
