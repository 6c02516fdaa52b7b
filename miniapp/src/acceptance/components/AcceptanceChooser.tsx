import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { useMyAcceptanceChoices } from '../../hooks/my-acceptance'
import { acceptanceEntry } from '../../lib/acceptance-entry'
import { Routes, withParams } from '../../lib/routes'

interface Props {
  /** With exactly one household in acceptance, the page shows it at once. */
  renderOnly: (householdId: string, workPlanId: string) => JSX.Element
}

/** Opened without a household (from a 请验收 message): my households' plans in acceptance, the ones waiting for me first. */
export function AcceptanceChooser({ renderOnly }: Props) {
  const plans = useMyAcceptanceChoices()
  const { choices } = plans
  if (choices.length === 1) return renderOnly(choices[0].householdId, choices[0].workPlanId)
  const loaded = plans.data !== null
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>入户施工验收</Text>
        <Text className='text-secondary'>施工完成、检测合格后，请您查看检测结果并签字验收。</Text>
      </View>
      {plans.loading && !loaded ? <LoadingNotice /> : null}
      {plans.error ? (
        <View className='card'>
          <ErrorNotice message={plans.error} />
          <BigButton variant='secondary' className='acceptance-reload' onClick={() => void plans.reload()}>
            重新加载
          </BigButton>
        </View>
      ) : null}
      {loaded && choices.length === 0 ? (
        <View className='card acceptance-none'>
          <Text className='text-body'>您家目前没有需要验收的入户施工。施工单位检测合格后，社区会在“消息”里通知您。</Text>
          <BigButton variant='secondary' className='acceptance-home' onClick={() => void Taro.reLaunch({ url: Routes.home })}>
            回到首页
          </BigButton>
        </View>
      ) : null}
      {choices.map((plan) => {
        const entry = acceptanceEntry(plan.acceptance!)
        return (
          <View key={`${plan.householdId}:${plan.workPlanId}`} className='card acceptance-choice' id={`acceptance-choice-${plan.householdId}-${plan.workPlanId}`}>
            <Text className='acceptance-card-title'>{plan.title}</Text>
            <Text className='text-body'>房屋：{plan.householdLabel}</Text>
            <Text className={`${entry.chip} acceptance-choice__state`}>{entry.state}</Text>
            <BigButton
              variant={entry.todo ? 'primary' : 'secondary'}
              className='acceptance-choice__open'
              onClick={() => void Taro.navigateTo({ url: withParams(Routes.myAcceptance, { householdId: plan.householdId, workPlanId: plan.workPlanId }) })}
            >
              {entry.button}
            </BigButton>
          </View>
        )
      })}
    </>
  )
}
