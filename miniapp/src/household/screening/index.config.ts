export default definePageConfig({
  navigationBarTitleText: '我家的登记信息',
})
