export default definePageConfig({
  navigationBarTitleText: '入户施工验收',
})
