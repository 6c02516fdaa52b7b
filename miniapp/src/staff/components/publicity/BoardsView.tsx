import { Text, View } from '@tarojs/components'
import type { CompoundBoards } from '@linyi/shared'

/** The boards as residents will read them: materials, responsible parties, the complaint phone. */
export function BoardsView({ boards }: { boards: CompoundBoards }) {
  return (
    <>
      <View className='card boards-materials'>
        <Text className='section-title'>材料公示</Text>
        {boards.materials.length === 0 ? <Text className='text-body boards-none'>还没有公示材料。</Text> : null}
        {boards.materials.map((m, index) => (
          <View key={index} className='boards-line boards-material'>
            <Text className='boards-line__title'>{m.name}</Text>
            <Text className='text-body'>生产厂家：{m.maker}</Text>
            <Text className='text-body'>出厂检验报告：{m.testReport}</Text>
          </View>
        ))}
      </View>
      <View className='card boards-parties'>
        <Text className='section-title'>责任单位</Text>
        {boards.parties.length === 0 ? <Text className='text-body boards-none'>还没有公示责任单位。</Text> : null}
        {boards.parties.map((p, index) => (
          <View key={index} className='boards-line boards-party'>
            <Text className='boards-line__title'>
              {p.role}：{p.organisation}
            </Text>
            <Text className='text-body'>负责人：{p.person}</Text>
            <Text className='text-body boards-party__phone'>联系电话：{p.phone}</Text>
          </View>
        ))}
      </View>
      <View className='card boards-complaint'>
        <Text className='section-title'>投诉电话</Text>
        {boards.complaintPhone ? <Text className='boards-line__title boards-complaint-phone'>{boards.complaintPhone}</Text> : <Text className='text-body boards-none'>还没有填写投诉电话。</Text>}
      </View>
    </>
  )
}

/** The owner supervisors, named by the committee on the acceptance page (read-only here). */
export function BoardSupervisors({ boards }: { boards: CompoundBoards }) {
  return (
    <View className='card boards-supervisors'>
      <Text className='section-title'>业主监督员</Text>
      {boards.supervisors.length === 0 ? <Text className='text-body boards-none'>还没有指定业主监督员（由居委会在“分户验收”页面指定）。</Text> : null}
      {boards.supervisors.map((s) => (
        <Text key={s.householdId} className='text-body boards-supervisor'>
          {s.name}
        </Text>
      ))}
    </View>
  )
}
