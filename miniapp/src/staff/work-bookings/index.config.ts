export default definePageConfig({
  navigationBarTitleText: '入户名单与预约',
})
