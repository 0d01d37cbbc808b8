package org.rapport.web.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.rapport.shared.InvalidField;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as RFC 9457 problem details: 400 for a body that cannot be read, 422 naming each
 * invalid field, 409 for a write that lost a race, 403 for what the role does not allow.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422),
				"Some fields are invalid; see 'errors'.");
		problem.setType(InvalidField.TYPE);
		problem.setTitle("Invalid input");
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiProblems::describe)
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	private static Map<String, Object> describe(FieldError error) {
		return Map.of("field", error.getField(), "code", error.getCode() == null ? "invalid" : error.getCode(),
				"message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> conflict(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The record was changed by someone else meanwhile; fetch it again and reapply your change.");
		problem.setType(URI.create("https://rapport.org/problems/concurrent-update"));
		problem.setTitle("Concurrent update");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with other records.");
		problem.setTitle("Conflict");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/** No database connection: as {@link DatabaseUnavailable} answers, should a broader handler come before it. */
	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database is busy or away; try again in " + DatabaseUnavailable.RETRY_AFTER + " seconds.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER)
			.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}
}
