-- Campaigns keep their custom field values as one JSON object, as the other records do.
alter table campaign add column custom_fields jsonb;
-- The list's search matches a prefix of the name, whatever its case.
create index campaign_name_prefix_idx on campaign (lower(name) text_pattern_ops);
