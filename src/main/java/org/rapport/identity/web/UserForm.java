package org.rapport.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.EmailAddress;

/**
 * A user as the administrator's form takes it. The password is required for a new user only.
 */
record UserForm(
		@NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._@-]+$", message = "{validation.username}") String username,
		@NotBlank @Size(max = 200) String displayName,
		@EmailAddress @Size(max = ContactPoints.EMAIL_MAX) String email,
		@Size(max = 200) String password,
		@NotEmpty Set<Role> roles,
		UUID teamId,
		@NotBlank String locale,
		@NotBlank String timeZone,
		boolean active,
		Long version) {

	static UserForm empty() {
		return new UserForm(null, null, null, null, EnumSet.of(Role.SALES), null, "en", "UTC", true, null);
	}

	static UserForm of(User user) {
		return new UserForm(user.getUsername(), user.getDisplayName(), user.getEmail(), null, user.getRoles(),
				user.getTeamId(), user.getLocale().toLanguageTag(), user.getTimeZone().getId(), user.isActive(),
				user.getVersion());
	}
}
