export default definePageConfig({
  navigationBarTitleText: '邻议 · 我的房屋',
})
