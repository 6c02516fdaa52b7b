export default definePageConfig({
  navigationBarTitleText: '单元摸排名单',
})
