package org.rapport.web.internal;

import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves only the folders that hold static files, instead of Boot's catch-all {@code /**}: with the catch-all,
 * every link a page writes is first looked up as a file in the jar, which made a list page of fifty rows spend
 * most of its time searching for files that do not exist.
 * <p>
 * A page links each file at an address that carries a hash of its content ({@code /css/rapport-3f2a….css}), and a
 * style sheet its fonts and images likewise, so the browser keeps the file for a year and asks for it again only
 * once a new release changed it: a page after the first loads without fetching or parsing its styles and scripts anew.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "img" }) {
			versioned(registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true));
		}
		versioned(registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true))
			.addResolver(new LiteWebJarsResourceResolver());
	}

	private static ResourceChainRegistration versioned(ResourceChainRegistration chain) {
		return chain.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addTransformer(new CssLinkResourceTransformer());
	}

	/** Writes the content-hashed address of a static file into the links of the pages. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
	}
}
