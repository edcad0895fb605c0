/** 培训券: claiming and using vouchers arrives in a later release. */
import { FeatureLanding } from '../../components/feature-landing';

export default function VouchersPage() {
  return (
    <FeatureLanding
      className="page-vouchers"
      needsRegistrationFor="领取培训券"
      emptyTitle="培训券功能即将开放"
      emptyText="开放后，您可以在这里领取和使用培训券"
    />
  );
}
