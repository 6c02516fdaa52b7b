export default definePageConfig({
  navigationBarTitleText: '小区改造',
})
