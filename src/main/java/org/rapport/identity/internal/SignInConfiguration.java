package org.rapport.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How users prove who they are, whichever door they come through: hashed passwords behind a throttle against
 * guessing, and the settings of sign-in and of record visibility.
 */
@Configuration
@EnableConfigurationProperties({ SecurityProperties.class, VisibilityProperties.class })
class SignInConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The only way to sign in with a password; being the only provider, it has no fallback to go around it. */
	@Bean
	AuthenticationProvider signIn(Principals principals, PasswordEncoder encoder, LoginThrottle throttle) {
		return new ThrottledSignIn(principals, encoder, throttle);
	}
}
