import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { StaffAction } from '@linyi/shared'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCompoundHouseholds, useCompoundStructure, useInviteCodes } from '../../hooks/staff'
import { useCompoundConsultations } from '../../hooks/staff-consultations'
import { canDo, useStaffProfile } from '../../hooks/staff-session'
import { Routes, withParams } from '../../lib/routes'
import { BuildingSection } from '../components/BuildingSection'
import { CompoundConsultations } from '../components/CompoundConsultations'
import { ActionButton } from '../components/compound/ActionButton'
import { compoundTree, isNarrowed } from '../components/compound/compound-tree'
import { ConsultationPicker, defaultConsultation } from '../components/compound/ConsultationPicker'
import { HouseholdFilter } from '../components/compound/household-filter.rules'
import { HouseholdSearch } from '../components/compound/HouseholdSearch'
import { CONTACTS_MASKED } from '../components/role-text'
import { LoadFailure } from '../components/LoadFailure'
import { PublicityRoutes } from '../components/publicity/publicity-routes'
import { PIPELINE_ROUTE } from '../components/pipeline/pipeline-routes'
import '../staff.css'
import '../components/compound/compound.css'

const go = (url: string) => void Taro.navigateTo({ url })

/** A compound of any size: its consultations, then its buildings folded to their figures, searchable. */
export default function StaffCompoundPage() {
  const compoundId = decodeURIComponent(useRouter().params.id ?? '')
  const profile = useStaffProfile()
  const withStates = canDo(profile, StaffAction.ViewHouseholdStates)
  // Street and admin staff get owners' names masked (王**) and no phones: searching by owner works on the surname only.
  const contactsMasked = withStates && !canDo(profile, StaffAction.ViewResidentContacts)
  const structure = useCompoundStructure(compoundId)
  const consultations = useCompoundConsultations(compoundId)
  const invites = useInviteCodes()

  const [pickedId, setPickedId] = useState<string | null>(null)
  const list = consultations.data ?? []
  const picked = list.find((c) => c.id === pickedId) ?? defaultConsultation(list)
  // Wait for the consultations, so the first answers asked for are the default consultation's.
  const states = useCompoundHouseholds(compoundId, picked?.id ?? null, withStates && !consultations.loading)
  const current = states.data && states.data.consultationId === (picked?.id ?? null) ? states.data.households : null

  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState(HouseholdFilter.All)
  const narrowing = { query, filter }
  const narrowed = isNarrowed(narrowing)
  const tree = useMemo(
    () => (structure.data ? compoundTree(structure.data, withStates ? current : null, { query, filter }) : []),
    [structure.data, withStates, current, query, filter],
  )
  const found = narrowed ? tree.reduce((sum, b) => sum + b.shownCount, 0) : null
  const data = structure.data

  return (
    <Screen className='staff-compound'>
      <View className='page-header'>
        <Text className='page-title'>{data?.name ?? '小区'}</Text>
        <Text className='text-secondary'>
          {withStates ? '查看征询进度、查找和跟进住户、为住户生成邀请码。' : '查看本小区的征询进度（只读）。'}
        </Text>
      </View>
      <ActionButton profile={profile} action={StaffAction.ViewPipeline} className='compound-pipeline-entry' wrapperClassName='compound-action' text='改造进度' onClick={() => go(withParams(PIPELINE_ROUTE, { id: compoundId }))} />
      <ActionButton profile={profile} action={StaffAction.AuthorConsultation} wrapperClassName='compound-action' text='发起征询' onClick={() => go(withParams(Routes.staffAuthor, { compoundId }))} />
      <ActionButton profile={profile} action={StaffAction.UploadRoster} wrapperClassName='compound-action' text='导入名册' onClick={() => go(withParams(Routes.staffRoster, { compoundId }))} />
      <ActionButton
        profile={profile}
        action={StaffAction.ViewScreeningCounts}
        className='compound-screening-entry'
        wrapperClassName='compound-action'
        text={canDo(profile, StaffAction.ScreenHouseholds) ? '特殊困难户摸排' : '特殊困难户摸排（只看户数）'}
        onClick={() => go(withParams(Routes.staffScreening, { compoundId }))}
      />
      <ActionButton profile={profile} action={StaffAction.ViewWorks} className='compound-works-entry' wrapperClassName='compound-action' text='入户施工' onClick={() => go(withParams(Routes.staffWorks, { compoundId }))} />
      <ActionButton profile={profile} action={StaffAction.ViewBoards} className='compound-boards-entry' wrapperClassName='compound-action' text='公示牌' onClick={() => go(withParams(PublicityRoutes.staffBoards, { compoundId }))} />
      <ActionButton profile={profile} action={StaffAction.ViewComplaints} className='compound-complaints-entry' wrapperClassName='compound-action' text='意见建议' onClick={() => go(withParams(PublicityRoutes.staffComplaints, { compoundId }))} />
      <ActionButton profile={profile} action={StaffAction.ViewSurveyResults} className='compound-surveys-entry' wrapperClassName='compound-action' text='问卷调查' onClick={() => go(withParams(PublicityRoutes.staffSurveys, { compoundId }))} />
      <CompoundConsultations
        consultations={consultations.data}
        loading={consultations.loading}
        error={consultations.error}
        openLabel={canDo(profile, StaffAction.ViewChaseList) ? '查看进度和待跟进住户' : '查看进度'}
        onOpen={(consultation) => go(withParams(Routes.staffConsultation, { id: consultation.id }))}
      />

      <Text className='section-title'>楼栋与住户</Text>
      {structure.loading && !data ? <LoadingNotice /> : null}
      {structure.error ? <LoadFailure message={structure.error} status={structure.errorStatus} onRetry={() => void structure.reload()} /> : null}
      {data && data.buildings.length === 0 ? (
        <View className='card compound-empty'>
          <Text className='text-body'>
            这个小区还没有导入住户名册。{canDo(profile, StaffAction.UploadRoster) ? '请点上面的“导入名册”上传。' : '居委会导入名册后，楼栋和住户会显示在这里。'}
          </Text>
        </View>
      ) : null}
      {data && data.buildings.length > 0 ? (
        <>
          {withStates ? <ConsultationPicker consultations={list} pickedId={picked?.id ?? null} onPick={setPickedId} /> : null}
          <HouseholdSearch query={query} onQuery={setQuery} filter={filter} onFilter={setFilter} withStates={withStates} contactsMasked={contactsMasked} withAnswers={picked !== null} found={found} />
          {contactsMasked && profile && current ? <Text className='text-secondary compound-contacts-masked'>{CONTACTS_MASKED[profile.role]}</Text> : null}
          {withStates && states.loading && !current ? <LoadingNotice text='正在读取各户情况…' /> : null}
          {withStates && states.error ? <LoadFailure message={states.error} status={states.errorStatus} onRetry={() => void states.reload()} /> : null}
          {tree.map((building) => (
            <BuildingSection
              key={`${building.id}:${query}:${filter}`}
              building={building}
              narrowed={narrowed}
              withStates={withStates && current !== null}
              consultation={current ? picked : null}
              profile={profile}
              issued={invites.byHousehold}
              onIssue={(id) => void invites.issue(id)}
            />
          ))}
        </>
      ) : null}
    </Screen>
  )
}
