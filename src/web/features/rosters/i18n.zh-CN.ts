/** Class rosters, zh-CN (the default language). The English file has exactly these keys. */
export const rostersZhCN = {
  'page.title': '班级名册',
  'page.chooseUnit': '请选择学校或幼儿园',
  'page.privacy':
    '名册是未成年人的个人信息：只保存姓名、班级和接送人（姓名、关系、手机、证件后四位）；' +
    '只有班主任、校长和安全员可以查看，每次查看都会留下记录；学生离校即删除。',
  'page.noClasses': '还没有班级。安全员或校长可以新建班级，或导入名册。',
  'page.noClassesTeacher': '您还不是任何班级的班主任。请安全员在名册中把您设为班主任。',

  'class.pupils': '{n} 名学生',
  'class.noTeacher': '未指定班主任',
  'class.new': '新建班级',
  'class.name': '班级名称',
  'class.namePlaceholder': '如：一年级1班',
  'class.teacher': '班主任',
  'class.teacherHint': '须在本校担任班主任角色',
  'class.created': '已新建班级',
  'class.open': '查看名册',

  'pupil.add': '添加学生',
  'pupil.edit': '修改',
  'pupil.name': '学生姓名',
  'pupil.adults': '监护人及授权接送人',
  'pupil.addAdult': '添加一位',
  'pupil.noAdults': '未登记接送人',
  'pupil.saved': '已保存',
  'pupil.left': '离校',
  'pupil.leftConfirm': '确认{name}已离校？该学生及其接送人信息将被永久删除。',
  'pupil.purged': '已删除该学生的全部信息',
  'pupil.none': '本班还没有学生',

  'adult.name': '姓名',
  'adult.relation': '关系',
  'adult.relationPlaceholder': '如：母亲',
  'adult.mobile': '手机',
  'adult.idLast4': '证件后四位',
  'adult.kind': '身份',
  'kind.guardian': '监护人',
  'kind.collector': '授权接送人',
  'kind.guardianNoCollect': '监护人（不可接送）',

  'transfer.title': '导入与导出',
  'transfer.columns':
    '每行一名学生：班级、姓名，以及最多三位接送人的姓名、关系、手机、证件后四位和身份。' +
    '导入时同一班级的同名学生会更新其接送人；文件有任何问题都不会导入，并逐一列出问题所在的行和列。',
  'transfer.export': '导出名册',
  'transfer.exportClass': '导出本班',
  'transfer.choose': '选择文件',
  'transfer.noFile': '未选择文件',
  'transfer.import': '导入',
  'transfer.done': '已导入：新建 {classes} 个班级，新增 {added} 名学生，更新 {updated} 名',
} as const;

export type RostersKey = keyof typeof rostersZhCN;
