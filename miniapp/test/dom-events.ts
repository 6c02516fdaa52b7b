/** What a user does on a Taro H5 page, as the components see it. */
import { fireEvent } from '@testing-library/react'

/** Types into a Taro <Input> or <Textarea>: their handlers read the value from the event's detail. */
export const typeInto = (element: Element, value: string) => fireEvent(element, Object.assign(new Event('input', { bubbles: true }), { detail: { value } }))

/**
 * Catches the links an H5 page clicks to save a file (instead of following them) and names the object
 * URLs it makes `objectUrl`; call in beforeEach, with jest.restoreAllMocks() after.
 */
export function catchBrowserDownloads(objectUrl: string): HTMLAnchorElement[] {
  const clicked: HTMLAnchorElement[] = []
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this)
  })
  URL.createObjectURL = jest.fn(() => objectUrl)
  URL.revokeObjectURL = jest.fn()
  return clicked
}
