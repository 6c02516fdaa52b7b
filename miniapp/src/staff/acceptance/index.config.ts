export default definePageConfig({
  navigationBarTitleText: '分户验收',
})
