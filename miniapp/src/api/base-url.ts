const WEAPP_DEFAULT_API_BASE = 'http://127.0.0.1:3000/api'

/** On H5 the server serves the app and the API from one origin; weapp needs an absolute URL. */
export function apiBase(): string {
  if (process.env.TARO_ENV === 'h5') return '/api'
  const configured = process.env.TARO_APP_API_BASE
  return (configured || WEAPP_DEFAULT_API_BASE).replace(/\/+$/, '')
}
