/** 课程: class listing and sign-up arrive in a later release. */
import { FeatureLanding } from '../../components/feature-landing';

export default function ClassesPage() {
  return (
    <FeatureLanding
      className="page-classes"
      needsRegistrationFor="报名课程"
      emptyTitle="暂无可报名的课程"
      emptyText="课程报名功能即将开放"
    />
  );
}
