export default definePageConfig({ navigationBarTitleText: '开班审核' });
