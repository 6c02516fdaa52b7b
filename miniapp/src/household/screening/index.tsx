import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useMyScreening } from '../../hooks/my-screening'
import { decodeParam } from '../../consult/link.rules'
import { asksForConsent, householdLinkProblem } from '../screening.rules'
import { CarePlanSummary } from '../components/CarePlanSummary'
import { ConsentGiven, ScreeningConsentCard } from '../components/ScreeningConsentCard'
import { ScreeningProblem } from '../components/ScreeningProblem'
import { ScreeningRecord } from '../components/ScreeningRecord'
import { WithdrawalCard } from '../components/WithdrawalCard'
import '../household.css'

/** 我家的登记信息: the page checks its link before asking the server anything. */
export default function MyScreeningPage() {
  const params = useRouter().params
  const problem = householdLinkProblem(params)
  if (problem) {
    return (
      <Screen className='my-screening'>
        <ScreeningProblem message={problem} />
      </Screen>
    )
  }
  return <MyScreeningScreen householdId={decodeParam(params.householdId)} />
}

function MyScreeningScreen({ householdId }: { householdId: string }) {
  const screening = useMyScreening(householdId)
  const { view, outcome } = screening
  // Reloading cannot help a household that is not the resident's own (404) or a refusal (403).
  const retryable = screening.errorStatus !== 404 && screening.errorStatus !== 403

  return (
    <Screen className='my-screening'>
      <View className='page-header'>
        <Text className='page-title'>我家的登记信息</Text>
        {view ? <Text className='text-secondary screening-household'>房屋：{view.label}</Text> : null}
        <Text className='text-secondary'>施工期间需要照顾的情况。只有居委会和街道工作人员能看到，每次查看都有记录。</Text>
      </View>
      {screening.loading && !view ? <LoadingNotice /> : null}
      {screening.error && !view ? (
        <ScreeningProblem message={screening.error} onReload={retryable ? () => void screening.reload() : undefined} />
      ) : null}
      {view ? (
        <>
          <ScreeningRecord view={view} />
          {view.carePlan ? <CarePlanSummary plan={view.carePlan} /> : null}
          {outcome ? (
            <View className='card screening-outcome' role='status'>
              <Text className='text-body screening-outcome__text'>{outcome}</Text>
            </View>
          ) : null}
          {view.onlineConsentGivenAt ? (
            <ConsentGiven at={view.onlineConsentGivenAt} />
          ) : asksForConsent(view) ? (
            <ScreeningConsentCard
              text={view.consentText}
              submitting={screening.consent.submitting}
              error={screening.consent.error}
              onAgree={() => void screening.consent.run(view)}
            />
          ) : null}
          <WithdrawalCard
            view={view}
            submitting={screening.withdraw.submitting}
            error={screening.withdraw.error}
            onWithdraw={() => void screening.withdraw.run()}
          />
        </>
      ) : null}
    </Screen>
  )
}
