import { Text, View } from '@tarojs/components'
import './roster.css'

const COLUMNS: Array<{ name: string; detail: string }> = [
  { name: '楼栋', detail: '如“3号楼”，也可只写“3”' },
  { name: '单元', detail: '如“2单元”，也可只写“2”' },
  { name: '房号', detail: '如“501”' },
  { name: '楼层', detail: '整数，如“5”；地下室写负数' },
  { name: '面积', detail: '建筑面积，单位平方米，如“86.5”' },
  { name: '业主姓名', detail: '房产证上的业主' },
  { name: '电话', detail: '手机号或座机号，可以不填' },
]

/** What the file must hold, in the committee's words: the server reads these headers in any order. */
export function RosterColumnsHelp() {
  return (
    <View className='card roster-help'>
      <Text className='section-title'>名单的格式</Text>
      <Text className='text-body'>第一行是表头，之后每行一户，共 7 列：</Text>
      {COLUMNS.map((column) => (
        <View key={column.name} className='roster-help__column'>
          <Text className='roster-help__name'>{column.name}</Text>
          <Text className='text-body'>{column.detail}</Text>
        </View>
      ))}
      <Text className='text-secondary roster-help__rules'>
        同一户（楼栋、单元、房号相同）再次导入时会更新其信息。只要有一行有误，整个文件都不会导入，请改正后重新上传。一次最多 5000 户、文件不超过 5 MB。
      </Text>
    </View>
  )
}
