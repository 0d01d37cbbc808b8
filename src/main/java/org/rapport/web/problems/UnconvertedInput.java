package org.rapport.web.problems;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Keeps a form whole when one of its values cannot be converted (a probability of 99999999999, a price "abc").
 * Spring then builds the form's record with that value left empty, skips its validation, and keeps the errors in
 * a binding result without the record, which a page showing the form again cannot read and which the controller
 * drops when it puts the record back in the model. Here the record gets a binding result of its own that holds
 * the conversion errors, with the values the user typed, and the record's other checks.
 */
@Configuration(proxyBeanMethods = false)
class UnconvertedInput {

	@Bean
	static BeanPostProcessor unconvertedInputResolvers() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
					adapter.setArgumentResolvers(adapter.getArgumentResolvers()
						.stream()
						.map(resolver -> resolver instanceof ModelAttributeMethodProcessor attributes
								? new Rebinding(attributes) : resolver)
						.toList());
				}
				return bean;
			}
		};
	}

	private record Rebinding(ModelAttributeMethodProcessor delegate) implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return delegate.supportsParameter(parameter);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
			Object attribute = delegate.resolveArgument(parameter, container, request, binders);
			String name = ModelFactory.getNameForParameter(parameter);
			String key = BindingResult.MODEL_KEY_PREFIX + name;
			if (attribute != null && container != null
					&& container.getModel().get(key) instanceof BindingResult unbound && unbound.getTarget() == null) {
				WebDataBinder checking = binders.createBinder(request, attribute, name);
				if (parameter.hasParameterAnnotation(Valid.class)
						|| parameter.hasParameterAnnotation(Validated.class)) {
					checking.validate();
				}
				TypedBindingResult bound = new TypedBindingResult(attribute, name);
				if (checking.getConversionService() != null) {
					bound.initConversion(checking.getConversionService());
				}
				bound.addAllErrors(unbound);
				List.copyOf(checking.getBindingResult().getFieldErrors())
					.stream()
					.filter(error -> unbound.getFieldError(error.getField()) == null)
					.forEach(bound::addError);
				checking.getBindingResult().getGlobalErrors().forEach(bound::addError);
				container.getModel().put(name, attribute);
				container.getModel().put(key, bound);
			}
			return attribute;
		}
	}

	/**
	 * A binding result whose raw value of an unconverted field is what the user typed: pages read number and date
	 * inputs through the raw value, which would otherwise be the empty value the record holds.
	 */
	private static final class TypedBindingResult extends BeanPropertyBindingResult {

		TypedBindingResult(Object target, String name) {
			super(target, name);
		}

		@Override
		public Object getRawFieldValue(String field) {
			FieldError error = getFieldError(field);
			return error != null && error.isBindingFailure() ? error.getRejectedValue() : super.getRawFieldValue(field);
		}
	}
}
