export default definePageConfig({
  navigationBarTitleText: '业主监督员签字',
})
