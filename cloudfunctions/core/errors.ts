/**
 * Stable error codes that cross the cloud-function boundary (instanceof does not),
 * each with its default Chinese message for users.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的信息有误，请检查后再试',
  UNKNOWN_ACTION: '不支持的操作',
  UNKNOWN_FUNCTION: '不支持的服务',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_REGISTERED: '请先完成实名登记',
  ALREADY_REGISTERED: '您已完成实名登记',
  ID_NUMBER_EMPTY: '请输入身份证号码',
  ID_NUMBER_15_DIGITS: '请使用18位身份证号码',
  ID_NUMBER_LENGTH: '身份证号码应为18位',
  ID_NUMBER_FORMAT: '身份证号码只能包含数字，最后一位可以是X',
  ID_NUMBER_REGION: '身份证号码前6位不是任何县（市、区）的地区代码，请核对后重新输入',
  ID_NUMBER_BIRTH_DATE: '身份证号码中的出生日期不正确',
  ID_NUMBER_FUTURE_BIRTH: '身份证号码中的出生日期晚于今天',
  ID_NUMBER_CHECKSUM: '身份证号码校验位不正确，请核对后重新输入',
  ID_NUMBER_TAKEN: '该身份证号码已被其他微信账号登记。如有疑问，请携带身份证到乡镇人社所办理',
  UNDER_AGE: '未满16周岁，暂不能登记',
  REGION_UNKNOWN: '请选择户籍所在乡镇',
  NAME_INVALID: '请输入2–20个字的真实姓名',
  PHONE_INVALID: '请输入11位手机号码',
  NOT_FOUND: '没有找到相关记录',
  NOT_ELIGIBLE: '您暂不符合领取条件',
  VOUCHER_UNUSED_EXISTS: '您已有一张未使用的同类培训券，用完或退回后才能再领',
  YEARLY_LIMIT: '每人每年最多享受3次补贴性培训，您今年的次数已用完',
  QUOTA_EXHAUSTED: '本年度名额已领完',
  VOUCHER_TYPE_UNKNOWN: '没有这种培训券',
  VOUCHER_NOT_CANCELLABLE: '这张培训券已使用或已失效，不能退回',
  REQUEST_ID_INVALID: '请求编号不正确，请重试',
  CODE_FORGED: '签到码无效，请学员打开持证通出示签到码',
  CODE_EXPIRED: '签到码已过期，请学员刷新后再扫',
  NOT_YOUR_CLASS: '这不是您任教的班级，不能签到',
  ENROLLED_ELSEWHERE: '该学员报名的是其他班级，请到所报班级签到',
  NOT_ENROLLED: '该学员没有报名本班',
  SCAN_TOO_EARLY: '还没到签到时间，上课前30分钟开始签到',
  SESSION_ENDED: '本节课已结束，不能再签到',
  UPLOAD_TOO_LATE: '离线签到超过72小时才上传，不能再记录',
  ALREADY_CHECKED_IN: '已签到',
  CLASS_NOT_FOUND: '没有找到这个班级',
  CLASS_FULL: '这个班已报满',
  CLASS_STARTED: '这个班已经开课，不能再报名',
  ALREADY_ENROLLED: '您已报名这个班',
  NO_USABLE_VOUCHER: '您没有可用于这个班的培训券，请先领取',
  VOUCHER_WRONG_TOWNSHIP: '送培训下乡券只能用于本乡镇的培训班',
  FULLTIME_OVERLAP: '您报名的全脱产班时间冲突，同一时间只能上一个全脱产班',
  NOT_ENROLLED_SELF: '您没有报名这个班',
  WITHDRAW_TOO_LATE: '已经开课，不能退出',
  CLASS_NOT_ENDED: '最后一节课结束后才能结业',
  CLASS_CLOSED: '这个班已结业，不能再签到',
  NOT_EVALUATION_BODY: '只有备案的评价机构才能录入鉴定结果',
  NOT_COMPLETED: '学员尚未结业，不能录入鉴定结果',
  RESULT_EXISTS: '该学员的鉴定结果已录入',
  SCORE_INVALID: '成绩应为0–100的整数',
  RESULT_SCORE_MISMATCH: '合格与否与成绩不一致（60分及以上为合格）',
  ASSESSED_ON_INVALID: '鉴定日期不正确，不能晚于今天',
  OCCUPATION_NOT_ASSESSED: '本机构没有该职业的评价资格',
  OCCUPATION_LEVEL_UNKNOWN: '目录中没有这个职业或等级',
  VOUCHER_NOT_EVALUATION: '这张券不是可直接评价的技能等级评价券',
  CERTIFICATE_NOT_FOUND: '没有找到这本证书，请核对证书编号和验证码',
  REVOKE_REASON_REQUIRED: '请填写撤销原因',
  ALREADY_REVOKED: '这本证书已被撤销',
  EMPLOYER_REQUIRED: '请填写工作单位',
  PLACE_REQUIRED: '请选择工作地点',
  REGION_REQUIRED: '请选择或填写工作所在地',
  WORK_REGION_UNKNOWN: '没有这个地区，请重新选择工作所在地',
  START_DATE_INVALID: '请填写正确的开始工作日期',
  START_DATE_FUTURE: '开始工作日期不能晚于今天',
  INCOME_INVALID: '月收入应为0–100000元的整数',
  REGION_NOT_STATISTICAL: '请选择县（市、区）及以上的地区',
  PERIOD_INVALID: '起止日期不正确，开始日期不能晚于结束日期',
  BUSY: '系统繁忙，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** A refusal the user can act on: a stable code and a Chinese message. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
