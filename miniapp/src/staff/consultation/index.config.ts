export default definePageConfig({
  navigationBarTitleText: '征询进度与跟进',
})
