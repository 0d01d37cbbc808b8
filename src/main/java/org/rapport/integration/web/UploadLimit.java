package org.rapport.integration.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over the limit ({@code spring.servlet.multipart.max-file-size}) fails before any controller sees it:
 * the API answers 413 with problem details, the pages go back to the upload form with a message. An upload that
 * cannot be read, such as one cut short, is the client's mistake: 400, without an error in the log.
 */
@ControllerAdvice
class UploadLimit {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(413);
			response.setContentType("application/problem+json");
			response.getOutputStream().write("""
					{"type":"about:blank","title":"Payload Too Large","status":413,\
					"detail":"The file is larger than the upload limit of 100 MB"}"""
				.getBytes(StandardCharsets.UTF_8));
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
