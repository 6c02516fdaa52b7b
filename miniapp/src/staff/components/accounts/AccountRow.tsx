import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AssignableScope, StaffAccountView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { confirmDisabledChange, useAccountUpdate } from '../../../hooks/accounts'
import { ChoiceButtons } from './ChoiceButtons'
import { PasswordEditor } from './PasswordEditor'
import { ROLE_SHORT, SCOPE_NOUN } from '../role-text'
import './accounts.css'

interface Props {
  account: StaffAccountView
  /** The caller's own account: the server refuses disabling or re-scoping oneself, so only the password may change. */
  isSelf: boolean
  /** Where the caller may place accounts of this account's role; none means the caller may not manage it. */
  scopes: AssignableScope[]
  onChanged: () => void
}

type Editing = null | 'scope' | 'password'

export function AccountRow({ account, isSelf, scopes, onChanged }: Props) {
  const [editing, setEditing] = useState<Editing>(null)
  const [scopeId, setScopeId] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const update = useAccountUpdate(onChanged)
  const manageable = !isSelf && scopes.length > 0
  const mayResetPassword = manageable || isSelf

  const change = async (request: Parameters<typeof update.run>[1], doneText: string) => {
    setDone(null)
    if (await update.run(account.id, request)) {
      setEditing(null)
      setDone(doneText)
    }
  }

  const toggleDisabled = async () => {
    const disable = !account.disabled
    if (!(await confirmDisabledChange(account, disable))) return
    await change({ disabled: disable }, disable ? '已停用：该账号已无法使用' : '已启用：该账号可以重新登录')
  }

  const savePassword = (request: { password: string; currentPassword?: string }) =>
    void change(request, isSelf ? '已修改密码：其他设备上的登录已退出，下次登录请用新密码' : '已重置密码：该账号已登录的设备需用新密码重新登录，请把新密码告知对方')

  const newScope = scopes.find((scope) => scope.id === scopeId)

  return (
    <View className={`card account-row ${account.disabled ? 'account-row--disabled' : ''}`} data-username={account.username}>
      <View className='account-row__head'>
        <Text className='account-row__name'>
          {account.displayName}
          {isSelf ? '（本人）' : ''}
        </Text>
        {account.disabled ? <Text className='state-badge state-badge--failed account-disabled-badge'>已停用</Text> : null}
      </View>
      <Text className='text-body account-row__username'>用户名：{account.username}</Text>
      <Text className='text-body account-row__role'>
        {ROLE_SHORT[account.role]} · <Text className='account-row__scope'>{account.scopeName}</Text>
      </Text>
      {done ? (
        <View className='done-message account-done' role='status'>
          <Text>{done}</Text>
        </View>
      ) : null}
      <ErrorNotice message={update.error} className='account-update-error' />

      {isSelf ? <Text className='text-secondary'>这是您正在使用的账号：可以修改密码，不能停用或调整范围。</Text> : null}

      {manageable && editing === 'scope' ? (
        <View className='account-edit'>
          <Text className='field-label'>调整到哪个{SCOPE_NOUN[account.role]}</Text>
          <Text className='text-secondary'>调整后立即生效：该账号只能看到新范围。</Text>
          <ChoiceButtons
            className='account-rescope-choices'
            choices={scopes.map((scope) => ({ value: scope.id, label: scope.name }))}
            selected={scopeId ?? account.scope.id}
            onSelect={setScopeId}
          />
          <BigButton
            className='account-rescope-save'
            disabled={!newScope || newScope.id === account.scope.id}
            loading={update.submitting}
            onClick={() => newScope && void change({ scopeId: newScope.id }, `已调整范围：${newScope.name}`)}
          >
            保存新范围
          </BigButton>
          <BigButton variant='link' className='account-edit-cancel' onClick={() => setEditing(null)}>
            取消
          </BigButton>
        </View>
      ) : null}

      {mayResetPassword && editing === 'password' ? (
        <PasswordEditor
          username={account.username}
          isSelf={isSelf}
          submitting={update.submitting}
          currentPasswordError={update.currentPasswordError}
          onSave={savePassword}
          onCancel={() => setEditing(null)}
        />
      ) : null}

      {mayResetPassword && editing === null ? (
        <View className='account-actions'>
          {manageable ? (
            <BigButton
              variant='secondary'
              className='account-rescope'
              onClick={() => {
                setScopeId(null)
                setEditing('scope')
              }}
            >
              调整范围
            </BigButton>
          ) : null}
          <BigButton
            variant='secondary'
            className='account-reset-password'
            onClick={() => setEditing('password')}
          >
            {isSelf ? '修改我的密码' : '重置密码'}
          </BigButton>
          {manageable ? (
            <BigButton
              variant='secondary'
              className={account.disabled ? 'account-enable' : 'account-disable'}
              loading={update.submitting}
              onClick={() => void toggleDisabled()}
            >
              {account.disabled ? '启用账号' : '停用账号'}
            </BigButton>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
