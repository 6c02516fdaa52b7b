import { Text, View } from '@tarojs/components'
import type { RosterRowError } from '@linyi/shared'
import './roster.css'

/** The server writes "第 3 行：…"; the table has its own 行号 column. */
const withoutRowPrefix = (message: string) => message.replace(/^第\s*\d+\s*行[：:]\s*/, '')

// Focusable, so a keyboard user can scroll it too (ViewProps does not declare tabIndex; H5 passes it on).
const KEYBOARD_SCROLLABLE = { tabIndex: 0 } as Record<string, unknown>

/** One line per wrong row, in file order; scrolls inside itself when the list is long. */
export function RosterErrorTable({ errors }: { errors: RosterRowError[] }) {
  const sorted = [...errors].sort((a, b) => a.row - b.row)
  return (
    <View className='roster-errors' role='table' aria-label='名单中有误的行' {...KEYBOARD_SCROLLABLE}>
      <View className='roster-errors__row roster-errors__head' role='row'>
        <View className='roster-errors__number' role='columnheader'>
          <Text>行号</Text>
        </View>
        <View className='roster-errors__message' role='columnheader'>
          <Text>问题</Text>
        </View>
      </View>
      {sorted.map((error, index) => (
        <View key={`${error.row}-${index}`} className='roster-errors__row roster-error-row' role='row' data-row={error.row}>
          <View className='roster-errors__number' role='cell'>
            <Text>{error.row}</Text>
          </View>
          <View className='roster-errors__message' role='cell'>
            <Text>{withoutRowPrefix(error.message)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
