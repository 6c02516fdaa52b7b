import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CONTACT_PHONE_MAX, normalizeContactPhone, windowSpanText } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { pressable } from '../../../components/pressable'
import { FieldError } from '../accounts/FieldError'
import { placesLeft, type CrewWindow } from './crew.rules'
import { phoneProblem } from './plan-form.rules'
import { PriorityBadge } from './WorksParts'

interface Props {
  householdLabel: string
  /** The household's own unit's windows with room (not the one it holds). */
  windows: CrewWindow[]
  moving: boolean
  busy: boolean
  error: string | null
  onConfirm: (windowId: string, contactPhone: string | null) => Promise<boolean>
  onCancel: () => void
}

/** The committee books or moves a household by phone or at the door: a window with room, and the number to ring on the day. */
export function BookingPicker({ householdLabel, windows, moving, busy, error, onConfirm, onCancel }: Props) {
  const [picked, setPicked] = useState<string | null>(null)
  const [phone, setPhone] = useState('')
  const problem = picked === null ? '请先选择一个时段' : phoneProblem(phone)
  const confirm = () => {
    if (!problem && picked) void onConfirm(picked, phone.trim() ? normalizeContactPhone(phone) : null)
  }
  return (
    <View className='works-booking-picker' role='group' aria-label={`为${householdLabel}${moving ? '改约' : '预约'}`}>
      <Text className='section-title'>
        为 {householdLabel} {moving ? '改约到其他时段' : '代为预约'}
      </Text>
      {windows.length === 0 ? <Text className='text-body works-no-room'>本单元没有还有空位的时段了。请联系施工单位增加时段。</Text> : null}
      <View role='radiogroup'>
        {windows.map((window) => {
          const on = window.windowId === picked
          const pick = () => setPicked(window.windowId)
          return (
            <View
              key={window.windowId}
              className={`works-booking-choice ${on ? 'works-booking-choice--on' : ''}`}
              data-window-id={window.windowId}
              role='radio'
              aria-checked={on}
              {...pressable(pick, false, 'radio')}
              onClick={pick}
            >
              <View className='works-row'>
                <Text className='works-booking-choice__span'>
                  {on ? '✓ ' : ''}
                  {windowSpanText(window.startsAt, window.endsAt)}
                </Text>
                {window.priority ? <PriorityBadge /> : null}
              </View>
              <Text className='works-booking-choice__left'>还剩 {placesLeft(window)} 户</Text>
            </View>
          )
        })}
      </View>
      {windows.length > 0 ? (
        <>
          <Text className='field-label'>施工当天联系电话（选填）</Text>
          <Text className='text-secondary'>不填则用名册上这一户的电话。</Text>
          <Input
            className='text-input works-booking-phone'
            nativeProps={{ 'aria-label': '施工当天联系电话' }}
            value={phone}
            maxlength={CONTACT_PHONE_MAX + 10}
            placeholder='例如：13800001111'
            onInput={(e) => setPhone(e.detail.value)}
          />
          <FieldError message={phoneProblem(phone)} className='works-booking-phone-error' />
        </>
      ) : null}
      <ErrorNotice message={error} className='works-booking-error' />
      {windows.length > 0 ? (
        <BigButton className='works-booking-confirm' disabled={problem !== null} loading={busy} onClick={confirm}>
          {busy ? '正在预约…' : (problem ?? (moving ? '确认改约' : '确认预约'))}
        </BigButton>
      ) : null}
      <BigButton variant='link' className='works-booking-cancel' onClick={onCancel}>
        不约了，收起
      </BigButton>
    </View>
  )
}
