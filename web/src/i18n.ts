import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/*
 * Korean by default (the people who read the console), English on request; the choice is kept in
 * this browser. Channel and grade names are words in both languages, never enum codes.
 */
const ko = {
  app: { title: 'Engagement Hub', tagline: '리더십이 누구를, 어떤 채널로, 얼마나 자주 만났는지 — 그리고 누가 빠졌는지.', skip: '본문으로 건너뛰기', language: '언어' },
  nav: { overview: '개요', heatmap: '히트맵', gaps: '미접점', channels: '채널', leaders: '리더', board: '소통 보드', guests: '다음 게스트', import: '가져오기', people: '사람·조직', menu: '메뉴' },
  guests: {
    title: '다음 카페 게스트', nextSession: '다음 카페 세션', noSession: '예정된 카페 세션이 없습니다. 채널 페이지에서 일정을 등록하세요.', seats: '초대 {{invited}} / 정원 {{capacity}}',
    suggested: '추천 게스트', rule: '차장 이하이면서 카페 세션에서 한 번도 만나지 않은 임직원 — 도달률이 낮은 팀부터, 부문을 번갈아 가며.', nobody: '추천할 사람이 없습니다.',
    division: '부문', reason: '이유', because: '카페 세션에서 만난 적 없음 · {{team}} 대상 도달률 {{rate}} ({{eligible}}명 중 {{reached}}명)', invite: '{{count}}명 초대', inviting: '초대 중…', invited: '{{count}}명을 초대했습니다.',
    branches: '리더 방문이 가장 오래된 지점', lastVisit: '마지막 리더 방문', neverVisited: '방문 없음', asOfToday: '{{today}} 기준',
  },
  import: {
    title: 'CSV 가져오기', adminOnly: 'CSV 가져오기는 관리자만 할 수 있습니다.', upload: '파일 올리기', kind: '종류', encoding: '인코딩', auto: '자동 감지', file: 'CSV 파일',
    dryRun: '검사만', import: '가져오기', working: '처리 중…', progress: '진행률', rowsDone: '{{done}} / {{total}}행 처리', noFile: '파일을 고르세요.', tooLarge: '파일이 너무 큽니다 (3.5 MB까지).', dryRunReport: '검사 결과 (기록하지 않음)', report: '가져오기 결과',
    summary: '{{rows}}행 · 가져옴 {{imported}} · 변경 없음 {{unchanged}} · 실패 {{failed}} ({{encoding}})', errors: '행 오류', line: '행', key: '키', message: '오류',
    kinds: { ORG_UNITS: '조직', EMPLOYEES: '임직원', BRANCHES: '지점', FCS: '설계사(FC)', CUSTOMERS: '고객', CONTRACTS: '계약' },
  },
  session: {
    invite: '초대', employeeId: '사번', invitedOne: '{{id}}을(를) 초대했습니다.', attendedOne: '{{id}} 참석을 기록했습니다.', attended: '참석 {{count}}명', participants: '참가자', none: '아직 초대한 사람이 없습니다.',
    markAttended: '참석 기록', came: '참석', invitedStatus: '초대됨', walkIn: '현장 참석', answeredBy: '답변: {{who}}', unanswered: '답변 전', answer: '답변', answered: '답변을 기록했습니다.', by: '답변자', mode: '방식', followedUp: '후속 답변', live: '현장 답변',
  },
  forms: {
    required: '필수 항목입니다.', pastOnly: '이미 있었던 일만 기록합니다: 지금보다 앞선 시점이어야 합니다.', badId: '번호가 올바르지 않거나 두 번 적혔습니다: {{id}}', chooseUnit: '조직을 고르세요.',
    unitTwice: '같은 조직이 두 번 있습니다.', count: '인원은 0 이상의 정수입니다.', sending: '기록 중…', failed: '기록하지 못했습니다.',
  },
  townHall: {
    record: '지난 타운홀 기록', recordHint: '이미 열린 타운홀을 기록합니다(일정 등록이 아님). 참석자는 사번으로, 또는 조직별 인원으로.', heldAt: '열린 일시(KST)', presenterIds: '발표자 사번(쉼표로 구분)',
    whoCame: '참석 기록 방식', byName: '사번으로', byCount: '조직별 인원', attendees: '참석자 사번(쉼표·줄바꿈으로 구분)', headCounts: '조직별 인원', headCount: '인원', addUnit: '조직 추가',
    recordSubmit: '기록', recorded: '“{{theme}}” 타운홀을 기록했습니다.', open: '열기', page: '타운홀', questions: '질문', live: '새 질문이 실시간으로 표시됩니다.', newQuestion: '새 질문: {{text}}',
    headCountTotal: '조직별 집계 {{count}}명', byNameTotal: '사번 기록 {{count}}명', answeredBy: '답변: {{who}}', unanswered: '답변 전', anonymous: '익명', feedback: '피드백 {{count}}건',
  },
  branchVisit: {
    record: '지점 방문 기록', branchId: '지점 번호', visitedAt: '방문 일시(KST)', leaderIds: '방문한 리더 사번(없으면 배송)', purpose: '목적', campaign: '캠페인', noCampaign: '캠페인 없음',
    fcIds: '만난 FC 번호(쉼표로 구분)', gift: '가져간 것', recordSubmit: '기록', recorded: '{{branch}} 방문을 기록했습니다.',
  },
  live: { on: '실시간', newQuestion: '새 질문: {{text}}' },
  heatmap: {
    title: '히트맵', view: '보기', 'units-months': '조직 × 월', 'units-channels': '조직 × 채널', 'regions-months': '지역 × 월 (FC)',
    'units-months-hint': '카페 세션 대상(차장 이하) 도달률, 최근 12개월. 칸을 누르면 그 조직의 구성원과 마지막 접점.',
    'units-channels-hint': '기간 동안 채널별로 만난 임직원 비율. 칸을 누르면 그 조직의 구성원.',
    'regions-months-hint': '지역별 FC 도달률, 최근 12개월. 칸을 누르면 그달 만나지 못한 FC.',
  },
  other: {
    townHalls: '타운홀 미팅', theme: '주제', format: '형식', presenters: '발표', attended: '참석', rating: '평점', campaigns: '지점 방문 캠페인', deadline: '마감 {{day}}',
    visited: '{{visited}} / {{target}}곳 방문 ({{pct}})', videos: '영상 메시지', published: '게시일', title: '제목', views: '조회', viewers: '시청자', watched: '평균 시청 비율',
    formats: { CHIMAEK: '치맥 미팅', LECTURE: '강연', TALK_CONCERT: '토크 콘서트', OTHER: '기타' },
  },
  leaders: { title: '리더', table: '리더별 접점', answered: '답변한 질문', hours: '평균 답변 시간(시간)', open: '열린 후속 조치', tooSmall: '5명 미만 고객 그룹은 이 역할에 숨겨집니다.' },
  board: {
    title: '소통 보드', raised: '질문', answered: '답변', hours: '평균 답변 시간(시간)', open: '열린 후속 조치', none: '열린 후속 조치가 없습니다.', what: '내용', owner: '담당', due: '기한', age: '경과 일수',
    overdue: '기한 초과', complete: '완료', completed: '완료했습니다: {{what}}', byLeader: '답변한 리더',
  },
  people: {
    title: '사람과 조직', searchLabel: '이름 또는 사번으로 찾기', facts: '정보', timeline: '접점 이력', what: '내용', inPerson: '대면', noTouches: '기록된 접점이 없습니다.', touchCount: '{{total}}건 중 최근 {{shown}}건',
    notFound: '찾을 수 없습니다.', noMatch: '찾는 이름이 없습니다.', hired: '입사일', left: '퇴사일', registered: '등록일', phone: '전화', address: '주소', contracts: '계약', visits: '리더 방문', noVisits: '리더가 방문한 적이 없습니다.', prideSince: 'PRIDE 시작',
    members: '구성원', customersHidden: '고객 개별 정보는 경영진·영업·개인정보 보호책임자에게만 보입니다.',
  },
  state: { loading: '불러오는 중…', empty: '이 기간에는 자료가 없습니다.', error: '불러오지 못했습니다: {{message}}', retry: '다시 시도' },
  role: { VIEWER: '뷰어', LEADERSHIP: '경영진', HR: '인사', SALES: '영업', PRIVACY_OFFICER: '개인정보 보호책임자', ADMIN: '관리자' },
  signin: { signIn: '로그인', signOut: '로그아웃', cancel: '취소', token: 'API 토큰', anonymous: '로그인 안 함', unknownToken: '알 수 없거나 만료되었거나 폐기된 토큰입니다.', asViewer: '뷰어로 계속' },
  channel: { CAFE_SESSION: '카페 세션(톡톡타임)', TOWN_HALL: '타운홀 미팅', BRANCH_VISIT: '지점 방문', VIDEO_MESSAGE: '영상 메시지', CUSTOMER_VISIT: '고객스마일 방문', PRIDE: 'PRIDE 활동', all: '전체 채널' },
  grade: { STAFF: '사원', ASSISTANT_MANAGER: '대리', MANAGER: '과장', DEPUTY_GENERAL_MANAGER: '차장', GENERAL_MANAGER: '부장', EXECUTIVE: '임원', all: '전체 직급' },
  population: { EMPLOYEE: '임직원', FC: '설계사(FC)', CUSTOMER: '고객', BRANCH: '지점' },
  period: {
    label: '기간', preset: '기간 선택', month: '이번 달', quarter: '이번 분기', ytd: '올해 누적', last12: '최근 12개월', custom: '직접 입력',
    from: '시작일', to: '종료일', asOf: '기준 시점', asOfHint: '비우면 현재', reference: '기준 월', latestData: '자료가 있는 마지막 달: {{month}}',
    invalid: '시작일은 종료일보다 앞서야 합니다.', range: '{{from}} ~ {{to}}',
  },
  overview: {
    title: '개요', reach: '도달', reached: '{{reached}} / {{population}}명', touches: '접점 {{count}}회', byChannel: '채널별', byLeader: '리더별',
    channelCol: '채널', leaderCol: '리더', reachedCol: '도달 인원', touchesCol: '접점', company: '회사', trend: '월별 도달률 추이', cadence: '주기 준수',
    customerTrendHidden: '고객 추이: 5명 미만인 달이 있어 이 역할에는 숨겨집니다.', cafeCadence: '카페 세션: 월 2회', townHallCadence: '타운홀: 2개월마다 1회', met: '달성', missed: '미달', held: '{{held}} / {{target}}회', rate: '도달률',
  },
  gaps: {
    title: '미접점', who: '대상', days: '최근 며칠', daysHint: '이 기간 안에 만나지 않은 사람', at: '기준일', neverOnly: '한 번도 만나지 않은 사람만', team: '조직', grade: '직급',
    search: '검색', daysSince: '경과 일수', name: '이름', id: '번호', lastTouch: '마지막 접점', never: '없음', branch: '지점', region: '지역', district: '구', customerName: '고객명',
    export: 'CSV 내보내기', shown: '{{shown}}명 표시 (전체 미접점 {{total}}명)', truncated: '목록은 최대 {{max}}명까지 불러옵니다.', loading: '{{loaded}}명 불러옴, 나머지를 불러오는 중…', allTeams: '전체 조직', none: '미접점 대상이 없습니다.', noMatch: '검색 조건에 맞는 미접점 대상이 없습니다.',
    branchesTitle: '{{days}}일 동안 리더가 방문하지 않은 지점 {{count}}곳', pride: 'PRIDE', daysAgo: '{{days}}일 전', sortBy: '{{column}} 기준 정렬', customerHidden: '고객 이름은 영업·개인정보 보호책임자에게만 보입니다.',
  },
  channels: {
    title: '채널', cafeSessions: '카페 세션(톡톡타임)', when: '일시(KST)', venue: '장소', hosts: '호스트', seats: '참석 / 초대 / 정원', status: '상태', cancelled: '취소', upcoming: '예정', held: '진행됨', more: '더 보기',
    capacity: '정원', schedule: '카페 세션 일정 등록', scheduleSubmit: '등록', scheduling: '등록 중…', scheduled: '{{venue}}에 등록했습니다.', host: '호스트', futureOnly: '일정은 미래 시점이어야 합니다.',
    reach: '조직별 카페 세션 도달', orgUnit: '조직', people: '인원', eligible: '대상(차장 이하)', metCol: '만남', reachCol: '도달률', eligibleReach: '대상 도달률',
    smile: '고객스마일 후속 방문', per: '단위', region: '지역', branch: '지점', fc: 'FC', due: '예정', onTime: '기한 내', late: '지연', overdue: '기한 초과', onTimeRate: '기한 내 비율',
    pride: 'PRIDE 지점과 다른 지점: FC 활동', prideBranches: 'PRIDE 지점', otherBranches: '다른 지점', fcs: 'FC 수', fcWeeks: 'FC-주', visits: '방문 / FC-주', calls: '전화 / FC-주', contracts: '계약 / FC-주',
  },
};

