/**
 * The class roster: the sessions (the current one highlighted, with how many came) and one row
 * per person: masked name (R2.4), 已到/未到 for the current session, sessions attended, status,
 * 时间偏差 when an offline scan's phone clock was off (R6.4), and how the current session's
 * check-in came when not by phone (签到卡, 补签: R13.2). With `actions`, each row offers 补签 (mark
 * present with a reason) while a session is open and they have not come, and 签到卡.
 */
import { Text, View } from '@tarojs/components';
import type { RosterView } from '../../../../cloudfunctions/contract';
import { Button } from '../../../components/nutui';
import { sessionName, sessionTimeText } from '../utils/format';

type Person = RosterView['people'][number];

export interface RosterActions {
  /** 补签 is offered only while the current session's check-in window is open. */
  markOpen: boolean;
  onMark: (p: Person) => void;
  onCard: (p: Person) => void;
}

/** R13.2 how the current session's check-in came, when it was not the person's phone. */
function methodTag(p: Person, current: number | null): string | null {
  if (current === null) return null;
  if (p.cardSessions?.includes(current)) return '签到卡';
  if (p.manualSessions?.includes(current)) return '补签';
  return null;
}

export function SessionList({ roster }: { roster: RosterView }) {
  return (
    <View className="session-list">
      {roster.sessions.map((s, i) => {
        const came = roster.people.filter((p) => p.sessions.includes(i)).length;
        const current = roster.currentSession === i;
        return (
          <View key={i} className={`session-chip ${current ? 'is-current' : ''}`} data-session={i}>
            <Text className="session-chip-name">{current ? `${sessionName(i)}（本节）` : sessionName(i)}</Text>
            <Text className="session-chip-time">{sessionTimeText(s)}</Text>
            <Text className="session-chip-count">{`到 ${came} 人`}</Text>
          </View>
        );
      })}
    </View>
  );
}

export function RosterList({ roster, actions }: { roster: RosterView; actions?: RosterActions }) {
  const current = roster.currentSession;
  const total = roster.sessions.length;
  if (roster.people.length === 0) return <Text className="czt-card-text">还没有人报名</Text>;
  return (
    <View className="roster-list">
      {roster.people.map((p) => {
        const present = current !== null && p.sessions.includes(current);
        const tag = methodTag(p, current);
        const enrolled = p.status === 'enrolled';
        return (
          <View key={p.personId} className={`roster-row ${present ? 'is-present' : ''}`} data-person-id={p.personId}>
            <View className="roster-line">
              <View className="roster-main">
                <Text className="roster-name">{p.name}</Text>
                <Text className="roster-facts">{`出勤 ${p.sessions.length}/${total} 节 · ${p.statusName}`}</Text>
                {p.skewFlagged ? <Text className="roster-skew">时间偏差</Text> : null}
                {tag ? <Text className="roster-method">{tag}</Text> : null}
              </View>
              {current !== null ? <Text className={`roster-now ${present ? 'is-present' : ''}`}>{present ? '已到' : '未到'}</Text> : null}
            </View>
            {actions && enrolled ? (
              <View className="roster-actions">
                {actions.markOpen && !present ? (
                  <Button className="czt-secondary-button roster-mark" size="large" onClick={() => actions.onMark(p)}>
                    补签
                  </Button>
                ) : null}
                <Button className="czt-secondary-button roster-card" size="large" onClick={() => actions.onCard(p)}>
                  打印签到卡
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
