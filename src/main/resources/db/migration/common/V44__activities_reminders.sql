-- When an activity alerts its people: a task when it falls due, a meeting the chosen minutes before it starts.
-- alert_at is that moment (null for none), alerted_at when the alert went out; a change of the time or of the
-- reminder sets a new alert_at and clears alerted_at. The sweep reads the due alerts by this index.
alter table activity add column reminder_minutes integer;
alter table activity add column alert_at timestamp(6) with time zone;
alter table activity add column alerted_at timestamp(6) with time zone;
create index activity_alert_idx on activity (alerted_at, alert_at);

-- Each user's default reminder for the meetings they plan, in minutes before the start.
create table activity_preference (
    user_id           uuid primary key,
    reminder_minutes  integer not null
);
