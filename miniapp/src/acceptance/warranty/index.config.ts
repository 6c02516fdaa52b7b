export default definePageConfig({
  navigationBarTitleText: '保修与报修',
})
