// Sample customers of the demo workbook (invented companies).
export const DEMO_PROVINCES = [
  { name: '广东', color: '#E8684A' },
  { name: '浙江', color: '#5B8FF9' },
  { name: '江苏', color: '#5AD8A6' },
  { name: '上海', color: '#F6BD16' },
  { name: '北京', color: '#9270CA' },
  { name: '四川', color: '#6DC8EC' },
  { name: '山东', color: '#FF9D4D' },
  { name: '湖北', color: '#269A99' },
] as const;

export interface DemoCustomer {
  name: string;
  province: string;
  industry: string;
  sales: number;
  orders: number;
  lastPurchase: string;
  member: boolean;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  { name: '华信科技有限公司', province: '四川', industry: '批发', sales: 137980, orders: 7, lastPurchase: '2024-06-19', member: false },
  { name: '鼎盛贸易有限公司', province: '上海', industry: '制造业', sales: 4410, orders: 16, lastPurchase: '2025-02-18', member: true },
  { name: '东方明珠百货', province: '浙江', industry: '物流', sales: 132430, orders: 38, lastPurchase: '2024-07-02', member: true },
  { name: '蓝海物流集团', province: '江苏', industry: '软件', sales: 9870, orders: 37, lastPurchase: '2025-05-18', member: true },
  { name: '金桥电子商务', province: '上海', industry: '医药', sales: 4600, orders: 37, lastPurchase: '2024-01-20', member: true },
  { name: '百川医药连锁', province: '山东', industry: '医药', sales: 96750, orders: 20, lastPurchase: '2024-04-26', member: false },
  { name: '瑞丰农业发展', province: '上海', industry: '零售', sales: 59350, orders: 22, lastPurchase: '2025-08-10', member: false },
  { name: '星辰文化传媒', province: '浙江', industry: '服务业', sales: 9850, orders: 32, lastPurchase: '2025-07-02', member: true },
  { name: '恒通汽车配件', province: '四川', industry: '医药', sales: 65900, orders: 38, lastPurchase: '2024-08-03', member: false },
  { name: '同创建筑材料', province: '湖北', industry: '零售', sales: 439280, orders: 29, lastPurchase: '2025-05-23', member: false },
  { name: '海纳软件服务', province: '四川', industry: '制造业', sales: 18410, orders: 40, lastPurchase: '2024-02-16', member: true },
  { name: '新视界眼镜连锁', province: '北京', industry: '批发', sales: 52460, orders: 32, lastPurchase: '2025-02-06', member: true },
  { name: '青禾餐饮管理', province: '北京', industry: '批发', sales: 76430, orders: 27, lastPurchase: '2025-06-22', member: false },
  { name: '万象家居用品', province: '江苏', industry: '零售', sales: 221610, orders: 15, lastPurchase: '2025-01-16', member: true },
  { name: '宏达机械制造', province: '北京', industry: '制造业', sales: 74910, orders: 40, lastPurchase: '2024-10-11', member: false },
  { name: '锦程旅行社', province: '广东', industry: '教育', sales: 93300, orders: 26, lastPurchase: '2025-07-04', member: false },
  { name: '安信财务咨询', province: '广东', industry: '物流', sales: 4100, orders: 8, lastPurchase: '2024-06-20', member: true },
  { name: '绿源环保科技', province: '江苏', industry: '服务业', sales: 4660, orders: 5, lastPurchase: '2025-04-20', member: true },
  { name: '嘉禾母婴用品', province: '北京', industry: '医药', sales: 12870, orders: 8, lastPurchase: '2025-08-15', member: true },
  { name: '天成纺织服饰', province: '浙江', industry: '批发', sales: 64910, orders: 11, lastPurchase: '2024-09-01', member: false },
  { name: '润泽化妆品', province: '四川', industry: '批发', sales: 114180, orders: 20, lastPurchase: '2024-11-28', member: false },
  { name: '长风体育用品', province: '北京', industry: '服务业', sales: 9010, orders: 35, lastPurchase: '2025-09-25', member: true },
  { name: '博雅教育培训', province: '上海', industry: '物流', sales: 310070, orders: 15, lastPurchase: '2025-04-17', member: true },
  { name: '晨光办公用品', province: '广东', industry: '制造业', sales: 56620, orders: 13, lastPurchase: '2025-10-12', member: false },
  { name: '云帆跨境电商', province: '四川', industry: '医药', sales: 4320, orders: 31, lastPurchase: '2024-04-11', member: true },
  { name: '福满楼酒家', province: '广东', industry: '教育', sales: 17900, orders: 8, lastPurchase: '2025-07-26', member: false },
  { name: '启明星智能', province: '湖北', industry: '批发', sales: 145480, orders: 26, lastPurchase: '2025-08-13', member: false },
  { name: '和顺五金交电', province: '江苏', industry: '批发', sales: 179250, orders: 30, lastPurchase: '2025-11-05', member: false },
  { name: '大地粮油批发', province: '湖北', industry: '医药', sales: 5550, orders: 2, lastPurchase: '2025-01-26', member: false },
  { name: '飞鸿快递服务', province: '江苏', industry: '餐饮', sales: 17280, orders: 17, lastPurchase: '2025-04-10', member: true },
];
