import Taro from '@tarojs/taro'

export const Routes = {
  home: '/pages/home/index',
  bind: '/pages/bind/index',
  inbox: '/pages/inbox/index',
  consultation: '/consult/detail/index',
  staffLogin: '/staff/login/index',
  staffCompounds: '/staff/compounds/index',
  staffCompound: '/staff/compound/index',
  staffConsultation: '/staff/consultation/index',
  staffHome: '/staff/home/index',
  staffDashboard: '/staff/dashboard/index',
  staffProgress: '/staff/progress/index',
  staffAuthor: '/staff/author/index',
  staffRoster: '/staff/roster/index',
  staffAccounts: '/staff/accounts/index',
  staffScreening: '/staff/screening/index',
  staffScreeningUnit: '/staff/screening-unit/index',
  staffScreeningHousehold: '/staff/screening-household/index',
  staffCarePlan: '/staff/care-plan/index',
  staffAccessLog: '/staff/access-log/index',
  myScreening: '/household/screening/index',
  staffWorks: '/staff/works/index',
  staffWorkPlan: '/staff/work-plan/index',
  staffWorkBookings: '/staff/work-bookings/index',
  myBooking: '/works/booking/index',
  staffAcceptance: '/staff/acceptance/index',
  staffInspection: '/staff/inspection/index',
  staffRepairs: '/staff/repairs/index',
  myAcceptance: '/acceptance/detail/index',
  myWarranty: '/acceptance/warranty/index',
  mySupervision: '/acceptance/supervision/index',
  privacyGuide: '/about/privacy/index',
} as const

/** Back to the previous screen, or to `fallback` when the screen was opened directly (e.g. a shared H5 link). */
export function goBackOr(fallback: string): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack()
  } else {
    void Taro.reLaunch({ url: fallback })
  }
}

/** A route with its query, each value encoded. */
export function withParams(route: string, params: Record<string, string>): string {
  const query = Object.entries(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${route}?${query}` : route
}
