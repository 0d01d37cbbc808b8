-- Generated activities for benchmarks; run by scripts/generate-activities.sh (psql variables :activities,
-- :hot_entries, :busy_tasks, :due_alerts). Each activity is about a random generated account and belongs to that
-- account's owner and team, so that the visibility rule sees the same spread as the accounts; they occur over two
-- years around today. Besides:
--   the "hot" account (the first by id) has :hot_entries activities, for its timeline;
--   the "busy" user (the owner of the hot account) has :busy_tasks open tasks due over the coming week, for My work;
--   :due_alerts meetings of many users have a reminder due a minute ago that has not gone out, for the sweep.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
select setseed(0.2718) \gset

begin;

create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $$
	select encode(int8send((floor(date_part('epoch', ts) * 1000)::bigint << 16) | 28672 | floor(random() * 4096)::bigint)
		|| int8send((-9223372036854775808) + (floor(random() * 2147483648)::bigint << 31)
			+ floor(random() * 2147483648)::bigint), 'hex')::uuid
$$;

\echo 'removing earlier generated activities, their notices and e-mails'
truncate activity_participant, activity, timeline_change, notification, mail_message;

create temp table accounts on commit drop as
select row_number() over (order by id) as n, id, owner_id, team_id from account;
create unique index on accounts (n);
analyze accounts;
select count(*) as account_count from accounts \gset
select id as hot_account, owner_id as busy_user, team_id as busy_team from accounts where n = 1 \gset

\echo 'dropping the secondary indexes of activity for the load'
create temp table saved_indexes on commit drop as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
from pg_index i
where i.indrelid = 'activity'::regclass
	and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid);
do $$
declare idx record;
begin
	for idx in select name from saved_indexes loop
		execute 'drop index ' || idx.name;
	end loop;
end $$;

\echo 'activities spread over the accounts'
insert into activity (id, version, kind, subject, about_type, about_id, account_id, occurs_at, status, priority,
	due_at, starts_at, ends_at, all_day, location, direction, duration_minutes, body, completed_at, alert_at, alerted_at,
	owner_id, team_id, created_by, created_at, updated_by, updated_at)
select pg_temp.uuid7(g.at), 0, g.kind,
	(array['Follow up on the proposal', 'Quarterly review', 'Call about the renewal', 'Send the contract',
		'Visit on site', 'Pricing question'])[1 + (g.i % 6)],
	'account', a.id, a.id, g.at,
	case when g.kind in ('EMAIL', 'NOTE') or g.at < now() - interval '2 days' then 'DONE' else 'OPEN' end,
	case when g.kind = 'TASK' then 'NORMAL' end,
	case when g.kind = 'TASK' then g.at end,
	case when g.kind in ('MEETING', 'CALL', 'EMAIL') then g.at end,
	case when g.kind = 'MEETING' then g.at + interval '1 hour' end,
	false,
	case when g.kind = 'MEETING' then 'Video call' end,
	case when g.kind in ('CALL', 'EMAIL') then 'OUTBOUND' end,
	case when g.kind = 'CALL' then 10 end,
	case when g.kind = 'NOTE' then '<p>Spoke with the buyer about the next steps.</p>' end,
	case when g.kind in ('EMAIL', 'NOTE') or g.at < now() - interval '2 days' then g.at end,
	-- an open task alerts when due; one due already has alerted
	case when g.kind = 'TASK' and g.at >= now() - interval '2 days' then g.at end,
	case when g.kind = 'TASK' and g.at >= now() - interval '2 days' and g.at <= now() then g.at end,
	a.owner_id, a.team_id, a.owner_id, g.at, a.owner_id, g.at
from (
	select i,
		now() - interval '365 days' + (random() * interval '730 days') as at,
		(array['TASK', 'TASK', 'CALL', 'CALL', 'MEETING', 'EMAIL', 'NOTE', 'NOTE'])[1 + (i % 8)] as kind,
		1 + floor(random() * :account_count)::bigint as n
	from generate_series(1, :activities - :hot_entries - :busy_tasks) as i
) g
join accounts a on a.n = g.n;

\echo 'the hot account''s timeline'
insert into activity (id, version, kind, subject, about_type, about_id, account_id, occurs_at, status, starts_at,
	all_day, direction, duration_minutes, completed_at, owner_id, team_id, created_at, updated_at)
select pg_temp.uuid7(g.at), 0, 'CALL', 'Call ' || g.i, 'account', :'hot_account', :'hot_account', g.at, 'DONE', g.at,
	false, 'OUTBOUND', 5, g.at, :'busy_user', :'busy_team', g.at, g.at
from (select i, now() - (random() * interval '730 days') as at from generate_series(1, :hot_entries) as i) g;

\echo 'the busy user''s open tasks over the coming week'
insert into activity (id, version, kind, subject, about_type, about_id, account_id, occurs_at, status, priority,
	due_at, all_day, alert_at, alerted_at, owner_id, team_id, created_at, updated_at)
select pg_temp.uuid7(now()), 0, 'TASK', 'Task ' || g.i, 'account', a.id, a.id, g.due, 'OPEN', 'NORMAL', g.due, false,
	g.due, case when g.due <= now() then g.due end, :'busy_user', :'busy_team', now(), now()
from (select i, date_trunc('day', now()) + (random() * interval '8 days') as due, 1 + (i % 1000) as n
	from generate_series(1, :busy_tasks) as i) g
join accounts a on a.n = g.n;

\echo 'meetings whose reminder is due and has not gone out'
update activity set reminder_minutes = 15, alert_at = now() - interval '1 minute', alerted_at = null,
	status = 'OPEN', completed_at = null, starts_at = now() + interval '14 minutes', ends_at = now() + interval '74 minutes',
	occurs_at = now() + interval '14 minutes'
where id in (select id from activity where kind = 'MEETING' and account_id <> :'hot_account' limit :due_alerts);

\echo 'rebuilding the secondary indexes of activity'
do $$
declare idx record;
begin
	for idx in select definition from saved_indexes loop
		execute idx.definition;
	end loop;
end $$;

commit;
select count(*) as activities from activity \gset
\echo :activities activities
