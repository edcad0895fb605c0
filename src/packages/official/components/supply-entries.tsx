/**
 * The ways into 机构与人员 from the dashboard and the hub: 开班审核 with the count of classes
 * waiting (asked again each time the page shows), and the libraries a county keeps.
 */
import { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { URLS, withQuery } from '../../../utils/routes';
import { useSupplyStore } from '../stores/use-supply-store';
import { EntryRow } from './entry-row';

/** How many classes wait for 开班审核 (0 until known); asked only once the caller is an official. */
export function usePendingCount(official = true): number {
  const pending = useSupplyStore((s) => s.pending);
  useEffect(() => {
    if (official) void useSupplyStore.getState().loadPending();
  }, [official]);
  useDidShow(() => {
    if (official) void useSupplyStore.getState().loadPending();
  });
  return pending?.length ?? 0;
}

export function ReviewEntry({ count }: { count: number }) {
  return <EntryRow id="go-reviews" title="开班审核" text={count > 0 ? `${count} 个班等您审核` : '没有待审核的班级'} url={URLS.officialReviews} count={count} />;
}

/** Everything the hub offers, in the order a county needs them. */
export function SupplyEntries({ count }: { count: number }) {
  return (
    <>
      <ReviewEntry count={count} />
      <EntryRow id="go-institutions" title="机构库" text="培训机构：新增、修改、暂停" url={URLS.officialInstitutions} />
      <EntryRow id="go-evaluation" title="评价库" text="评价机构与评价备案" url={withQuery(URLS.officialInstitutions, { evaluation: 1 })} />
      <EntryRow id="go-staff" title="人员与邀请" text="邀请工作人员，查看、撤销岗位" url={URLS.officialStaff} />
      <EntryRow id="go-projects" title="项目库" text="培训项目与年度目标" url={URLS.officialProjects} />
    </>
  );
}
