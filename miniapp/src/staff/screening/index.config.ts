export default definePageConfig({
  navigationBarTitleText: '特殊困难户摸排',
})
