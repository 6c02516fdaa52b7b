export default definePageConfig({
  navigationBarTitleText: '验收检测',
})
