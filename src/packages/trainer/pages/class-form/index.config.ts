export default definePageConfig({ navigationBarTitleText: '开班' });
