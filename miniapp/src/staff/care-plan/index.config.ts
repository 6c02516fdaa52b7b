export default definePageConfig({
  navigationBarTitleText: '照顾方案',
})
