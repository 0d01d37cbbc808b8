-- The quick search matches a prefix of the name or e-mail, case-insensitively.
create index account_name_prefix_idx on account (lower(name) text_pattern_ops);
create index account_email_prefix_idx on account (lower(email) text_pattern_ops);
create index contact_last_name_prefix_idx on contact (lower(last_name) text_pattern_ops);
create index contact_first_name_prefix_idx on contact (lower(first_name) text_pattern_ops);
create index contact_email_prefix_idx on contact (lower(email) text_pattern_ops);
