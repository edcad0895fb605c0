/** The generator's made-up names, employers and places (Lüliang surnames, local employers), and its actors. */

/** The city admin persona (gateway/personas.ts): sets up the institutions and raises the county quotas the year needs (D11). */
export const CITY_ADMIN = 'dev-openid-official-lvliang';
export const SURNAMES = '王张李刘郭杨赵任武冯高薛田梁贾白成马孙康陈韩胡段曹霍乔吴周秦阎许史程牛侯郝温常宋苏雷徐卫侯董裴宁石何崔靳申薛'.split('');
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰玉梅建国红霞文斌志宏海燕鹏飞俊峰晓东亮波春花凤琴云翠萍丽芬永生金宝喜荣旭斌瑞兴元宇浩然嘉欣'.split('');
export const EMPLOYERS = [
  '山西杏花村汾酒厂股份有限公司', '吕梁东义集团', '山西中阳钢铁有限公司', '孝义市鹏飞实业有限公司', '山西焦煤汾西矿业',
  '吕梁市人民医院', '离石区城市建设有限公司', '柳林县联盛能源公司', '交城县金兰化工有限公司', '文水县华兴物流有限公司',
];
export const FAR_EMPLOYERS = ['北京吕梁山护工家政服务有限公司', '天津滨海新区制造有限公司', '浙江宁波港口物流有限公司', '江苏苏州电子科技有限公司', '新加坡建筑工程公司'];
export const FAR_PLACES = ['北京市朝阳区', '天津市滨海新区', '浙江省宁波市', '江苏省苏州市', '广东省深圳市'];
export const ABROAD = ['新加坡', '日本', '阿联酋'];
/** Provinces' counties outside Shanxi a transfer may name (regions.json). */
export const FAR_REGIONS = ['421022', '421081', '210281', '530921'];
export const JOBS = ['焊工', '养老护理员', '家政服务员', '中式烹调师', '电工', '网约配送员', '建筑工人', '普工'];
export const LEVEL_TEXT: Record<number, string> = { 5: '五级', 4: '四级', 3: '三级', 2: '二级', 1: '一级' };
