-- Duplicate detection compares normalised keys that every write keeps up to date (see MatchKeys); the
-- Java migration V12_1 fills them for the rows that exist and then gives each key its index (built once, after
-- the fill, rather than kept up to date through millions of updates), so that the check on entry is a look-up
-- and the duplicates list groups an index, never the table.
alter table account add column name_key varchar(200);
alter table account add column domain_key varchar(200);

alter table contact add column email_key varchar(200);
alter table contact add column person_key varchar(200);

alter table lead add column email_key varchar(200);
alter table lead add column person_key varchar(200);
alter table lead add column company_key varchar(200);

-- What each merge kept: the record that remained, the one merged into it (gone since), that record's values
-- and the field choices, as JSON text, and who merged them when.
create table merge_log (
    id              uuid primary key,
    kind            varchar(20) not null,
    survivor_id     uuid not null,
    merged_id       uuid not null,
    merged_label    varchar(300) not null,
    merged_values   varchar(16000) not null,
    chosen_fields   varchar(4000) not null,
    merged_by       uuid,
    merged_at       timestamp(6) with time zone not null
);
create index merge_log_survivor_idx on merge_log (survivor_id, merged_at, id);
create index merge_log_merged_idx on merge_log (merged_id);
-- merging contacts moves the converted leads' links to the contact that remains
create index lead_converted_contact_idx on lead (converted_contact_id);
