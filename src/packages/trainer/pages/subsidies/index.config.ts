export default definePageConfig({
  navigationBarTitleText: '补贴申领'
})
