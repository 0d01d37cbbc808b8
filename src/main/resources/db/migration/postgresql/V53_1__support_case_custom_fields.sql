-- Cases keep their custom field values as one JSON object, as the other records do.
alter table support_case add column custom_fields jsonb;
