export default definePageConfig({ navigationBarTitleText: '机构库' });
