export default definePageConfig({
  navigationBarTitleText: '街道征询总览',
})
