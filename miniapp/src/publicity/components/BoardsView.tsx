import { Text, View } from '@tarojs/components'
import type { CompoundBoards } from '@linyi/shared'
import { formatDateTime } from '../../lib/format'
import { PhoneLink } from '../../works/components/PhoneLink'

/** 公示牌: the materials used with their makers and test reports, who is responsible, the complaint phone, the owner supervisors. */
export function BoardsView({ boards }: { boards: CompoundBoards }) {
  const empty = !boards.materials.length && !boards.parties.length && !boards.complaintPhone && !boards.supervisors.length
  return (
    <View className='boards'>
      {empty ? (
        <View className='card boards-empty'>
          <Text className='text-body'>业委会还没有填写公示牌。填写后，这里会公示使用的材料、各参建单位和投诉电话。</Text>
        </View>
      ) : null}

      {boards.complaintPhone ? (
        <View className='card boards-complaint-phone'>
          <Text className='publicity-card-title'>投诉电话</Text>
          <Text className='boards-phone'>{boards.complaintPhone}</Text>
          <PhoneLink phone={boards.complaintPhone} label='拨打投诉电话' />
        </View>
      ) : null}

      {boards.parties.length ? (
        <View className='section boards-parties'>
          <Text className='section-title'>参建单位和负责人</Text>
          {boards.parties.map((party, index) => (
            <View key={`${party.role}:${index}`} className='card boards-party' id={`boards-party-${index}`}>
              <Text className='kind-tag boards-party__role'>{party.role}</Text>
              <Text className='publicity-card-title boards-party__organisation'>{party.organisation}</Text>
              <Text className='text-body boards-party__person'>负责人：{party.person}</Text>
              {party.phone ? <PhoneLink phone={party.phone} label={`拨打 ${party.person}`} /> : null}
            </View>
          ))}
        </View>
      ) : null}

      {boards.materials.length ? (
        <View className='section boards-materials'>
          <Text className='section-title'>使用的材料</Text>
          {boards.materials.map((material, index) => (
            <View key={`${material.name}:${index}`} className='card boards-material' id={`boards-material-${index}`}>
              <Text className='publicity-card-title boards-material__name'>{material.name}</Text>
              <Text className='text-body boards-material__maker'>生产厂家：{material.maker}</Text>
              <Text className='text-body boards-material__report'>出厂检验报告：{material.testReport}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {boards.supervisors.length ? (
        <View className='section boards-supervisors'>
          <Text className='section-title'>业主监督员</Text>
          <View className='card'>
            <Text className='text-body boards-supervisors__names'>{boards.supervisors.map((s) => s.name).join('、')}</Text>
            <Text className='text-secondary'>业主监督员代表大家查看施工和验收，有问题也可以找他们反映。</Text>
          </View>
        </View>
      ) : null}

      {boards.updatedAt ? <Text className='text-secondary boards-updated'>更新时间：{formatDateTime(boards.updatedAt)}</Text> : null}
    </View>
  )
}
