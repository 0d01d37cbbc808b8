package org.rapport.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings of this installation that every module takes by injection: declared in the module they belong to, so
 * that a test of any one module has them as the application has.
 */
@Configuration(proxyBeanMethods = false)
class InstallationSettings {

	/**
	 * The currency of this installation ({@code rapport.currency}, EUR unless set), which forms and imports take where
	 * nothing names another; a code that names no currency stops the start.
	 */
	@Bean
	DefaultCurrency defaultCurrency(@Value("${rapport.currency:EUR}") String code) {
		return new DefaultCurrency(code);
	}
}
