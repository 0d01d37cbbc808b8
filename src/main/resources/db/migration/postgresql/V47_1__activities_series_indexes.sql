-- The series of a user and of a team. V47 indexed them on (owner or team, recurrence_zone), which the planner took to
-- find the activities that do not repeat, nearly all of them; these replace them. Partial: they hold the series alone
-- (recurrence_zone is set on series only).
drop index if exists activity_owner_series_idx;
drop index if exists activity_team_series_idx;
create index activity_owner_series_idx on activity (owner_id, occurs_at) where recurrence_zone is not null;
create index activity_team_series_idx on activity (team_id, occurs_at) where recurrence_zone is not null;
