export default definePageConfig({
  navigationBarTitleText: '敏感信息查看记录',
})
