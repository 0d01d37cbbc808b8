package org.rapport.web.problems;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rapport.shared.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page whose request the domain refused answers with the status of the refusal (see {@link DomainStatus}) and the
 * error page of that status, {@code templates/error/404.html} for a record that is missing or hidden,
 * {@code 403.html} for what the role or ownership does not allow, {@code error.html} for the others: the error view
 * of Spring Boot, as every failed page request shows it, inside the layout of the signed-in user. Forms that show a
 * refusal at a field or in a message catch it themselves. The REST controllers, which are controllers too, have
 * {@link ApiProblems} before this.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

	@ExceptionHandler(DomainException.class)
	void refused(DomainException refused, HttpServletResponse response) throws IOException {
		response.sendError(DomainStatus.of(refused).value(), refused.getMessage());
	}
}
