-- H2 has no expression indexes; the embedded database is small enough to scan for the quick search.
create index account_email_idx on account (email);
create index contact_email_idx on contact (email);
