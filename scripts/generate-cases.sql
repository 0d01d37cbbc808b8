-- Generated support cases for benchmarks; run by scripts/generate-cases.sh (psql variables :cases, :open_cases,
-- :due_escalations). Each case is about a random generated account and belongs to that account's owner and team, so
-- that the visibility rule sees the same spread as the accounts. Besides a business calendar (Monday to Friday,
-- 08:00 to 18:00 in Berlin) and three SLA policies (urgent, high, standard), it makes:
--   :cases - :open_cases resolved or closed cases over the last two years, 9 in 10 of them within their targets;
--   :open_cases open cases opened over the last ten days (more of them lately), in every open status, the new ones
--       (a quarter) waiting in their team's queue; their due and warning times are those of their targets stretched
--       by the share of working hours in a week (50 of 168), and the SLA events before the next hour count as
--       escalated already, so that none falls due by itself while a benchmark runs;
--   :due_escalations of the open ones (category "Escalation benchmark") whose resolution target was breached and
--       whose next escalation is due now: the sweep escalates each to the last level, which moves it to the
--       escalation queue and tells that queue's managers.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
select setseed(0.3141) \gset

begin;

create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $$
	select encode(int8send((floor(date_part('epoch', ts) * 1000)::bigint << 16) | 28672 | floor(random() * 4096)::bigint)
		|| int8send((-9223372036854775808) + (floor(random() * 2147483648)::bigint << 31)
			+ floor(random() * 2147483648)::bigint), 'hex')::uuid
$$;

\echo 'removing earlier cases, their comments, events, notices and files, the policies and calendars'
truncate case_attachment, case_notice, case_event, case_comment, case_inbound, support_case cascade;
update support_mailbox set enabled = false;
delete from sla_policy;
delete from business_calendar;

create temp table accounts on commit drop as
select row_number() over (order by id) as n, id, owner_id, team_id from account;
create unique index on accounts (n);
analyze accounts;
select count(*) as account_count from accounts \gset
-- the escalation queue: the last team by name
select id as escalation_team from team order by name desc limit 1 \gset

insert into business_calendar (id, version, name, time_zone, week_hours, holidays, created_at, updated_at)
values (pg_temp.uuid7(now()), 0, 'Benchmark Berlin', 'Europe/Berlin',
	'MON 08:00-18:00, TUE 08:00-18:00, WED 08:00-18:00, THU 08:00-18:00, FRI 08:00-18:00', null, now(), now());
select id as calendar from business_calendar \gset

-- around the clock, so that the sweep sends its notices at once whatever the time of the run
insert into sla_policy (id, version, name, position, match_priority, match_tier, calendar_id, first_response_minutes,
	resolution_minutes, warning_percent, raise_priority, around_the_clock, escalation_team_id, active, created_at,
	updated_at)
values (pg_temp.uuid7(now()), 0, 'Urgent', 1, 'URGENT', null, :'calendar', 60, 480, 80, false, true, :'escalation_team', true, now(), now()),
	(pg_temp.uuid7(now()), 0, 'High', 2, 'HIGH', null, :'calendar', 120, 960, 80, false, true, :'escalation_team', true, now(), now()),
	(pg_temp.uuid7(now()), 0, 'Standard', 3, null, null, :'calendar', 480, 2400, 80, false, true, :'escalation_team', true, now(), now());
create temp table policies on commit drop as
select id, match_priority, first_response_minutes as response, resolution_minutes as resolution from sla_policy;

\echo 'dropping the secondary indexes of support_case for the load'
create temp table saved_indexes on commit drop as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
from pg_index i
where i.indrelid = 'support_case'::regclass
	and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid);
do $$
declare idx record;
begin
	for idx in select name from saved_indexes loop
		execute 'drop index ' || idx.name;
	end loop;
end $$;

