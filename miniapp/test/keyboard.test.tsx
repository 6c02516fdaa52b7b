import { fireEvent, render, screen } from '@testing-library/react'
import { resetTaro } from './taro-mock'
import { BigButton } from '../src/components/BigButton'
import { DisclosureChecklist } from '../src/consult/components/DisclosureChecklist'

const env = process.env.TARO_ENV
beforeEach(() => {
  resetTaro()
  process.env.TARO_ENV = 'h5'
})
afterEach(() => {
  process.env.TARO_ENV = env
})

it('on H5 a button is a focusable button that Enter and Space press', () => {
  const pressed = jest.fn()
  render(<BigButton onClick={pressed}>提交</BigButton>)
  const button = screen.getByRole('button', { name: '提交' })
  expect(button.getAttribute('tabindex')).toBe('0')
  fireEvent.keyDown(button, { key: 'Enter' })
  fireEvent.keyDown(button, { key: ' ' })
  fireEvent.keyDown(button, { key: 'a' })
  expect(pressed).toHaveBeenCalledTimes(2)
})

it('an inactive button is skipped by Tab and ignores keys', () => {
  const pressed = jest.fn()
  render(
    <BigButton onClick={pressed} disabled>
      提交
    </BigButton>,
  )
  const button = screen.getByRole('button', { name: '提交' })
  expect(button.getAttribute('tabindex')).toBe('-1')
  fireEvent.keyDown(button, { key: 'Enter' })
  expect(pressed).not.toHaveBeenCalled()
})

it('a disclosure is a tick box the keyboard can tick', () => {
  const toggle = jest.fn()
  render(<DisclosureChecklist disclosures={[{ id: 'd1', text: '施工期间停水' }]} ticked={{}} onToggle={toggle} />)
  const box = screen.getByRole('checkbox')
  expect(box.getAttribute('tabindex')).toBe('0')
  fireEvent.keyDown(box, { key: ' ' })
  expect(toggle).toHaveBeenCalledWith('d1')
})

it('weapp has native buttons: nothing added', () => {
  process.env.TARO_ENV = 'weapp'
  const { container } = render(<BigButton onClick={() => undefined}>提交</BigButton>)
  expect(container.querySelector('.big-button')!.getAttribute('tabindex')).toBeNull()
})
