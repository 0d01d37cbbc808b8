package org.rapport.activities.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/** Someone who takes part in a meeting: a user ({@code user}) or a contact ({@code contact}). */
@Embeddable
public record Participant(@Column(name = "participant_type", nullable = false) String type,
		@Column(name = "participant_id", nullable = false) UUID id) {

	public static final String USER = "user";
	public static final String CONTACT = "contact";

	public Participant {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(id, "id");
	}

	public boolean isUser() {
		return USER.equals(type);
	}
}
