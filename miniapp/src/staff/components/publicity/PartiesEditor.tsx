import { Text, View } from '@tarojs/components'
import { BOARD_LIMITS, CONTACT_PHONE_MAX } from '@linyi/shared'
import type { BoardParty } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { TextField } from '../accounts/TextField'
import { MiniButton } from '../MiniButton'
import { blankParty } from './boards.rules'

/** The responsible parties (建设、设计、施工、监理单位): who, and the phone residents may call. */
export function PartiesEditor({ parties, onChange }: { parties: BoardParty[]; onChange: (parties: BoardParty[]) => void }) {
  const edit = (index: number, patch: Partial<BoardParty>) => onChange(parties.map((p, i) => (i === index ? { ...p, ...patch } : p)))
  return (
    <View className='boards-parties-editor'>
      {parties.map((party, index) => (
        <View key={index} className='boards-row' data-row={index}>
          <View className='works-row'>
            <Text className='boards-row__number'>责任单位 {index + 1}</Text>
            <MiniButton className='boards-party-remove' onClick={() => onChange(parties.filter((_, i) => i !== index))}>
              删除
            </MiniButton>
          </View>
          <TextField label='单位类别' name='boards-party-role' value={party.role} maxlength={BOARD_LIMITS.text + 10} placeholder='例如：施工单位' onChange={(role) => edit(index, { role })} />
          <TextField label='单位名称' name='boards-party-organisation' value={party.organisation} maxlength={BOARD_LIMITS.text + 10} placeholder='单位全称' onChange={(organisation) => edit(index, { organisation })} />
          <TextField label='负责人' name='boards-party-person' value={party.person} maxlength={BOARD_LIMITS.text + 10} placeholder='姓名' onChange={(person) => edit(index, { person })} />
          <TextField label='联系电话' name='boards-party-phone' value={party.phone} maxlength={CONTACT_PHONE_MAX + 5} placeholder='手机号或带区号的座机' onChange={(phone) => edit(index, { phone })} />
        </View>
      ))}
      {parties.length < BOARD_LIMITS.parties ? (
        <BigButton variant='secondary' className='boards-party-add' onClick={() => onChange([...parties, blankParty()])}>
          添加一个责任单位
        </BigButton>
      ) : (
        <Text className='text-secondary'>最多 {BOARD_LIMITS.parties} 个责任单位。</Text>
      )}
    </View>
  )
}
