/**
 * A consultation being written in the console, one module per role under `lib/draft/`: the shapes,
 * defaults per kind, list items, Asia/Shanghai times, field checks in Chinese, the request and
 * preview, and local storage. Kept as one import for the hooks; pure: no Taro, no React.
 */
export * from './draft/types'
export * from './draft/items'
export * from './draft/defaults'
export * from './draft/times'
export * from './draft/validation'
export * from './draft/request'
export * from './draft/storage'
