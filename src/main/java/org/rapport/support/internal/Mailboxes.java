package org.rapport.support.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface Mailboxes extends JpaRepository<Mailbox, Integer> {
}
