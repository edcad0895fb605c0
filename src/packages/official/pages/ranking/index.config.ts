export default definePageConfig({
  navigationBarTitleText: '排名'
})
