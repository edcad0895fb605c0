export default definePageConfig({
  navigationBarTitleText: '人社工作台'
})
