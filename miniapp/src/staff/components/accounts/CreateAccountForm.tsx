import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { AssignableScope, StaffAccountView, StaffRole } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useCreateAccount } from '../../../hooks/accounts'
import { PASSWORD_HINT, USERNAME_HINT, rolesOffered, scopesFor } from './account-form.rules'
import { ChoiceButtons } from './ChoiceButtons'
import { FieldError } from './FieldError'
import { TextField } from './TextField'
import { ROLE_SHORT, SCOPE_NOUN } from '../role-text'
import './accounts.css'

interface Props {
  scopes: AssignableScope[]
  onCreated: () => void
}

/** A new committee or contractor account (or whatever the caller may create), placed in one scope. */
export function CreateAccountForm({ scopes, onCreated }: Props) {
  const roles = rolesOffered(scopes)
  const [chosenRole, setChosenRole] = useState<StaffRole | null>(null)
  const [chosenScope, setChosenScope] = useState<string | null>(null)
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [created, setCreated] = useState<StaffAccountView | null>(null)

  // One choice on offer is taken without asking.
  const role = chosenRole ?? (roles.length === 1 ? roles[0] : null)
  const roleScopes = scopesFor(scopes, role)
  const scopeId = chosenScope ?? (roleScopes.length === 1 ? roleScopes[0].id : null)

  const handleCreated = useCallback(
    (account: StaffAccountView) => {
      setCreated(account)
      setUsername('')
      setDisplayName('')
      setPassword('')
      onCreated()
    },
    [onCreated],
  )
  const create = useCreateAccount(handleCreated)
  const { fieldErrors } = create

  const submit = () => {
    setCreated(null)
    void create.submit({ role, scopeId, username, displayName, password }, scopes)
  }

  return (
    <View className='card account-create'>
      <Text className='section-title'>新建账号</Text>

      <Text className='field-label'>账号类型</Text>
      <ChoiceButtons
        className='account-role-choices'
        choices={roles.map((value) => ({ value, label: ROLE_SHORT[value] }))}
        selected={role}
        onSelect={(value) => {
          setChosenRole(value as StaffRole)
          setChosenScope(null)
          create.clearField('role')
        }}
      />
      <FieldError message={fieldErrors.role} className='account-role-error' />

      {role ? (
        <>
          <Text className='field-label'>所属{SCOPE_NOUN[role]}</Text>
          <ChoiceButtons
            className='account-scope-choices'
            choices={roleScopes.map((scope) => ({ value: scope.id, label: scope.name }))}
            selected={scopeId}
            onSelect={(value) => {
              setChosenScope(value)
              create.clearField('scopeId')
            }}
          />
          <FieldError message={fieldErrors.scopeId} className='account-scope-error' />
        </>
      ) : null}

      <TextField
        label='用户名'
        hint={USERNAME_HINT}
        name='account-username'
        value={username}
        maxlength={64}
        placeholder='例如 xfl-committee'
        error={fieldErrors.username}
        onChange={(value) => {
          setUsername(value)
          create.clearField('username')
        }}
      />
      <TextField
        label='姓名或单位名称'
        name='account-display-name'
        value={displayName}
        maxlength={60}
        placeholder='例如 幸福里社区居委会 王芳'
        error={fieldErrors.displayName}
        onChange={(value) => {
          setDisplayName(value)
          create.clearField('displayName')
        }}
      />
      <TextField
        label='初始密码'
        hint={PASSWORD_HINT}
        name='account-password'
        password
        value={password}
        maxlength={128}
        placeholder='请输入初始密码'
        error={fieldErrors.password}
        onChange={(value) => {
          setPassword(value)
          create.clearField('password')
        }}
      />

      <ErrorNotice message={create.formError} className='account-create-error' />
      {created ? (
        <View className='done-message account-created' role='status'>
          <Text>
            已创建账号：{created.displayName}（{created.username}）。请把用户名和初始密码告知对方。
          </Text>
        </View>
      ) : null}
      <BigButton className='account-create-submit' loading={create.submitting} onClick={submit}>
        {create.submitting ? '正在创建…' : '创建账号'}
      </BigButton>
    </View>
  )
}
