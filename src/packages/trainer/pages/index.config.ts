export default definePageConfig({
  navigationBarTitleText: '培训机构工作台'
})
