export default definePageConfig({
  navigationBarTitleText: '持证通'
})
