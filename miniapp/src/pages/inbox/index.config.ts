export default definePageConfig({
  navigationBarTitleText: '邻议 · 消息',
})
