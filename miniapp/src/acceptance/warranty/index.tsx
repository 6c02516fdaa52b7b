import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../components/BigButton'
import { LoadError } from '../../components/LoadError'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { decodeParam } from '../../consult/link.rules'
import { useMyWarranty } from '../../hooks/my-acceptance'
import { LinkProblem } from '../../components/LinkProblem'
import { RepairCard } from '../components/RepairCard'
import { RepairForm } from '../components/RepairForm'
import { WarrantyNoticeCard } from '../components/WarrantyNoticeCard'
import { linkProblem } from '../components/acceptance.rules'
import '../acceptance.css'

/** 保修与报修 (`householdId`): the warranty notice and its PDF, my repairs, reporting one, confirming a repair. */
export default function WarrantyPage() {
  const params = useRouter().params
  const problem = linkProblem(params, ['householdId'], ['householdId'])
  return (
    <Screen className='acceptance warranty'>
      {problem ? <LinkProblem message={problem} /> : <WarrantyScreen householdId={decodeParam(params.householdId)} />}
    </Screen>
  )
}

function WarrantyScreen({ householdId }: { householdId: string }) {
  const w = useMyWarranty(householdId)
  const [reporting, setReporting] = useState(false)
  const [signingId, setSigningId] = useState<string | null>(null)
  const view = w.warranty
  // 409: no notice yet (not accepted). Said as a fact, not as a failure to retry.
  const noNotice = w.warrantyErrorStatus === 409 && !view
  const retryable = w.warrantyErrorStatus !== 404 && w.warrantyErrorStatus !== 403 && !noNotice
  const repairs = w.repairs ?? []

  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>保修与报修</Text>
        {view ? <Text className='text-secondary warranty-household'>房屋：{view.label}</Text> : null}
        <Text className='text-secondary'>验收后，施工的各个部位都有保修期。保修期内坏了，可以在这里报修。</Text>
      </View>

      {w.warrantyLoading && !view && !w.warrantyError ? <LoadingNotice /> : null}
      {noNotice ? (
        <View className='card warranty-none'>
          <Text className='text-body'>{w.warrantyError}</Text>
        </View>
      ) : null}
      {w.warrantyError && !noNotice ? (
        <LoadError name='warranty' message={w.warrantyError} stale={Boolean(view)} onRetry={retryable ? () => void w.reloadWarranty() : null} />
      ) : null}

      {view ? (
        <WarrantyNoticeCard
          view={view}
          opening={w.busy === 'pdf'}
          waiting={w.busy !== null}
          outcome={w.outcome}
          problem={w.problem}
          onOpenPdf={() => void w.openPdf(view.version)}
          onShowVersion={w.showVersion}
        />
      ) : null}

      <View className='section repairs'>
        <Text className='section-title'>我的报修</Text>
        {w.outcome?.at === 'report' ? (
          <View className='card repair-outcome' role='status'>
            <Text className='text-body repair-outcome__text'>{w.outcome.message}</Text>
          </View>
        ) : null}
        {view && view.items.length && !reporting ? (
          <BigButton className='repair-start' disabled={w.busy !== null} onClick={() => setReporting(true)}>
            我要报修
          </BigButton>
        ) : null}
        {view && reporting ? (
          <RepairForm
            warranty={view}
            sending={w.busy === 'report'}
            error={w.problem?.at === 'report' ? w.problem.message : null}
            onSubmit={async (request) => {
              const done = await w.report(request)
              if (done) setReporting(false)
              return done
            }}
            onCancel={() => setReporting(false)}
          />
        ) : null}
        {w.repairsError ? <ErrorNotice message={`报修记录暂时无法显示：${w.repairsError}`} className='repairs-error' /> : null}
        {w.repairs && repairs.length === 0 ? <Text className='text-body repairs-none'>还没有报修记录。</Text> : null}
        {repairs.map((repair) => (
          <RepairCard
            key={repair.id}
            householdId={householdId}
            repair={repair}
            signing={signingId === repair.id}
            running={w.busy === repair.id}
            waiting={w.busy !== null}
            outcome={w.outcome}
            problem={w.problem}
            onStartSigning={() => setSigningId(repair.id)}
            onStopSigning={() => setSigningId(null)}
            onConfirm={(png) => void w.confirmRepaired(repair, png).then((done) => done && setSigningId(null))}
            onReopen={() => void w.reopenRepair(repair)}
          />
        ))}
      </View>
    </>
  )
}
