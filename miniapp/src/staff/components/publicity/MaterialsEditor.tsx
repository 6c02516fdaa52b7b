import { Text, View } from '@tarojs/components'
import { BOARD_LIMITS } from '@linyi/shared'
import type { BoardMaterial } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { TextField } from '../accounts/TextField'
import { MiniButton } from '../MiniButton'
import { blankMaterial } from './boards.rules'

/** The materials used in the works, each with its maker and its factory test report (出厂检验报告). */
export function MaterialsEditor({ materials, onChange }: { materials: BoardMaterial[]; onChange: (materials: BoardMaterial[]) => void }) {
  const edit = (index: number, patch: Partial<BoardMaterial>) => onChange(materials.map((m, i) => (i === index ? { ...m, ...patch } : m)))
  return (
    <View className='boards-materials-editor'>
      {materials.length === 0 ? <Text className='text-secondary boards-none'>还没有填写材料。</Text> : null}
      {materials.map((material, index) => (
        <View key={index} className='boards-row' data-row={index}>
          <View className='works-row'>
            <Text className='boards-row__number'>材料 {index + 1}</Text>
            <MiniButton className='boards-material-remove' onClick={() => onChange(materials.filter((_, i) => i !== index))}>
              删除
            </MiniButton>
          </View>
          <TextField label='材料名称' name='boards-material-name' value={material.name} maxlength={BOARD_LIMITS.text + 10} placeholder='例如：PPR给水管' onChange={(name) => edit(index, { name })} />
          <TextField label='生产厂家' name='boards-material-maker' value={material.maker} maxlength={BOARD_LIMITS.text + 10} placeholder='厂家全称' onChange={(maker) => edit(index, { maker })} />
          <TextField
            label='出厂检验报告'
            name='boards-material-report'
            value={material.testReport}
            maxlength={BOARD_LIMITS.testReport + 10}
            placeholder='报告编号和出具单位'
            onChange={(testReport) => edit(index, { testReport })}
          />
        </View>
      ))}
      {materials.length < BOARD_LIMITS.materials ? (
        <BigButton variant='secondary' className='boards-material-add' onClick={() => onChange([...materials, blankMaterial()])}>
          添加一项材料
        </BigButton>
      ) : (
        <Text className='text-secondary'>最多 {BOARD_LIMITS.materials} 项材料。</Text>
      )}
    </View>
  )
}
