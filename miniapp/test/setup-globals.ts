// Build-time constants that Taro's runtime and component proxies read (webpack defines them in real builds).
const buildConstants = [
  'DEPRECATED_ADAPTER_COMPONENT',
  'ENABLE_ADJACENT_HTML',
  'ENABLE_CLONE_NODE',
  'ENABLE_CONTAINS',
  'ENABLE_INNER_HTML',
  'ENABLE_MUTATION_OBSERVER',
  'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT',
]
for (const name of buildConstants) (globalThis as Record<string, unknown>)[name] = false

process.env.TARO_ENV = process.env.TARO_ENV || 'h5'
