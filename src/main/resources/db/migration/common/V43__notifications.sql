-- What users are told: in the notification centre (read or not) and by e-mail. The text is a message key with its
-- arguments, shown in the recipient's language when read or mailed.
create table notification (
    id            uuid primary key,
    recipient_id  uuid not null,
    kind          varchar(60) not null,
    message_key   varchar(120) not null,
    arguments     varchar(4000),
    link          varchar(500),
    sender_id     uuid,
    created_at    timestamp(6) with time zone not null,
    read_at       timestamp(6) with time zone
);
-- the centre's list, newest first, and the bell's count of the unread
create index notification_recipient_idx on notification (recipient_id, created_at, id);
create index notification_unread_idx on notification (recipient_id, read_at, created_at);

-- How each user wants each kind of notice (IN_APP, EMAIL, BOTH, NONE); a kind without a row takes its default.
create table notification_preference (
    user_id   uuid not null,
    kind      varchar(60) not null,
    delivery  varchar(10) not null,
    primary key (user_id, kind)
);

-- Whether a user gets a daily digest of what they have not read, and when it was last sent.
create table notification_digest (
    user_id       uuid primary key,
    enabled       boolean not null,
    last_sent_at  timestamp(6) with time zone
);

-- E-mails to send, one row each: a sender claims a row (SENDING) before it talks to the SMTP server, marks it SENT
-- after, and puts it back (PENDING, later) only when the server refused it before taking it, so that no e-mail goes
-- out twice. A row left SENDING by a node that stopped is not sent again: it becomes UNKNOWN.
create table mail_message (
    id               uuid primary key,
    recipient        varchar(320) not null,
    subject          varchar(300) not null,
    body             text not null,
    calendar         text,
    status           varchar(10) not null,
    attempts         integer not null,
    next_attempt_at  timestamp(6) with time zone not null,
    claimed_at       timestamp(6) with time zone,
    sent_at          timestamp(6) with time zone,
    last_error       varchar(1000),
    created_at       timestamp(6) with time zone not null
);
create index mail_message_due_idx on mail_message (status, next_attempt_at);
