export default definePageConfig({
  navigationBarTitleText: '机构考核评估'
})
