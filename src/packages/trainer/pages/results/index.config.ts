export default definePageConfig({
  navigationBarTitleText: '录入鉴定结果'
})
