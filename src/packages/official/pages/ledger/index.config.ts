export default definePageConfig({
  navigationBarTitleText: '台账'
})
