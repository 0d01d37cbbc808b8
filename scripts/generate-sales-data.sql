-- Generated opportunities for benchmarks; run by scripts/generate-sales-data.sh (psql variables :opportunities
-- and :board_open). Each opportunity belongs to a random generated account and to that account's owner and
-- team, so that the visibility rule sees the same spread as the accounts.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
select setseed(0.31415) \gset

begin;

create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $$
	select encode(int8send((floor(date_part('epoch', ts) * 1000)::bigint << 16) | 28672 | floor(random() * 4096)::bigint)
		|| int8send((-9223372036854775808) + (floor(random() * 2147483648)::bigint << 31)
			+ floor(random() * 2147483648)::bigint), 'hex')::uuid
$$;

\echo 'removing earlier generated opportunities and the Enterprise pipeline'
truncate opportunity_stage_history, opportunity_line, opportunity;
delete from pipeline_stage where pipeline_id in (select id from pipeline where name = 'Enterprise');
delete from pipeline where name = 'Enterprise';

\echo 'the Enterprise pipeline'
insert into pipeline (id, version, name, is_default, position, created_at)
values (pg_temp.uuid7(now()), 0, 'Enterprise', false, 1, now());
insert into pipeline_stage (id, pipeline_id, name, position, probability, kind)
select pg_temp.uuid7(now()), p.id, s.name, s.position, s.probability, s.kind
from pipeline p,
	(values ('Discovery', 0, 10, 'OPEN'), ('Solution design', 1, 25, 'OPEN'), ('Proposal', 2, 50, 'OPEN'),
		('Negotiation', 3, 75, 'OPEN'), ('Contract review', 4, 90, 'OPEN'), ('Won', 5, 100, 'WON'),
		('Lost', 6, 0, 'LOST')) as s(name, position, probability, kind)
where p.name = 'Enterprise';

-- Stages of both pipelines, numbered per pipeline and kind for picking.
create temp table stages on commit drop as
select s.id, s.name, s.kind, s.probability, p.name as pipeline, p.id as pipeline_id,
	row_number() over (partition by p.id, s.kind order by s.position) as n,
	count(*) over (partition by p.id, s.kind) as of_kind
from pipeline_stage s join pipeline p on p.id = s.pipeline_id
where p.is_default or p.name = 'Enterprise';
create index on stages (pipeline, kind, n);
analyze stages;

create temp table accounts on commit drop as
select row_number() over (order by id) as n, id, owner_id, team_id from account;
create unique index on accounts (n);
analyze accounts;
select count(*) as account_count from accounts \gset

\echo 'dropping the secondary indexes of opportunity for the load'
create temp table saved_indexes on commit drop as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
from pg_index i
where i.indrelid = 'opportunity'::regclass
	and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid);
do $$
declare idx record;
begin
	for idx in select name from saved_indexes loop
		execute 'drop index ' || idx.name;
	end loop;
end $$;
set local session_replication_role = replica;

\echo 'opportunities'
insert into opportunity (id, version, account_id, name, pipeline_id, stage_id, stage_kind, amount, currency,
		close_date, probability, next_step, lost_reason, stage_entered_at, board_rank, owner_id, team_id,
		created_by, created_at, updated_by, updated_at)
select pg_temp.uuid7(g.created_at), 0, a.id,
	(array['Annual licence', 'Expansion', 'Renewal', 'Pilot', 'Onboarding', 'Upgrade', 'Support contract',
		'Analytics add-on'])[1 + g.i % 8] || ' ' || g.i,
	s.pipeline_id, s.id, s.kind,
	round((1000 + random() * 99000)::numeric, 2),
	case when g.r_currency < 0.75 then 'EUR' when g.r_currency < 0.95 then 'USD' else 'CNY' end,
	case when s.kind = 'OPEN' then current_date + (random() * 365)::int else current_date - (random() * 730)::int end,
	s.probability,
	case when s.kind = 'OPEN' and random() < 0.5 then 'Call back' end,
	case when s.kind = 'LOST' then (array['Price', 'Chose a competitor', 'No budget', 'No decision'])[1 + g.i % 4] end,
	g.entered_at, -(extract(epoch from g.entered_at) * 1000)::bigint, a.owner_id, a.team_id,
	a.owner_id, g.created_at, a.owner_id, g.entered_at
from (
	select i, random() as r_currency, random() as r_kind, random() as r_stage,
		1 + floor(random() * :account_count)::bigint as account_no,
		now() - interval '3 years' + (i::float8 / :opportunities) * interval '3 years' as created_at,
		now() - (random() * 180) * interval '1 day' as entered_at,
		i <= :board_open as on_board,
		i > :board_open and i <= :board_open + :board_open / 5 as closed_on_board
	from generate_series(1, :opportunities) i
) g
join accounts a on a.n = g.account_no
join lateral (
	select * from stages st
	where st.pipeline = case when g.on_board or g.closed_on_board then 'Enterprise' else
			(select name from pipeline where is_default) end
		and st.kind = case when g.on_board then 'OPEN' when g.closed_on_board then
				(case when g.r_kind < 0.5 then 'WON' else 'LOST' end)
			when g.r_kind < 0.40 then 'OPEN' when g.r_kind < 0.65 then 'WON' else 'LOST' end
		and st.n = 1 + floor(g.r_stage * st.of_kind)::int
) s on true;

\echo 'stage history: when each opportunity entered its stage'
insert into opportunity_stage_history (id, opportunity_id, stage_id, stage_name, entered_at, left_at, changed_by)
select pg_temp.uuid7(o.stage_entered_at), o.id, o.stage_id, st.name, o.stage_entered_at, null, o.owner_id
from opportunity o join stages st on st.id = o.stage_id;

\echo 'recreating the indexes'
do $$
declare idx record;
begin
	for idx in select definition from saved_indexes loop
		execute idx.definition;
	end loop;
end $$;

commit;
