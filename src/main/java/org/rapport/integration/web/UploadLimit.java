package org.rapport.integration.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.rapport.web.UploadSize;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload over the limit ({@code spring.servlet.multipart.max-file-size}) fails before any controller sees it:
 * the API answers 413 with problem details that state the limit in the user's language, the pages go back to the
 * upload form with a message. An upload that cannot be read, such as one cut short, is the client's mistake: 400,
 * without an error in the log.
 */
@ControllerAdvice
class UploadLimit {

	private final UploadSize uploadSize;
	private final JsonMapper json;

	UploadLimit(UploadSize uploadSize, JsonMapper json) {
		this.uploadSize = uploadSize;
		this.json = json;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	void tooLarge(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(413);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(json.writeValueAsString(uploadSize.tooLarge(locale)));
			return;
		}
		response.sendRedirect(request.getContextPath() + "/imports?tooLarge=true");
	}

	@ExceptionHandler(MultipartException.class)
	void unreadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(400);
			response.setContentType("application/problem+json");
			response.getOutputStream().write("""
					{"type":"about:blank","title":"Bad Request","status":400,\
					"detail":"The upload cannot be read as multipart/form-data; it may have been cut short"}"""
				.getBytes(StandardCharsets.UTF_8));
			return;
		}
		response.sendError(400);
	}
}
