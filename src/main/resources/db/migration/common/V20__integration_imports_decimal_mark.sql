-- How an import's file writes its numbers: POINT (1,234.50) or COMMA (1.234,50); files imported before read as POINT.
alter table import_job add column decimal_mark varchar(10) default 'POINT' not null;
