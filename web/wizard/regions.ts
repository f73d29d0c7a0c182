// China's provinces → the usual sales regions (华东/华北/…), for the mapping method's one-click suggestion.
export const CHINA_REGIONS: Readonly<Record<string, readonly string[]>> = {
  华东: ['上海', '江苏', '浙江', '安徽', '福建', '江西', '山东'],
  华北: ['北京', '天津', '河北', '山西', '内蒙古'],
  华中: ['河南', '湖北', '湖南'],
  华南: ['广东', '广西', '海南', '香港', '澳门'],
  西南: ['重庆', '四川', '贵州', '云南', '西藏'],
  西北: ['陕西', '甘肃', '青海', '宁夏', '新疆'],
  东北: ['辽宁', '吉林', '黑龙江'],
};

/** The region of a province written with or without 省/市/自治区 (浙江省 → 华东). */
export function regionOf(value: string): string | null {
  const v = value.trim().replace(/(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
  for (const [region, list] of Object.entries(CHINA_REGIONS)) if (list.includes(v)) return region;
  return null;
}
