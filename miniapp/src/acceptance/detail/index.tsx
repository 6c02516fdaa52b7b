import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LoadError } from '../../components/LoadError'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { decodeParam } from '../../consult/link.rules'
import { useMyAcceptance } from '../../hooks/my-acceptance'
import { AcceptanceChooser } from '../components/AcceptanceChooser'
import { AcceptanceHistory } from '../components/AcceptanceHistory'
import { AcceptanceStateCard } from '../components/AcceptanceStateCard'
import { InspectionCard } from '../components/InspectionCard'
import { LinkProblem } from '../../components/LinkProblem'
import { RecordCard } from '../components/RecordCard'
import { ResidentActions } from '../components/ResidentActions'
import { SupervisorSignOff } from '../components/SupervisorSignOff'
import { acceptanceState, linkProblem } from '../components/acceptance.rules'
import '../acceptance.css'

/**
 * 入户施工验收: `householdId` and `workPlanId` name the household and plan; without them (a 请验收
 * message) the page offers my households in acceptance. `supervisor=1`: an owner supervisor reading it.
 */
export default function AcceptancePage() {
  const params = useRouter().params
  const problem = linkProblem(params, ['householdId', 'workPlanId'])
  const householdId = decodeParam(params.householdId)
  const workPlanId = decodeParam(params.workPlanId)
  const supervisor = params.supervisor === '1'
  const screen = (household: string, plan: string) => <AcceptanceScreen householdId={household} workPlanId={plan} supervisor={supervisor} signed={params.signed === '1'} />
  return (
    <Screen className='acceptance'>
      {problem ? <LinkProblem message={problem} /> : householdId && workPlanId ? screen(householdId, workPlanId) : <AcceptanceChooser renderOnly={screen} />}
    </Screen>
  )
}

interface ScreenProps {
  householdId: string
  workPlanId: string
  supervisor: boolean
  signed: boolean
}

function AcceptanceScreen({ householdId, workPlanId, supervisor, signed }: ScreenProps) {
  const flow = useMyAcceptance(householdId, workPlanId)
  const { view } = flow
  // Reloading cannot help a household that is not the resident's (404) or a refusal (403).
  const retryable = flow.errorStatus !== 404 && flow.errorStatus !== 403
  const [latest, ...earlier] = view?.inspections ?? []
  const [lastRecord, ...earlierRecords] = view?.records ?? []

  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>入户施工验收</Text>
        {view ? <Text className='text-body acceptance-plan'>{view.title}</Text> : null}
        {view ? <Text className='text-secondary acceptance-household'>房屋：{view.label}</Text> : null}
      </View>

      {flow.loading && !view ? <LoadingNotice /> : null}
      {flow.error ? <LoadError name='acceptance' message={flow.error} stale={Boolean(view)} onRetry={retryable ? () => void flow.reload() : null} /> : null}

      {flow.outcome ? (
        <View className='card acceptance-outcome' role='status'>
          <Text className='text-body acceptance-outcome__text'>{flow.outcome}</Text>
        </View>
      ) : null}

      {view ? (
        <>
          <AcceptanceStateCard state={acceptanceState(view)} />
          {latest ? <InspectionCard householdId={householdId} inspection={latest} title='最近一次检测结果' /> : null}
          {lastRecord ? <RecordCard householdId={householdId} record={lastRecord} title='最近一次验收记录' /> : null}
          {supervisor ? (
            <SupervisorSignOff view={view} signed={signed} submitting={flow.submitting} error={flow.submitError} onSign={flow.signOff} />
          ) : (
            <ResidentActions view={view} submitting={flow.submitting} error={flow.submitError} onAccept={flow.accept} onReject={flow.reject} />
          )}
          <AcceptanceHistory householdId={householdId} inspections={earlier} records={earlierRecords} />
        </>
      ) : null}
    </>
  )
}
