/**
 * 班级签到's roster (R13.2): the class's share of card and manual check-ins as officials see it,
 * each person with 补签 (one confirm step with a reason, while the session's check-in is open)
 * and 打印签到卡; the answer to a mark shows like a scan's.
 */
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RosterView } from '../../../../../cloudfunctions/contract';
import { sessionWindow } from '../../../../../cloudfunctions/core/attendance';
import { ReasonConfirm } from '../../../../components/reason-confirm';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { URLS, withQuery } from '../../../../utils/routes';
import { RosterList } from '../../components/roster-list';
import type { ScanOutcome } from '../../stores/use-scan-queue';
import { sessionName } from '../../utils/format';
import { markPresent } from './check-ins';

type Person = RosterView['people'][number];

/** R6.2 the current session's check-in window is open now (the phone's time; the server judges again). */
function markOpen(roster: RosterView): boolean {
  const s = roster.currentSession === null || roster.closedAt !== null ? null : roster.sessions[roster.currentSession];
  if (!s) return false;
  const w = sessionWindow(s);
  const now = new Date();
  return now >= w.opensAt && now <= w.endsAt;
}

/** R13.2 the class's check-ins by card and mark, as officials will see them. */
function CheckInShareLine({ roster }: { roster: RosterView }) {
  const c = roster.checkIns;
  if (!c || c.total === 0) return null;
  const text = `签到卡${c.card}人次、补签${c.manual}人次，占${Math.round(c.share * 100)}%`;
  return <Text className={`czt-footnote class-share ${c.flagged ? 'is-flagged' : ''}`}>{c.flagged ? `${text}（超过20%，人社部门会核查）` : text}</Text>;
}

export interface RosterSectionProps {
  classId: string;
  roster: RosterView;
  /** A mark's answer, shown where scans are answered. */
  onOutcome: (outcome: ScanOutcome) => void;
  onReload: () => unknown;
}

export function RosterSection({ classId, roster, onOutcome, onReload }: RosterSectionProps) {
  const marking = useConfirmedAction(
    async ({ person, reason }: { person: Person; reason: string }, options) => onOutcome(await markPresent(classId, person.personId, reason, options)),
    { reload: onReload, toastFailures: false },
  );
  const openCard = (p: Person) => void Taro.navigateTo({ url: withQuery(URLS.trainerCard, { personId: p.personId, name: p.name, classId }) });
  const asking = marking.asking;
  return (
    <>
      <Text className="trainer-section">{`学员名单（${roster.people.length}人）`}</Text>
      <CheckInShareLine roster={roster} />
      {asking ? (
        <ReasonConfirm
          prefix="mark"
          question={`为${asking.person.name}补签（${roster.currentSession === null ? '' : sessionName(roster.currentSession)}）`}
          text="学员本人在场，但没有手机或签到码扫不了时用。补签会被标记，人社部门能看到"
          reasonLabel="原因"
          placeholder="例如：没有智能手机，本人在场"
          confirmLabel="确认补签"
          flow={marking}
          // The same request id as the ask, with the reason given.
          onConfirm={(reason) => void marking.submit({ person: asking.person, reason })}
        />
      ) : (
        <RosterList roster={roster} actions={{ markOpen: markOpen(roster), onMark: (person) => marking.ask({ person, reason: '' }), onCard: openCard }} />
      )}
    </>
  );
}
