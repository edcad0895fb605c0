export default definePageConfig({
  navigationBarTitleText: '班级签到'
})
