package org.rapport.sales.internal;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A lead was asked to do what its status forbids, such as converting twice or changing after conversion; the API
 * answers 409.
 */
public class LeadStatusConflict extends ErrorResponseException {

	public static final URI TYPE = URI.create("https://rapport.org/problems/lead-state");

	private final String messageKey;

	LeadStatusConflict(String messageKey, String detail) {
		super(HttpStatus.CONFLICT, problem(detail), null);
		this.messageKey = messageKey;
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setType(TYPE);
		problem.setTitle("Lead status forbids this");
		return problem;
	}

	/** The message key that says in the UI why. */
	public String messageKey() {
		return messageKey;
	}
}
