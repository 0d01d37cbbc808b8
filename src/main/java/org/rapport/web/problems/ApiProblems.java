package org.rapport.web.problems;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.rapport.shared.DomainException;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordInUse;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the REST API as RFC 9457 problem details: 400 for a body that cannot be read, 422 naming each
 * invalid field (also a value of the wrong JSON type, and a query parameter that is not of its type), 409 for a
 * write that lost a race, 403 for what the role does not allow, and for each refusal of the domain the status that
 * {@link DomainStatus} gives it with its message in the user's language. Field messages come from the message
 * bundles in the user's language, as the forms show them, also those of the fields that the domain refuses. It comes before {@link ErrorPages}, which would
 * otherwise take the refusals of the REST controllers too (they are controllers as well).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiProblems extends ResponseEntityExceptionHandler {

	static final String PROBLEMS = "https://rapport.org/problems/";

	static final URI INVALID_INPUT = URI.create(PROBLEMS + "invalid-input");

	static final URI RECORD_IN_USE = URI.create(PROBLEMS + "record-in-use");

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		return invalid(ex.getBindingResult().getFieldErrors().stream().map(error -> describe(error, locale)).toList());
	}

	private Map<String, Object> describe(FieldError error, Locale locale) {
		String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
		if (error.isBindingFailure()) {
			message = messages.getMessage(error, locale);
		}
		return Map.of("field", error.getField(), "code", error.getCode() == null ? "invalid" : error.getCode(),
				"message", message);
	}

	private static ResponseEntity<Object> invalid(List<Map<String, Object>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422),
				"Some fields are invalid; see 'errors'.");
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	/**
	 * A value that the domain refused names its field, with the key of its message as the code and its English
	 * message as the detail.
	 */
	@ExceptionHandler(InvalidField.class)
	ResponseEntity<ProblemDetail> invalidField(InvalidField invalid) {
		String message = invalid.message(messages, LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(DomainStatus.of(invalid), message);
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "code", invalid.messageKey(),
				"message", message)));
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/**
	 * Any other refusal of the domain: its status, and its message in the user's language; a record in use and a
	 * named rule have a type and a title of their own.
	 */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> refused(DomainException refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(DomainStatus.of(refused),
				refused.message(messages, LocaleContextHolder.getLocale()));
		if (refused instanceof RecordInUse) {
			problem.setType(RECORD_IN_USE);
			problem.setTitle("Record in use");
		}
		else if (refused instanceof RuleBroken rule && rule.rule() != null) {
			problem.setType(URI.create(PROBLEMS + rule.rule()));
			problem.setTitle(rule.summary());
		}
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/**
	 * A body whose value has the wrong JSON type or is not one of an enumeration's values names the field and what
	 * it takes; a body that is not JSON at all stays a 400.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			Class<?> target = jackson instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
			logger.debug("Unreadable request body: " + jackson.getOriginalMessage());
			return invalid(List.of(Map.of("field", path(jackson), "code", "typeMismatch", "message",
					typeMismatch(target, LocaleContextHolder.getLocale()))));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("api.body.unreadable", null, "The request body is missing or is not valid JSON.",
						LocaleContextHolder.getLocale()));
		problem.setTitle("Bad Request");
		return ResponseEntity.badRequest().body(problem);
	}

	/** A query or path parameter that is not of its type, such as a page number past the integers. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: ex.getPropertyName();
		return invalid(List.of(Map.of("field", name == null ? "" : name, "code", "typeMismatch", "message",
				typeMismatch(ex.getRequiredType(), LocaleContextHolder.getLocale()))));
	}

	private String typeMismatch(Class<?> type, Locale locale) {
		if (type != null && type.isEnum()) {
			String accepted = Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
			return messages.getMessage("typeMismatch.enum", new Object[] { accepted }, locale);
		}
		if (type != null && (type.isArray() || Collection.class.isAssignableFrom(type))) {
			return messages.getMessage("typeMismatch.list", null, locale);
		}
		String[] codes = type == null ? new String[] { "typeMismatch" }
				: new String[] { "typeMismatch." + wrapper(type).getName(), "typeMismatch" };
		return messages.getMessage(new org.springframework.context.support.DefaultMessageSourceResolvable(codes, (Object[]) null),
				locale);
	}

	private static Class<?> wrapper(Class<?> type) {
		return org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * A value that the domain refused names its field with the message of its key in the user's language, as the
	 * forms show it; a key that the bundles lack keeps the domain's English message.
	 */
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
