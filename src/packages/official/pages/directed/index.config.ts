export default definePageConfig({
  navigationBarTitleText: '定向发券'
})
