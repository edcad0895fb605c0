/**
 * The class roster: the sessions (the current one highlighted, with how many came) and one row
 * per person: masked name (R2.4), 已到/未到 for the current session, sessions attended, status,
 * and 时间偏差 when an offline scan's phone clock was off (R6.4).
 */
import { Text, View } from '@tarojs/components';
import type { RosterView } from '../../../../cloudfunctions/contract';
import { sessionName, sessionTimeText } from '../utils/format';

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

export function RosterList({ roster }: { roster: RosterView }) {
  const current = roster.currentSession;
  const total = roster.sessions.length;
  if (roster.people.length === 0) return <Text className="czt-card-text">还没有人报名</Text>;
  return (
    <View className="roster-list">
      {roster.people.map((p) => {
        const present = current !== null && p.sessions.includes(current);
        return (
          <View key={p.personId} className={`roster-row ${present ? 'is-present' : ''}`} data-person-id={p.personId}>
            <View className="roster-main">
              <Text className="roster-name">{p.name}</Text>
              <Text className="roster-facts">{`出勤 ${p.sessions.length}/${total} 节 · ${p.statusName}`}</Text>
              {p.skewFlagged ? <Text className="roster-skew">时间偏差</Text> : null}
            </View>
            {current !== null ? <Text className={`roster-now ${present ? 'is-present' : ''}`}>{present ? '已到' : '未到'}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
