export default definePageConfig({
  navigationBarTitleText: '摸排登记',
})
