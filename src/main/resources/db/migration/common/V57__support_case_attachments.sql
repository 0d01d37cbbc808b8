-- A file attached to a case, by an agent or in a customer's e-mail. The content lies in the data folder
-- (attachments/<case id>/<attachment id>), not in the database; the row says what it is, how large, and its SHA-256,
-- which the download checks.
create table case_attachment (
    id            uuid primary key,
    case_id       uuid not null references support_case (id) on delete cascade,
    comment_id    uuid references case_comment (id) on delete set null,
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint not null,
    sha256        varchar(64) not null,
    created_by    uuid,
    created_at    timestamp(6) with time zone not null
);
create index case_attachment_case_idx on case_attachment (case_id, created_at, id);
create index case_attachment_comment_idx on case_attachment (comment_id);
