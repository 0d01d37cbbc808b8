package org.rapport.identity.internal;

import java.util.List;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password through the {@link LoginThrottle}. Every refusal — unknown user, wrong password,
 * inactive user, an attempt that came before its wait was over — is the same {@link BadCredentialsException}, so
 * that the answer never tells which user names exist.
 */
class ThrottledSignIn implements AuthenticationProvider {

	static final String REFUSED = "Wrong user name or password";

	private final DaoAuthenticationProvider passwords;
	private final LoginThrottle throttle;

	ThrottledSignIn(Principals principals, PasswordEncoder encoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(principals);
		this.passwords.setPasswordEncoder(encoder);
		// The account's state is checked after its password, so that an inactive user takes as long to refuse as
		// a wrong password.
		this.passwords.setPreAuthenticationChecks(user -> {
		});
		this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String accountKey = LoginThrottle.accountKey(authentication.getName());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		List<String> keys = List.of(accountKey, LoginThrottle.addressKey(address));
		if (throttle.mustWait(keys)) {
			throw new BadCredentialsException(REFUSED);
		}
		Authentication result;
		try {
			result = passwords.authenticate(authentication);
		}
		catch (InternalAuthenticationServiceException e) {
			throw e;
		}
		catch (AuthenticationException e) {
			throttle.failed(keys);
			throw new BadCredentialsException(REFUSED, e);
		}
		throttle.succeeded(accountKey);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
