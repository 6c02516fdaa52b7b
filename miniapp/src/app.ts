import type { PropsWithChildren } from 'react'
import { installPrivacyPrompt } from './api/wechat/privacy'
import './app.css'

// Before any page can ask for a photo or a file, WeChat must know who shows the privacy dialog.
installPrivacyPrompt()

// Each page renders its own <Screen>; the app shell only hosts them.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
