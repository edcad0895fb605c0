/**
 * 项目库 (issue 14): the training projects of the caller's region this year — region, occupations,
 * age bands, target and trainees so far — and 新建项目, the page's main action. Classes may
 * belong to a project; the trainer picks it when opening a class.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProjectView } from '../../../../../cloudfunctions/contract';
import { neededPageState } from '../../../../components/page-data';
import { Hero, WideButton } from '../../../../components/page-parts';
import { EmptyState, LoadingState, PageShell } from '../../../../components/page-shell';
import { groupDigits } from '../../../../utils/numbers';
import { NoAccess } from '../../components/no-access';
import { ProjectForm } from '../../components/project-form';
import { useOfficialRole } from '../../components/use-official-role';
import { useOfficialStore } from '../../stores/use-official-store';
import { useSupplyStore } from '../../stores/use-supply-store';
import '../../official.scss';
import '../../supply.scss';

function ProjectCard({ p }: { p: ProjectView }) {
  return (
    <View className="czt-card project-card" data-project-id={p.id}>
      <View className="supply-head">
        <Text className="czt-card-title supply-head-title">{p.name}</Text>
        <Text className="supply-tag">{p.active ? '进行中' : '已停用'}</Text>
      </View>
      <Text className="supply-line">{`${p.region.name} · ${p.year}年${p.brand ? ` · 劳务品牌：${p.brand}` : ''}`}</Text>
      <Text className="supply-line">{`职业：${p.occupations.map((o) => o.name).join('、') || '—'}`}</Text>
      <Text className="supply-line">{`年龄段：${p.bands.join('、')}`}</Text>
      <Text className="supply-line project-progress">{`年度目标 ${groupDigits(p.targetTrainees)} 人，已报名 ${groupDigits(p.trainees)} 人`}</Text>
    </View>
  );
}

export default function OfficialProjectsPage() {
  const role = useOfficialRole();
  const { binding } = role;
  const s = useSupplyStore(useShallow((x) => ({ projects: x.projects, error: x.projectsError, occupations: x.occupations })));
  const { regions, regionsError } = useOfficialStore(useShallow((x) => ({ regions: x.regions, regionsError: x.regionsError })));
  const [adding, setAdding] = useState(false);
  const allowed = Boolean(binding);
  const load = () => void useSupplyStore.getState().loadProjects();
  useEffect(() => {
    if (!allowed) return;
    load();
    void useSupplyStore.getState().loadOccupations();
    void useOfficialStore.getState().loadRegions();
  }, [allowed]);
  const page = neededPageState(role.session, allowed, [
    { value: s.projects, error: s.error, retry: load },
    { value: regions, error: regionsError, retry: () => useOfficialStore.getState().loadRegions() },
  ]);
  const saved = (p: ProjectView) => {
    useSupplyStore.getState().putProject(p);
    setAdding(false);
  };
  return (
    <PageShell className="page-official-projects" {...page}>
      {!binding ? (
        <NoAccess />
      ) : s.projects && regions ? (
        <>
          <Hero title="项目库" text={`${binding.regionName ?? '本辖区'}的培训项目`} />
          {adding ? (
            s.occupations ? <ProjectForm regions={regions} rootCode={binding.regionCode ?? ''} occupations={s.occupations} onSaved={saved} onClose={() => setAdding(false)} /> : <LoadingState />
          ) : (
            <>
              <WideButton id="project-add" onClick={() => setAdding(true)}>
                新建项目
              </WideButton>
              {s.projects.length === 0 ? <EmptyState title="还没有培训项目" text="点“新建项目”添加" /> : s.projects.map((p) => <ProjectCard key={p.id} p={p} />)}
            </>
          )}
        </>
      ) : null}
    </PageShell>
  );
}
