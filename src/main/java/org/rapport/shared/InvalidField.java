package org.rapport.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A value that passed the form's checks but not the domain's, such as an owner who has left. The UI shows
 * it at the field; the API answers 422 with problem details that name the field.
 */
public class InvalidField extends ErrorResponseException {

	public static final URI TYPE = URI.create("https://rapport.org/problems/invalid-input");

	private final String field;
	private final String messageKey;

	public InvalidField(String field, String messageKey, String defaultMessage) {
		super(HttpStatusCode.valueOf(422), problem(field, messageKey, defaultMessage), null);
		this.field = field;
		this.messageKey = messageKey;
	}

	private static ProblemDetail problem(String field, String code, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422), message);
		problem.setType(TYPE);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", List.of(Map.of("field", field, "code", code, "message", message)));
		return problem;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}
}