create temp table drafts on commit drop as
select g.i,
	1 + floor(random() * :account_count)::bigint as n,
	(array['LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'HIGH', 'URGENT', 'LOW'])[1 + floor(random() * 10)::int] as priority,
	(array['EMAIL', 'EMAIL', 'EMAIL', 'PHONE', 'PHONE', 'WEB', 'CHAT', 'PORTAL'])[1 + floor(random() * 8)::int] as channel,
	(array['Billing', 'Access', 'Defect', 'Question', 'Delivery'])[1 + floor(random() * 5)::int] as category,
	(array['Cannot sign in', 'Invoice is wrong', 'Delivery is late', 'Error when exporting', 'How do I change my plan',
		'Order arrived damaged', 'The report shows no figures', 'Password reset mail never came'])[1 + floor(random() * 8)::int] as subject,
	g.i > :cases - :open_cases as open,
	g.i > :cases - :due_escalations as planted,
	random() as r
from generate_series(1, :cases) as g(i);

\echo 'resolved and closed cases over the last two years'
insert into support_case (id, version, number, account_id, subject, description, priority, status, channel, category,
	taken, resolution, first_response_at, resolved_at, closed_at, policy_id, calendar_id, response_target_minutes,
	resolution_target_minutes, warning_percent, response_used_seconds, response_stopped_at, resolution_used_seconds,
	resolution_stopped_at, sla_changed_at, sla_breached, sla_held_state, escalation_level, escalations, is_open,
	owner_id, team_id, created_by, created_at, updated_by, updated_at, sla_order_at)
select pg_temp.uuid7(c.at), 0, 'CS-' || case when d.i < 1000000 then lpad(d.i::text, 6, '0') else d.i::text end, a.id, d.subject,
	'The customer wrote about it by ' || lower(d.channel) || '.', d.priority,
	case when d.r < 0.8 then 'CLOSED' else 'RESOLVED' end, d.channel, d.category, true,
	'Answered and solved.', c.at + c.response_used, c.at + c.resolution_used,
	case when d.r < 0.8 then c.at + c.resolution_used + interval '2 days' end,
	p.id, :'calendar', p.response, p.resolution, 80,
	extract(epoch from c.response_used)::bigint, c.at + c.response_used,
	extract(epoch from c.resolution_used)::bigint, c.at + c.resolution_used, c.at + c.resolution_used,
	c.late, case when c.late then 'BREACHED' else 'MET' end, case when c.late then 2 else 0 end,
	case when c.late then 10 else 0 end, false,
	a.owner_id, a.team_id, a.owner_id, c.at, a.owner_id, c.at + c.resolution_used + interval '2 days',
	timestamptz '9999-12-31 00:00:00+00'
from drafts d
join accounts a on a.n = d.n
join policies p on p.match_priority = d.priority or (p.match_priority is null and d.priority in ('LOW', 'NORMAL'))
cross join lateral (
	select now() - interval '730 days' + ((d.i::float8 / :cases) * interval '718 days') as at,
		d.r >= 0.9 as late,
		p.response * (0.2 + random() * 0.7) * interval '1 minute' as response_used,
		p.resolution * (case when d.r >= 0.9 then 1.1 + random() else 0.1 + random() * 0.8 end) * interval '1 minute'
			as resolution_used
) c
where not d.open;

\echo 'open cases over the last ten days'
create temp table open_drafts on commit drop as
select d.*, a.id as account_id, a.owner_id, a.team_id, p.id as policy_id, p.response, p.resolution,
	-- more of them recent than old, as a desk that keeps up has them
	now() - power(random(), 2) * interval '10 days' as at,
	case when d.planted then 'ESCALATED'
		when d.r < 0.25 then 'NEW' when d.r < 0.65 then 'IN_PROGRESS' when d.r < 0.85 then 'WAITING_ON_CUSTOMER'
		when d.r < 0.95 then 'ESCALATED' else 'REOPENED' end as status
from drafts d
join accounts a on a.n = d.n
join policies p on p.match_priority = d.priority or (p.match_priority is null and d.priority in ('LOW', 'NORMAL'))
where d.open;
update open_drafts set at = now() - interval '20 days' where planted;

-- the clocks: the first response stops its clock (New cases have none yet); waiting on the customer pauses both; a
-- running clock's due time is its target in business time, stretched to wall time by the working week
create temp table clocks on commit drop as
select o.i,
	o.status <> 'NEW' as answered,
	o.status = 'WAITING_ON_CUSTOMER' as paused,
	-- answered some time ago, never later than now
	least(o.at + o.response * (0.3 + random() * 0.6) * interval '1 minute' * 3.36,
		o.at + (now() - o.at) * random()) as first_response_at,
	o.at + o.response * 0.8 * interval '1 minute' * 3.36 as response_warning,
	o.at + o.response * interval '1 minute' * 3.36 as response_due,
	o.at + o.resolution * 0.8 * interval '1 minute' * 3.36 as resolution_warning,
	o.at + o.resolution * interval '1 minute' * 3.36 as resolution_due
from open_drafts o;
create unique index on clocks (i);

insert into support_case (id, version, number, account_id, subject, description, priority, status, channel, category,
	taken, first_response_at, policy_id, calendar_id, response_target_minutes, resolution_target_minutes,
	warning_percent, response_used_seconds, response_running_since, response_stopped_at, resolution_used_seconds,
	resolution_running_since, resolution_stopped_at, sla_changed_at, response_due_at, resolution_due_at, sla_due_at,
	sla_warning_at, sla_breached, sla_held_state, escalation_level, escalations, next_escalation_at, is_open,
	owner_id, team_id, created_by, created_at, updated_by, updated_at, sla_order_at)
select pg_temp.uuid7(o.at), 0, 'CS-' || case when o.i < 1000000 then lpad(o.i::text, 6, '0') else o.i::text end, o.account_id, o.subject,
	'The customer wrote about it by ' || lower(o.channel) || '.', o.priority, o.status, o.channel,
	case when o.planted then 'Escalation benchmark' else o.category end,
	o.planted or o.r >= 0.3 or o.status <> 'NEW',
	case when k.answered then k.first_response_at end,
	o.policy_id, :'calendar', o.response, o.resolution, 80,
	case when k.answered then extract(epoch from k.first_response_at - o.at)::bigint
		when k.paused then 0 else 0 end,
	case when not k.answered then o.at end,
	case when k.answered then k.first_response_at end,
	case when k.paused then extract(epoch from (now() - o.at) / 3.36)::bigint else 0 end,
	case when not k.paused then o.at end,
	null,
	case when k.answered then k.first_response_at else o.at end,
	case when not k.answered then k.response_due end,
	case when not k.paused then k.resolution_due end,
	case when not k.answered then least(k.response_due, k.resolution_due)
		when not k.paused then k.resolution_due end,
	case when not k.answered then least(k.response_warning, k.resolution_warning)
		when not k.paused then k.resolution_warning end,
	e.breached,
	case when k.paused then case when now() >= k.resolution_warning then 'AT_RISK' else 'ON_TRACK' end
		when k.answered then 'MET' end,
	case when o.planted then 2 else least(3, e.bits_set) end,
	case when o.planted then 4 else e.bits end,
	case when o.planted then now() - interval '1 minute' else e.next_at end,
	true, o.owner_id, o.team_id, o.owner_id, o.at, o.owner_id, now(),
	-- the due time as lists sort by it, a time beyond all due times for a case without one
	coalesce(case when not k.answered then least(k.response_due, k.resolution_due)
		when not k.paused then k.resolution_due end, timestamptz '9999-12-31 00:00:00+00')
from open_drafts o
join clocks k on k.i = o.i
cross join lateral (
	-- the events of the running clocks before the next hour count as escalated: bit 1 and 2 the first response's
	-- warning and breach, 4 and 8 the resolution's
	select coalesce(sum(ev.bit) filter (where ev.at <= now() + interval '1 hour'), 0)::int as bits,
		count(*) filter (where ev.at <= now() + interval '1 hour')::int as bits_set,
		min(ev.at) filter (where ev.at > now() + interval '1 hour') as next_at,
		coalesce(bool_or(ev.bit in (2, 8) and ev.at <= now()), false) as breached
	from (values (1, case when not k.answered then k.response_warning end),
		(2, case when not k.answered then k.response_due end),
		(4, case when not k.paused then k.resolution_warning end),
		(8, case when not k.paused then k.resolution_due end)) as ev(bit, at)
	where ev.at is not null
) e;

\echo 'numbering: the sequence goes on after the generated numbers'
select setval('support_case_number_seq', :cases);

\echo 'rebuilding the secondary indexes of support_case'
do $$
declare idx record;
begin
	for idx in select definition from saved_indexes loop
		execute idx.definition;
	end loop;
end $$;

commit;
select count(*) as cases, count(*) filter (where is_open) as open_cases,
	count(*) filter (where next_escalation_at <= now()) as due from support_case \gset
\echo :cases cases, :open_cases open, :due due for escalation
