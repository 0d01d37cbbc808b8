-- The service mailbox that e-mail to case reads over IMAP: one row, set by an administrator. New messages open cases
-- owned by the mailbox's user in its queue.
create table support_mailbox (
    id              integer primary key,
    version         bigint not null,
    enabled         boolean not null,
    host            varchar(255),
    port            integer not null,
    security        varchar(10) not null,
    username        varchar(320),
    password        varchar(500),
    folder          varchar(255) not null,
    address         varchar(320),
    owner_id        uuid,
    queue_team_id   uuid,
    last_polled_at  timestamp(6) with time zone,
    last_error      varchar(1000),
    updated_at      timestamp(6) with time zone
);

-- Each message read from the mailbox, by its Message-ID, recorded in the transaction that opens its case or adds it to
-- one: a message read again (after a crash before it was marked read) is recognised and left alone.
create table case_inbound (
    message_id   varchar(998) primary key,
    case_id      uuid references support_case (id) on delete set null,
    outcome      varchar(20) not null,
    received_at  timestamp(6) with time zone not null
);
create index case_inbound_case_idx on case_inbound (case_id);

-- The messages of a case's conversation by their Message-ID, which a reply's In-Reply-To and References name.
create index case_comment_message_idx on case_comment (message_id);
