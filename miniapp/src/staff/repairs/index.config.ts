export default definePageConfig({
  navigationBarTitleText: '保修维修',
})