type Messages = typeof ko;

const en: Messages = {
  app: { title: 'Engagement Hub', tagline: 'Who leadership reached, through which channel, how often — and who was left out.', skip: 'Skip to content', language: 'Language' },
  nav: { overview: 'Overview', heatmap: 'Heatmap', gaps: 'Gaps', channels: 'Channels', leaders: 'Leaders', board: 'Two-way', guests: 'Next guests', import: 'Import', people: 'People', menu: 'Menu' },
  guests: {
    title: 'Next café guests', nextSession: 'Next café session', noSession: 'No café session is scheduled: schedule one on the Channels page.', seats: '{{invited}} invited of {{capacity}} seats',
    suggested: 'Suggested guests', rule: 'Employees of grade 차장 or below never met at a café session — the teams with the lowest reach first, taking turns across divisions.', nobody: 'Nobody left to suggest.',
    division: 'Division', reason: 'Why', because: 'never met at a café session · {{team}} eligible reach {{rate}} ({{reached}} of {{eligible}})', invite: 'Invite {{count}}', inviting: 'Inviting…', invited: '{{count}} invited.',
    branches: 'Branches a leader visited longest ago', lastVisit: 'Last leader visit', neverVisited: 'never', asOfToday: 'as of {{today}}',
  },
  import: {
    title: 'CSV import', adminOnly: 'CSV import is for ADMIN only.', upload: 'Upload a file', kind: 'Kind', encoding: 'Encoding', auto: 'Detect', file: 'CSV file',
    dryRun: 'Check only', import: 'Import', working: 'Working…', progress: 'Progress', rowsDone: '{{done}} of {{total}} rows done', noFile: 'Choose a file.', tooLarge: 'The file is too large (3.5 MB at most).', dryRunReport: 'Check (nothing recorded)', report: 'Import',
    summary: '{{rows}} rows · {{imported}} imported · {{unchanged}} unchanged · {{failed}} failed ({{encoding}})', errors: 'Row errors', line: 'Line', key: 'Key', message: 'Error',
    kinds: { ORG_UNITS: 'Org units', EMPLOYEES: 'Employees', BRANCHES: 'Branches', FCS: 'FCs', CUSTOMERS: 'Customers', CONTRACTS: 'Contracts' },
  },
  session: {
    invite: 'Invite', employeeId: 'Employee number', invitedOne: '{{id}} invited.', attendedOne: 'Attendance of {{id}} recorded.', attended: '{{count}} attended', participants: 'Participants', none: 'Nobody invited yet.',
    markAttended: 'Record attendance', came: 'attended', invitedStatus: 'invited', walkIn: 'walk-in', answeredBy: 'answered by {{who}}', unanswered: 'not answered yet', answer: 'Answer', answered: 'Answer recorded.', by: 'Answered by', mode: 'How', followedUp: 'followed up', live: 'live',
  },
  forms: {
    required: 'Required.', pastOnly: 'Only what already happened is recorded: the time must be before now.', badId: 'Not a valid number, or given twice: {{id}}', chooseUnit: 'Choose an org unit.',
    unitTwice: 'The same org unit is listed twice.', count: 'A head count is a whole number, 0 or more.', sending: 'Recording…', failed: 'Not recorded.',
  },
  townHall: {
    record: 'Record a past town hall', recordHint: 'Records a town hall that already took place (not scheduling). Who came: by employee number, or as a head count per org unit.', heldAt: 'Held at (KST)', presenterIds: 'Presenters (employee numbers, comma-separated)',
    whoCame: 'Who came', byName: 'By name', byCount: 'Head count per org unit', attendees: 'Attendees (employee numbers, comma or line separated)', headCounts: 'Head counts per org unit', headCount: 'Head count', addUnit: 'Add an org unit',
    recordSubmit: 'Record', recorded: 'Town hall “{{theme}}” recorded.', open: 'Open', page: 'Town hall', questions: 'Questions', live: 'New questions appear here as they are raised.', newQuestion: 'New question: {{text}}',
    headCountTotal: '{{count}} counted per org unit', byNameTotal: '{{count}} recorded by name', answeredBy: 'answered by {{who}}', unanswered: 'not answered yet', anonymous: 'anonymous', feedback: '{{count}} feedback',
  },
  branchVisit: {
    record: 'Record a branch visit', branchId: 'Branch number', visitedAt: 'Visited at (KST)', leaderIds: 'Leaders who went (employee numbers; none for a delivery)', purpose: 'Purpose', campaign: 'Campaign', noCampaign: 'No campaign',
    fcIds: 'FCs met (numbers, comma-separated)', gift: 'Brought', recordSubmit: 'Record', recorded: 'Visit to {{branch}} recorded.',
  },
  live: { on: 'live', newQuestion: 'New question: {{text}}' },
  heatmap: {
    title: 'Heatmap', view: 'View', 'units-months': 'Org unit × month', 'units-channels': 'Org unit × channel', 'regions-months': 'Region × month (FCs)',
    'units-months-hint': 'Café-session reach of the eligible (차장 and below), last 12 months. A cell opens the unit’s members and their last touch.',
    'units-channels-hint': 'Share of employees reached through each channel in the period. A cell opens the unit’s members.',
    'regions-months-hint': 'FC reach per region, last 12 months. A cell opens the FCs not reached that month.',
  },
  other: {
    townHalls: 'Town halls', theme: 'Theme', format: 'Format', presenters: 'Presenters', attended: 'Came', rating: 'Rating', campaigns: 'Branch-visit campaigns', deadline: 'deadline {{day}}',
    visited: '{{visited}} of {{target}} branches visited ({{pct}})', videos: 'Video messages', published: 'Published', title: 'Title', views: 'Views', viewers: 'Viewers', watched: 'Share watched',
    formats: { CHIMAEK: 'Chimaek (chicken and beer)', LECTURE: 'Lecture', TALK_CONCERT: 'Talk concert', OTHER: 'Other' },
  },
  leaders: { title: 'Leaders', table: 'Touches by leader', answered: 'Questions answered', hours: 'Average hours to answer', open: 'Follow-ups open', tooSmall: 'Groups of fewer than 5 customers are hidden for this role.' },
  board: {
    title: 'Two-way board', raised: 'Questions', answered: 'Answered', hours: 'Average hours to answer', open: 'Follow-ups open', none: 'No follow-up is open.', what: 'What', owner: 'Owner', due: 'Due', age: 'Age (days)',
    overdue: 'overdue', complete: 'Complete', completed: 'Completed: {{what}}', byLeader: 'Answering leaders',
  },
  people: {
    title: 'People and places', searchLabel: 'Find by name or number', facts: 'Facts', timeline: 'Timeline', what: 'What', inPerson: 'in person', noTouches: 'No touches recorded.', touchCount: 'Latest {{shown}} of {{total}}',
    notFound: 'Not found.', noMatch: 'No one by that name.', hired: 'Hired', left: 'Left', registered: 'Registered', phone: 'Phone', address: 'Address', contracts: 'Contracts', visits: 'Leader visits', noVisits: 'No leader has visited.', prideSince: 'PRIDE since',
    members: 'Members', customersHidden: 'Customers one by one are shown to Leadership, Sales and the privacy officer only.',
  },
  state: { loading: 'Loading…', empty: 'Nothing recorded in this period.', error: 'Could not load: {{message}}', retry: 'Retry' },
  role: { VIEWER: 'Viewer', LEADERSHIP: 'Leadership', HR: 'HR', SALES: 'Sales', PRIVACY_OFFICER: 'Privacy officer', ADMIN: 'Admin' },
  signin: { signIn: 'Sign in', signOut: 'Sign out', cancel: 'Cancel', token: 'API token', anonymous: 'Not signed in', unknownToken: 'That token is unknown, expired or revoked.', asViewer: 'Continue as viewer' },
  channel: { CAFE_SESSION: 'Café session (톡톡타임)', TOWN_HALL: 'Town hall', BRANCH_VISIT: 'Branch visit', VIDEO_MESSAGE: 'Video message', CUSTOMER_VISIT: 'Customer Smile visit', PRIDE: 'PRIDE activity', all: 'All channels' },
  grade: { STAFF: 'Staff (사원)', ASSISTANT_MANAGER: 'Assistant manager (대리)', MANAGER: 'Manager (과장)', DEPUTY_GENERAL_MANAGER: 'Deputy general manager (차장)', GENERAL_MANAGER: 'General manager (부장)', EXECUTIVE: 'Executive (임원)', all: 'All grades' },
  population: { EMPLOYEE: 'Employees', FC: 'FCs', CUSTOMER: 'Customers', BRANCH: 'Branches' },
  period: {
    label: 'Period', preset: 'Period', month: 'This month', quarter: 'This quarter', ytd: 'Year to date', last12: 'Last 12 months', custom: 'Custom',
    from: 'From', to: 'To', asOf: 'As of', asOfHint: 'empty: now', reference: 'Reference month', latestData: 'Latest month with touches: {{month}}',
    invalid: 'The start must be before the end.', range: '{{from}} – {{to}}',
  },
  overview: {
    title: 'Overview', reach: 'Reach', reached: '{{reached}} of {{population}}', touches: '{{count}} touches', byChannel: 'By channel', byLeader: 'By leader',
    channelCol: 'Channel', leaderCol: 'Leader', reachedCol: 'Reached', touchesCol: 'Touches', company: 'The company', trend: 'Reach by month', cadence: 'Cadence',
    customerTrendHidden: 'Customer trend hidden for this role: some months reached fewer than 5.', cafeCadence: 'Café sessions: twice a month', townHallCadence: 'Town halls: every two months', met: 'met', missed: 'missed', held: '{{held}} of {{target}}', rate: 'Reach rate',
  },
  gaps: {
    title: 'Gaps', who: 'Who', days: 'Days', daysHint: 'not reached within this many days', at: 'On', neverOnly: 'Never reached only', team: 'Team', grade: 'Grade',
    search: 'Search', daysSince: 'Days since', name: 'Name', id: 'Id', lastTouch: 'Last touch', never: 'never', branch: 'Branch', region: 'Region', district: 'District', customerName: 'Customer',
    export: 'Export CSV', shown: '{{shown}} shown ({{total}} not reached in all)', truncated: 'The list loads at most {{max}}.', loading: '{{loaded}} loaded, loading the rest…', allTeams: 'All teams', none: 'Nobody is left out.', noMatch: 'Nobody left out matches the search.',
    branchesTitle: 'Branches no leader visited in {{days}} days: {{count}}', pride: 'PRIDE', daysAgo: '{{days}} days ago', sortBy: 'Sort by {{column}}', customerHidden: 'Customer names are shown to Sales and the privacy officer only.',
  },
  channels: {
    title: 'Channels', cafeSessions: 'Café sessions (톡톡타임)', when: 'When (KST)', venue: 'Venue', hosts: 'Hosts', seats: 'Attended / invited / seats', status: 'Status', cancelled: 'cancelled', upcoming: 'upcoming', held: 'held', more: 'Load more',
    capacity: 'Seats', schedule: 'Schedule a café session', scheduleSubmit: 'Schedule', scheduling: 'Scheduling…', scheduled: 'Scheduled at {{venue}}', host: 'Host', futureOnly: 'A session is scheduled in the future.',
    reach: 'Café-session reach by org unit', orgUnit: 'Org unit', people: 'People', eligible: 'Eligible (≤ 차장)', metCol: 'Met', reachCol: 'Reach', eligibleReach: 'Eligible reach',
    smile: 'Customer Smile follow-ups', per: 'Per', region: 'Region', branch: 'Branch', fc: 'FC', due: 'Due', onTime: 'On time', late: 'Late', overdue: 'Overdue', onTimeRate: 'On-time rate',
    pride: 'PRIDE vs other branches: FC activity', prideBranches: 'PRIDE branches', otherBranches: 'Other branches', fcs: 'FCs', fcWeeks: 'FC-weeks', visits: 'Visits / FC-week', calls: 'Calls / FC-week', contracts: 'Contracts / FC-week',
  },
};

export const LANGUAGES = ['ko', 'en'] as const;
const KEY = 'hub.language';
const saved = (() => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
})();

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'ko',
  fallbackLng: 'ko',
  interpolation: { escapeValue: false }, // React escapes already
});

export const setLanguage = (lng: (typeof LANGUAGES)[number]) => {
  void i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(KEY, lng);
  } catch {
    // private mode: the choice lasts this page only
  }
};

export default i18n;
