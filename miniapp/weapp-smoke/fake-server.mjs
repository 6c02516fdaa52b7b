// A fake API answering wx.request from a map "METHOD /path" -> response, so pages see realistic data.

/** A 200 answer with this JSON body. */
export const ok = (body) => ({ status: 200, body })
/** A refusal as the real server sends it. */
export const fail = (status, code, message) => ({ status, body: { statusCode: status, code, message } })

/**
 * routes: { 'GET /me': ok({...}) | (request) => response }; paths are under /api and without the query.
 * Unknown routes answer 404 so a page shows its error state instead of waiting forever.
 */
export function createFakeServer(initialRoutes = {}) {
  let routes = { ...initialRoutes }
  const requests = []
  return {
    requests,
    /** Swaps the answers, e.g. after the resident bound a household. */
    serve(next) {
      routes = { ...routes, ...next }
    },
    handle({ method = 'GET', url, data }) {
      const { pathname, search } = new URL(url, 'http://fake.invalid')
      const apiPath = pathname.replace(/^\/api(?=\/)/, '')
      const key = `${method.toUpperCase()} ${apiPath}`
      const request = { key, query: search, data }
      requests.push(request)
      const route = routes[key]
      const answer = typeof route === 'function' ? route(request) : route
      return answer ?? fail(404, 'NOT_FOUND', `no fake route for ${key}`)
    },
    /** The "METHOD /path" keys asked so far, in order. */
    asked() {
      return requests.map((request) => request.key)
    },
  }
}
