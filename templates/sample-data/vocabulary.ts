// Words the generators draw from: Chinese surnames and given names, company name parts, industries, channels.

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余',
  '欧阳', '司马', '诸葛',
];

export const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '建', '文', '斌', '宇', '浩', '凯', '婷', '雪', '琳', '晨', '欣', '怡', '佳', '子', '涵', '轩',
  '梓', '睿', '博', '思', '雨', '嘉', '俊', '鹏', '志', '海',
];

export const COMPANY_WORDS = [
  '华瑞', '鼎盛', '恒通', '金源', '远航', '博雅', '天成', '瑞丰', '新元', '宏达', '嘉禾', '同创', '盛世', '永信', '汇通',
  '中科', '东方', '卓越', '华信', '凯达', '安泰', '众合', '启明', '润华', '云帆', '蓝海', '星辰', '明德', '泰和', '万象',
];

export interface Industry {
  readonly zh: string;
  readonly en: string;
  /** The word in a company name ("…电子有限公司"). */
  readonly suffix: string;
  readonly weight: number;
}

export const INDUSTRIES: readonly Industry[] = [
  { zh: '机械制造', en: 'Machinery manufacturing', suffix: '机械', weight: 14 },
  { zh: '电子制造', en: 'Electronics manufacturing', suffix: '电子科技', weight: 10 },
  { zh: '批发零售', en: 'Wholesale & retail', suffix: '商贸', weight: 16 },
  { zh: '软件和信息技术服务', en: 'Software & IT services', suffix: '信息技术', weight: 12 },
  { zh: '金融保险', en: 'Finance & insurance', suffix: '投资', weight: 5 },
  { zh: '建筑装饰', en: 'Construction', suffix: '建设工程', weight: 8 },
  { zh: '医药健康', en: 'Pharmaceuticals', suffix: '医药', weight: 7 },
  { zh: '教育培训', en: 'Education & training', suffix: '教育咨询', weight: 5 },
  { zh: '餐饮酒店', en: 'Restaurants & hotels', suffix: '餐饮管理', weight: 7 },
  { zh: '物流运输', en: 'Logistics', suffix: '物流', weight: 6 },
  { zh: '文化传媒', en: 'Media & culture', suffix: '文化传媒', weight: 4 },
];

export const ONLINE_PLATFORMS = [
  { zh: '天猫', en: 'Tmall' },
  { zh: '京东', en: 'JD' },
  { zh: '微信小程序', en: 'WeChat mini program' },
  { zh: '官网商城', en: 'Web store' },
];

export const OFFLINE_PLATFORMS = [
  { zh: '门店', en: 'Store' },
  { zh: '经销商', en: 'Dealer' },
];

export const CHANNELS = {
  online: { zh: '线上', en: 'Online' },
  offline: { zh: '线下', en: 'Offline' },
  mixed: { zh: '混合', en: 'Mixed' },
} as const;

export const KINDS = {
  company: { zh: '企业', en: 'Company' },
  individual: { zh: '个人', en: 'Individual' },
} as const;

/** How customers spread over regions (weights), roughly like a Chinese B2B/B2C business. */
export const REGION_WEIGHTS: Record<string, number> = {
  east: 38, north: 15, south: 16, central: 10, southwest: 10, northwest: 4, northeast: 5, hmt: 2,
};
