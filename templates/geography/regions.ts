// China's provinces (省级行政区) by region (七大地理分区, plus 港澳台), with full, short and English names,
// and major cities. Data for geography/template.ts and for the sample-data generators.

export type RegionKey = 'east' | 'north' | 'central' | 'south' | 'southwest' | 'northwest' | 'northeast' | 'hmt';

export interface Province {
  readonly full: string;
  readonly short: string;
  readonly en: readonly string[];
  readonly region: RegionKey;
  readonly cities: readonly { readonly zh: string; readonly en: string }[];
}

const c = (zh: string, en: string) => ({ zh, en });

export const PROVINCES: readonly Province[] = [
  // 华东
  { full: '上海市', short: '上海', en: ['Shanghai'], region: 'east', cities: [c('上海', 'Shanghai'), c('浦东', 'Pudong')] },
  { full: '江苏省', short: '江苏', en: ['Jiangsu'], region: 'east', cities: [c('南京', 'Nanjing'), c('苏州', 'Suzhou'), c('无锡', 'Wuxi'), c('常州', 'Changzhou'), c('南通', 'Nantong'), c('徐州', 'Xuzhou'), c('扬州', 'Yangzhou'), c('盐城', 'Yancheng'), c('连云港', 'Lianyungang')] },
  { full: '浙江省', short: '浙江', en: ['Zhejiang'], region: 'east', cities: [c('杭州', 'Hangzhou'), c('宁波', 'Ningbo'), c('温州', 'Wenzhou'), c('嘉兴', 'Jiaxing'), c('绍兴', 'Shaoxing'), c('金华', 'Jinhua'), c('台州', 'Taizhou'), c('湖州', 'Huzhou'), c('义乌', 'Yiwu')] },
  { full: '安徽省', short: '安徽', en: ['Anhui'], region: 'east', cities: [c('合肥', 'Hefei'), c('芜湖', 'Wuhu'), c('蚌埠', 'Bengbu'), c('马鞍山', "Ma'anshan"), c('安庆', 'Anqing')] },
  { full: '福建省', short: '福建', en: ['Fujian'], region: 'east', cities: [c('福州', 'Fuzhou'), c('厦门', 'Xiamen'), c('泉州', 'Quanzhou'), c('漳州', 'Zhangzhou'), c('莆田', 'Putian')] },
  { full: '江西省', short: '江西', en: ['Jiangxi'], region: 'east', cities: [c('南昌', 'Nanchang'), c('赣州', 'Ganzhou'), c('九江', 'Jiujiang'), c('景德镇', 'Jingdezhen'), c('上饶', 'Shangrao')] },
  { full: '山东省', short: '山东', en: ['Shandong'], region: 'east', cities: [c('济南', 'Jinan'), c('青岛', 'Qingdao'), c('烟台', 'Yantai'), c('潍坊', 'Weifang'), c('临沂', 'Linyi'), c('淄博', 'Zibo'), c('济宁', 'Jining'), c('威海', 'Weihai')] },
  // 华北
  { full: '北京市', short: '北京', en: ['Beijing', 'Peking'], region: 'north', cities: [c('北京', 'Beijing')] },
  { full: '天津市', short: '天津', en: ['Tianjin'], region: 'north', cities: [c('天津', 'Tianjin')] },
  { full: '河北省', short: '河北', en: ['Hebei'], region: 'north', cities: [c('石家庄', 'Shijiazhuang'), c('唐山', 'Tangshan'), c('保定', 'Baoding'), c('廊坊', 'Langfang'), c('邯郸', 'Handan'), c('秦皇岛', 'Qinhuangdao')] },
  { full: '山西省', short: '山西', en: ['Shanxi'], region: 'north', cities: [c('太原', 'Taiyuan'), c('大同', 'Datong'), c('运城', 'Yuncheng')] },
  { full: '内蒙古自治区', short: '内蒙古', en: ['Inner Mongolia', 'Neimenggu', 'Nei Mongol'], region: 'north', cities: [c('呼和浩特', 'Hohhot'), c('包头', 'Baotou'), c('鄂尔多斯', 'Ordos'), c('赤峰', 'Chifeng')] },
  // 华中
  { full: '河南省', short: '河南', en: ['Henan'], region: 'central', cities: [c('郑州', 'Zhengzhou'), c('洛阳', 'Luoyang'), c('开封', 'Kaifeng'), c('南阳', 'Nanyang'), c('新乡', 'Xinxiang')] },
  { full: '湖北省', short: '湖北', en: ['Hubei'], region: 'central', cities: [c('武汉', 'Wuhan'), c('宜昌', 'Yichang'), c('襄阳', 'Xiangyang'), c('荆州', 'Jingzhou'), c('十堰', 'Shiyan')] },
  { full: '湖南省', short: '湖南', en: ['Hunan'], region: 'central', cities: [c('长沙', 'Changsha'), c('株洲', 'Zhuzhou'), c('湘潭', 'Xiangtan'), c('衡阳', 'Hengyang'), c('岳阳', 'Yueyang'), c('常德', 'Changde')] },
  // 华南
  { full: '广东省', short: '广东', en: ['Guangdong', 'Canton'], region: 'south', cities: [c('广州', 'Guangzhou'), c('深圳', 'Shenzhen'), c('东莞', 'Dongguan'), c('佛山', 'Foshan'), c('珠海', 'Zhuhai'), c('中山', 'Zhongshan'), c('惠州', 'Huizhou'), c('汕头', 'Shantou'), c('江门', 'Jiangmen')] },
  { full: '广西壮族自治区', short: '广西', en: ['Guangxi'], region: 'south', cities: [c('南宁', 'Nanning'), c('柳州', 'Liuzhou'), c('桂林', 'Guilin'), c('北海', 'Beihai')] },
  { full: '海南省', short: '海南', en: ['Hainan'], region: 'south', cities: [c('海口', 'Haikou'), c('三亚', 'Sanya')] },
  // 西南
  { full: '重庆市', short: '重庆', en: ['Chongqing'], region: 'southwest', cities: [c('重庆', 'Chongqing')] },
  { full: '四川省', short: '四川', en: ['Sichuan'], region: 'southwest', cities: [c('成都', 'Chengdu'), c('绵阳', 'Mianyang'), c('宜宾', 'Yibin'), c('德阳', 'Deyang'), c('南充', 'Nanchong'), c('泸州', 'Luzhou')] },
  { full: '贵州省', short: '贵州', en: ['Guizhou'], region: 'southwest', cities: [c('贵阳', 'Guiyang'), c('遵义', 'Zunyi')] },
  { full: '云南省', short: '云南', en: ['Yunnan'], region: 'southwest', cities: [c('昆明', 'Kunming'), c('大理', 'Dali'), c('丽江', 'Lijiang'), c('曲靖', 'Qujing')] },
  { full: '西藏自治区', short: '西藏', en: ['Tibet', 'Xizang'], region: 'southwest', cities: [c('拉萨', 'Lhasa')] },
  // 西北
  { full: '陕西省', short: '陕西', en: ['Shaanxi'], region: 'northwest', cities: [c('西安', "Xi'an"), c('宝鸡', 'Baoji'), c('咸阳', 'Xianyang'), c('榆林', 'Yulin')] },
  { full: '甘肃省', short: '甘肃', en: ['Gansu'], region: 'northwest', cities: [c('兰州', 'Lanzhou'), c('天水', 'Tianshui')] },
  { full: '青海省', short: '青海', en: ['Qinghai'], region: 'northwest', cities: [c('西宁', 'Xining')] },
  { full: '宁夏回族自治区', short: '宁夏', en: ['Ningxia'], region: 'northwest', cities: [c('银川', 'Yinchuan')] },
  { full: '新疆维吾尔自治区', short: '新疆', en: ['Xinjiang'], region: 'northwest', cities: [c('乌鲁木齐', 'Urumqi'), c('克拉玛依', 'Karamay'), c('喀什', 'Kashgar')] },
  // 东北
  { full: '辽宁省', short: '辽宁', en: ['Liaoning'], region: 'northeast', cities: [c('沈阳', 'Shenyang'), c('大连', 'Dalian'), c('鞍山', 'Anshan'), c('锦州', 'Jinzhou')] },
  { full: '吉林省', short: '吉林', en: ['Jilin'], region: 'northeast', cities: [c('长春', 'Changchun'), c('吉林', 'Jilin'), c('延边', 'Yanbian')] },
  { full: '黑龙江省', short: '黑龙江', en: ['Heilongjiang'], region: 'northeast', cities: [c('哈尔滨', 'Harbin'), c('大庆', 'Daqing'), c('齐齐哈尔', 'Qiqihar'), c('牡丹江', 'Mudanjiang')] },
  // 港澳台
  { full: '香港特别行政区', short: '香港', en: ['Hong Kong', 'HK', 'Hong Kong SAR'], region: 'hmt', cities: [c('香港', 'Hong Kong')] },
  { full: '澳门特别行政区', short: '澳门', en: ['Macau', 'Macao', 'Macao SAR'], region: 'hmt', cities: [c('澳门', 'Macau')] },
  { full: '台湾省', short: '台湾', en: ['Taiwan'], region: 'hmt', cities: [c('台北', 'Taipei'), c('高雄', 'Kaohsiung'), c('台中', 'Taichung')] },
];

