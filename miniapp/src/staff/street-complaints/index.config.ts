export default definePageConfig({
  navigationBarTitleText: '各小区意见建议',
})
