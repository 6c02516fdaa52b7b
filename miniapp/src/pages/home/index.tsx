import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ConsultationList } from '../../components/ConsultationList'
import { EmptyHouseholds } from '../../components/EmptyHouseholds'
import { HouseholdList } from '../../components/HouseholdList'
import { InboxEntry } from '../../components/InboxEntry'
import { LargeTypeSwitch } from '../../components/LargeTypeSwitch'
import { SupervisionEntry, WorksEntry } from '../../components/WorksEntry'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useMyConsultations } from '../../hooks/consultations'
import { useUnreadCount } from '../../hooks/inbox'
import { useMySupervision } from '../../hooks/my-acceptance-supervision'
import { useMyWorkPlans } from '../../hooks/my-works'
import { useMe } from '../../hooks/resident'
import { HomePlanEntry } from '../../publicity/components/PlanEntry'
import { HomePublicityEntry } from '../../publicity/components/PublicityEntry'
import { Routes, withParams } from '../../lib/routes'
import './index.css'

export default function HomePage() {
  const me = useMe()
  const consultations = useMyConsultations()
  const unread = useUnreadCount()
  // Home only offers the way in: a failed read shows no card (the booking page says why).
  const works = useMyWorkPlans()
  // Empty for everyone but owner supervisors; a failed read shows nothing either.
  const supervision = useMySupervision()
  const households = me.data?.households ?? []
  const openBind = () => void Taro.navigateTo({ url: Routes.bind })
  const todo = (consultations.data ?? []).filter((entry) => entry.canAnswer && entry.answer === null).length

  return (
    <Screen className='home'>
      <View className='page-header'>
        <Text className='page-title'>邻议</Text>
        <Text className='text-secondary'>老旧小区改造 · 居民意见征询</Text>
      </View>
      <LargeTypeSwitch />
      {households.length > 0 || (unread.count ?? 0) > 0 ? (
        <InboxEntry unread={unread.count} onOpen={() => void Taro.navigateTo({ url: Routes.inbox })} />
      ) : null}

      {households.length > 0 ? (
        <WorksEntry
          plans={works.data ?? []}
          onOpen={() => void Taro.navigateTo({ url: Routes.myBooking })}
          onOpenAcceptance={(plan) => void Taro.navigateTo({ url: withParams(Routes.myAcceptance, { householdId: plan.householdId, workPlanId: plan.workPlanId }) })}
        />
      ) : null}
      {households.length > 0 ? <SupervisionEntry plans={supervision.data ?? []} onOpen={() => void Taro.navigateTo({ url: Routes.mySupervision })} /> : null}

      {households.length > 0 ? (
        <View className='section consultations-section'>
          <Text className='section-title'>待办事项 · 我的意见征询{todo > 0 ? `（${todo}项待填写）` : ''}</Text>
          {consultations.loading && !consultations.data ? <LoadingNotice /> : null}
          {consultations.error ? (
            <View className='card'>
              <ErrorNotice message={consultations.error} />
              <BigButton variant='secondary' onClick={() => void consultations.reload()}>
                重新加载
              </BigButton>
            </View>
          ) : null}
          {consultations.data ? (
            <ConsultationList
              entries={consultations.data}
              onOpen={(entry) =>
                void Taro.navigateTo({ url: withParams(Routes.consultation, { id: entry.consultation.id, household: entry.householdId }) })
              }
            />
          ) : null}
        </View>
      ) : null}

      {households.length > 0 ? <HomePlanEntry households={households} /> : null}
      {households.length > 0 ? <HomePublicityEntry households={households} /> : null}

      <View className='section'>
        <Text className='section-title'>我的房屋</Text>
        {me.loading && !me.data ? <LoadingNotice /> : null}
        {me.error ? (
          <View className='card'>
            <ErrorNotice message={me.error} />
            <BigButton variant='secondary' className='retry-button' onClick={() => void me.reload()}>
              重新加载
            </BigButton>
          </View>
        ) : null}
        {me.data && households.length === 0 ? <EmptyHouseholds onBind={openBind} /> : null}
        {households.length > 0 ? (
          <>
            <HouseholdList
              households={households}
              onOpenScreening={(household) => void Taro.navigateTo({ url: withParams(Routes.myScreening, { householdId: household.id }) })}
            />
            <BigButton variant='secondary' id='bind-another' className='bind-entry' onClick={openBind}>
              再绑定一套房屋
            </BigButton>
          </>
        ) : null}
      </View>

      <View className='page-footer'>
        <Button className='staff-entry' onClick={() => void Taro.navigateTo({ url: Routes.staffLogin })}>
          工作人员入口
        </Button>
        <Button className='staff-entry privacy-entry' onClick={() => void Taro.navigateTo({ url: Routes.privacyGuide })}>
          用户隐私保护指引
        </Button>
      </View>
    </Screen>
  )
}
