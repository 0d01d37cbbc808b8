-- The due time as the case list sorts and filters by it: the earliest due time of the running targets, or for a case
-- with none a time beyond every due time. "Due later than now or not at all" (a case at risk, running or held while
-- waiting on the customer) is then one range of the open cases by this time, where the due time alone made it two.
alter table support_case add column sla_order_at timestamp(6) with time zone;
update support_case set sla_order_at = coalesce(sla_due_at, timestamp with time zone '9999-12-31 00:00:00+00');
alter table support_case alter column sla_order_at set not null;
-- the list by due time, and by SLA state: it replaces the index on the due time alone, and the count of a queue's
-- open cases by due time (V60) gives way to one by this time (V61_1)
drop index support_case_due_idx;
drop index if exists support_case_open_team_due_idx;
create index support_case_sla_order_idx on support_case (is_open, sla_order_at, id);
