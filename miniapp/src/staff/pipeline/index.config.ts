export default definePageConfig({
  navigationBarTitleText: '改造进度',
})
