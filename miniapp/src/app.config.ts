export default defineAppConfig({
  pages: ['pages/home/index', 'pages/bind/index', 'pages/inbox/index'],
  subPackages: [
    // Answering a consultation (forms, signature pad): preloaded from home, see preloadRule.
    {
      root: 'consult',
      pages: ['detail/index'],
    },
    // Staff screens: residents never download them.
    {
      root: 'staff',
      pages: [
        'login/index',
        'home/index',
        'compounds/index',
        'compound/index',
        'consultation/index',
        'dashboard/index',
        'progress/index',
        'author/index',
        'roster/index',
        'accounts/index',
        'screening/index',
        'screening-unit/index',
        'screening-household/index',
        'care-plan/index',
        'access-log/index',
        'works/index',
        'work-plan/index',
        'work-bookings/index',
        'acceptance/index',
        'inspection/index',
        'repairs/index',
        'publicity/index',
        'boards/index',
        'complaints/index',
        'street-complaints/index',
        'surveys/index',
        'survey/index',
        'pipeline/index',
      ],
    },
    // What is recorded about the resident's own household (special needs, consent, withdrawal).
    {
      root: 'household',
      pages: ['screening/index'],
    },
    // Booking the in-home works (入户施工预约): windows, booking, receipt.
    {
      root: 'works',
      pages: ['booking/index'],
    },
    // Acceptance of the works in the flat, the warranty notice, repairs, supervisors' sign-offs.
    {
      root: 'acceptance',
      pages: ['detail/index', 'warranty/index', 'supervision/index'],
    },
    // The privacy guide (用户隐私保护指引): linked from the home screen and from the privacy dialog.
    {
      root: 'about',
      pages: ['privacy/index'],
    },
    // Publicity and the residents' say (issue 12): result boards and objections, material and party boards, complaints, surveys; the compound's renovation stage and advance notice (issue 14).
    {
      root: 'publicity',
      pages: ['result/index', 'boards/index', 'complaints/index', 'survey/index', 'plan/index'],
    },
  ],
  // Only the components a page renders are injected: WeChat's quality scan asks for it.
  lazyCodeLoading: 'requiredComponents',
  // Privacy interfaces wait for the user's agreement to the privacy guide (see docs/wechat-review.md).
  __usePrivacyCheck__: true,
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['consult'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻议',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
  },
})
