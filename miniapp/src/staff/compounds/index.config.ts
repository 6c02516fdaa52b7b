export default definePageConfig({
  navigationBarTitleText: '小区与住户',
})
