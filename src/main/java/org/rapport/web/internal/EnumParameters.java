package org.rapport.web.internal;

import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and form parameters name an enumeration's value in any case ({@code contacts=detach} as well as
 * {@code DETACH}); a value that is none of them still fails as a type mismatch naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class EnumParameters implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new AnyCase());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static final class AnyCase implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
			Class<?> type = targetType;
			while (type != null && !type.isEnum()) {
				type = type.getSuperclass();
			}
			Class enumType = type;
			return source -> {
				String value = source.strip();
				if (value.isEmpty()) {
					return null;
				}
				return (T) Enum.valueOf(enumType, value.toUpperCase(Locale.ROOT));
			};
		}
	}
}
