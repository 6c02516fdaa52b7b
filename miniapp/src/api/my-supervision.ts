import { endpoints } from './endpoints'
import { call } from './http'

// Its own file: home asks for it, and the rest of acceptance-resident.ts is the acceptance subpackage's alone.

/** What an owner supervisor may sign off; empty for everyone else. */
export const fetchMySupervision = () => call(endpoints.mySupervision)
