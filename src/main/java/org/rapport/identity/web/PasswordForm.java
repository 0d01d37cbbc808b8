package org.rapport.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordForm(@NotBlank String current, @NotBlank @Size(min = 8, max = 200, message = "{validation.password.length}") String next,
		@NotBlank String repeat) {

	static PasswordForm empty() {
		return new PasswordForm(null, null, null);
	}
}
