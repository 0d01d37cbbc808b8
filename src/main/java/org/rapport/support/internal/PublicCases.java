package org.rapport.support.internal;

import java.time.Clock;
import java.util.UUID;
import org.rapport.shared.InvalidField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases that customers open through the public form, without signing in: for their e-mail address (matched to
 * a contact when one has it), with their name, a subject and what happened; they wait in the service queue.
 */
@Service
public class PublicCases {

	/** The longest name a customer gives. */
	public static final int MAX_NAME = 200;

	private final CaseIntake intake;
	private final Cases cases;
	private final Clock clock;

	PublicCases(CaseIntake intake, Cases cases, Clock clock) {
		this.intake = intake;
		this.cases = cases;
		this.clock = clock;
	}

	/** Opens the case; answers its number, which the customer quotes when they write again. */
	@Transactional
	public String open(String email, String name, String subject, String description) {
		if (name != null && name.strip().length() > MAX_NAME) {
			throw new InvalidField("name", "support.public.name", "A name has up to {0} characters", MAX_NAME);
		}
		if (subject == null || subject.isBlank() || subject.strip().length() > SupportCase.MAX_SUBJECT) {
			throw new InvalidField("subject", "support.case.subject", "Give the case a subject of up to {0} characters",
					SupportCase.MAX_SUBJECT);
		}
		if (description == null || description.isBlank() || description.strip().length() > SupportCase.MAX_DESCRIPTION) {
			throw new InvalidField("description", "support.public.description",
					"Say what happened, in up to {0} characters", SupportCase.MAX_DESCRIPTION);
		}
		UUID id = intake.open(email, name, subject, description, CaseChannel.WEB, clock.instant());
		return cases.findById(id).orElseThrow().getNumber();
	}
}
