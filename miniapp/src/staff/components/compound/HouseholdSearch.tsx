import { Input, Text, View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import { ANSWER_FILTERS, FILTER_LABEL, HouseholdFilter } from './household-filter.rules'

interface Props {
  query: string
  onQuery: (query: string) => void
  filter: HouseholdFilter
  onFilter: (filter: HouseholdFilter) => void
  /** The role sees household states: the chips mean something. */
  withStates: boolean
  /** Owners' names come masked (王**): only the surname can be searched. */
  contactsMasked?: boolean
  /** A consultation is picked: 未答复 and 不同意 mean something. */
  withAnswers: boolean
  /** Households found, when a search or chip is on. */
  found: number | null
}

const FILTERS = [HouseholdFilter.All, HouseholdFilter.Unbound, HouseholdFilter.Unanswered, HouseholdFilter.Refused, HouseholdFilter.Visited]

/** Find a household among hundreds: by room ("1-2-301", "301") or owner ("王"), and by state. */
export function HouseholdSearch({ query, onQuery, filter, onFilter, withStates, contactsMasked = false, withAnswers, found }: Props) {
  const chips = FILTERS.filter((f) => withAnswers || !ANSWER_FILTERS.has(f))
  return (
    <View className='household-search'>
      <Text className='field-label'>查找住户</Text>
      <Input
        id='compound-search-input'
        className='compound-search-input text-input'
        type='text'
        value={query}
        placeholder={withStates ? (contactsMasked ? '房号或业主姓氏，如 1-2-301、301、王' : '房号或业主姓名，如 1-2-301、301、王') : '房号，如 1-2-301 或 301'}
        onInput={(e) => onQuery(e.detail.value)}
      />
      {query ? (
        <BigButton variant='link' className='compound-search-clear' onClick={() => onQuery('')}>
          清除搜索
        </BigButton>
      ) : null}
      {withStates ? (
        <View className='filter-chips'>
          {chips.map((value) => (
            <BigButton
              key={value}
              variant={filter === value ? 'primary' : 'secondary'}
              className={`chip household-filter household-filter--${value.toLowerCase()} ${filter === value ? 'household-filter--on' : ''}`}
              onClick={() => onFilter(value)}
            >
              {FILTER_LABEL[value]}
            </BigButton>
          ))}
        </View>
      ) : null}
      {found !== null ? (
        <Text className='text-body compound-search-count'>{found === 0 ? '没有符合条件的住户。' : `找到 ${found} 户`}</Text>
      ) : null}
    </View>
  )
}
