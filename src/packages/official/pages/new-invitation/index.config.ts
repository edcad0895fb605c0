export default definePageConfig({ navigationBarTitleText: '邀请人员' });
