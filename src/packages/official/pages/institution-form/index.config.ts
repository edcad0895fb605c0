export default definePageConfig({ navigationBarTitleText: '机构信息' });
