import { Text, View } from '@tarojs/components'
import type { AssignableScope, StaffAccountView } from '@linyi/shared'
import { scopesFor } from './account-form.rules'
import { AccountRow } from './AccountRow'
import './accounts.css'

interface Props {
  accounts: StaffAccountView[]
  scopes: AssignableScope[]
  selfId: string
  onChanged: () => void
}

export function AccountList({ accounts, scopes, selfId, onChanged }: Props) {
  if (accounts.length === 0) {
    return (
      <View className='card account-list-empty'>
        <Text className='text-body'>您的范围内还没有工作人员账号。在上方新建居委会或施工单位的账号后，会列在这里。</Text>
      </View>
    )
  }
  return (
    <View className='account-list'>
      {accounts.map((account) => (
        <AccountRow
          key={account.id}
          account={account}
          isSelf={account.id === selfId}
          scopes={scopesFor(scopes, account.role)}
          onChanged={onChanged}
        />
      ))}
    </View>
  )
}
