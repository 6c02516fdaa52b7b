import { View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../../components/BigButton'
import { PASSWORD_HINT, passwordProblem } from './account-form.rules'
import { TextField } from './TextField'
import './accounts.css'

interface Props {
  username: string
  /** One's own password: the current one is asked for, as the server requires. */
  isSelf: boolean
  submitting: boolean
  /** The server's word on the current password (wrong), shown under that field. */
  currentPasswordError: string | null
  onSave: (change: { password: string; currentPassword?: string }) => void
  onCancel: () => void
}

/** A new password for an account; for one's own, the current one first. */
export function PasswordEditor({ username, isSelf, submitting, currentPasswordError, onSave, onCancel }: Props) {
  const [currentPassword, setCurrentPassword] = useState('')
  const [password, setPassword] = useState('')
  const [currentError, setCurrentError] = useState<string | null>(null)
  const [passwordError, setPasswordError] = useState<string | null>(null)

  const save = () => {
    const missingCurrent = isSelf && !currentPassword ? '请填写当前密码' : null
    const problem = passwordProblem(password, username)
    setCurrentError(missingCurrent)
    setPasswordError(problem)
    if (!missingCurrent && !problem) onSave(isSelf ? { password, currentPassword } : { password })
  }

  return (
    <View className='account-edit'>
      {isSelf ? (
        <>
          <TextField
            label='当前密码'
            name='account-current-password'
            password
            value={currentPassword}
            maxlength={128}
            placeholder='请输入现在使用的密码'
            error={currentError ?? currentPasswordError}
            onChange={(value) => {
              setCurrentPassword(value)
              setCurrentError(null)
            }}
          />
        </>
      ) : null}
      <TextField
        label='新密码'
        hint={isSelf ? '修改后，其他手机和电脑上的登录会退出，需用新密码重新登录。' : PASSWORD_HINT}
        name='account-new-password'
        password
        value={password}
        maxlength={128}
        placeholder='请输入新密码'
        error={passwordError}
        onChange={(value) => {
          setPassword(value)
          setPasswordError(null)
        }}
      />
      <BigButton className='account-password-save' loading={submitting} onClick={save}>
        保存新密码
      </BigButton>
      <BigButton variant='link' className='account-edit-cancel' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
