-- An import publishes one event per batch naming every record of the batch (about 50 characters each), so that
-- the search module indexes them; text has no length limit.
alter table event_publication alter column serialized_event type text;
