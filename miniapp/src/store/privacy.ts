import { useSyncExternalStore } from 'react'

/** The id WeChat checks: `resolve({ event: 'agree', buttonId })` must name the button the user tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

type Listener = () => void
const listeners = new Set<Listener>()
// Every interface waiting for the answer: WeChat may hold several at once, one answer settles all.
let waiting: Array<(agreed: boolean) => void> = []

const notify = () => listeners.forEach((listener) => listener())

/** Shows the privacy dialog on the current screen; resolves with the user's answer. */
export function askForPrivacyAgreement(): Promise<boolean> {
  return new Promise((resolve) => {
    waiting.push(resolve)
    if (waiting.length === 1) notify()
  })
}

/** The user's answer in the dialog (or on the guide page): settles every waiting interface. */
export function answerPrivacy(agreed: boolean): void {
  const settled = waiting
  waiting = []
  notify()
  settled.forEach((resolve) => resolve(agreed))
}

const isAsked = () => waiting.length > 0

function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** True while an interface waits for the user to agree to the privacy guide. */
export function usePrivacyAsked(): boolean {
  return useSyncExternalStore(subscribe, isAsked, isAsked)
}
