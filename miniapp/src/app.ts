import type { PropsWithChildren } from 'react'
import './app.css'

// Each page renders its own <Screen>; the app shell only hosts them.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
