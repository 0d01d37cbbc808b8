package org.rapport.web.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Serves only the folders that hold static files, instead of Boot's catch-all {@code /**}: with the catch-all,
 * every link a page writes is first looked up as a file in the jar, which made a list page of fifty rows spend
 * most of its time searching for files that do not exist.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}
}
