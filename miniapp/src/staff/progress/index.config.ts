export default definePageConfig({
  navigationBarTitleText: '各户答复情况',
})
