-- Repeating tasks and meetings. A series is one activity whose recurrence holds its RRULE (FREQ=WEEKLY;BYDAY=MO...),
-- expanded in recurrence_zone whenever it is shown; its own times are those of the first occurrence, and
-- series_until is when the last one ends (null for a series without end), so that a window reads only the series
-- that reach into it.
alter table activity add column recurrence varchar(300);
alter table activity add column recurrence_zone varchar(64);
alter table activity add column series_until timestamp(6) with time zone;
-- An occurrence changed, completed or cancelled on its own becomes an activity of its own: series_id names the
-- series, original_start the start the series gave it. One row per occurrence; a series deleted leaves none behind
-- (Rapport deletes them with it), and the key lets go rather than block a delete of both at once.
alter table activity add column series_id uuid references activity (id) on delete set null;
alter table activity add column original_start timestamp(6) with time zone;
create unique index activity_occurrence_idx on activity (series_id, original_start);
-- The series of a user and of a team: recurrence_zone is set on series only, so the index reads just those.
create index activity_owner_series_idx on activity (owner_id, recurrence_zone);
create index activity_team_series_idx on activity (team_id, recurrence_zone);