/** Names of the country field that mean mainland China (compared ignoring case and spaces). */
export const CHINA_NAMES = ['中国', '中国大陆', '中华人民共和国', '大陆', '内地', 'china', 'prc', 'cn', 'mainlandchina', "people'srepublicofchina"];

/** Words in a province or city field that mean abroad. */
export const OVERSEAS_WORDS = ['海外', '国外', '境外', 'overseas', 'abroad', 'foreign', 'international'];

/** Foreign places for the sample data (country, city). */
export const FOREIGN_PLACES: readonly { country: { zh: string; en: string }; city: { zh: string; en: string } }[] = [
  { country: c('新加坡', 'Singapore'), city: c('新加坡', 'Singapore') },
  { country: c('日本', 'Japan'), city: c('东京', 'Tokyo') },
  { country: c('美国', 'United States'), city: c('洛杉矶', 'Los Angeles') },
  { country: c('德国', 'Germany'), city: c('汉堡', 'Hamburg') },
  { country: c('马来西亚', 'Malaysia'), city: c('吉隆坡', 'Kuala Lumpur') },
];

/** The lookup key of a Chinese place name: its first two characters (unique among provinces and the cities above). */
export function zhKey(name: string): string {
  return Array.from(name.trim()).slice(0, 2).join('');
}

/** The lookup key of an English place name: lower case, no spaces, without "province". */
export function enKey(name: string): string {
  return name.replaceAll(' ', '').toLowerCase().replaceAll('province', '');
}
