export default definePageConfig({
  navigationBarTitleText: '施工计划详情',
})
