package org.rapport.web.internal;

import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.IStandardExpression;
import org.thymeleaf.standard.expression.SelectionVariableExpression;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Gives every form field bound with {@code th:field} the HTML attributes that its form record's bean-validation
 * constraints imply: {@code required} for {@code @NotNull}/{@code @NotBlank}/{@code @NotEmpty}, {@code maxlength}
 * and {@code minlength} for {@code @Size}, {@code min}/{@code max} for the number constraints. The browser and
 * screen readers thus learn the server's rules from the one place that states them; an attribute the template
 * sets itself wins.
 */
@Component
class ConstraintAttributesDialect extends AbstractProcessorDialect {

	private final Validator validator;
	private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

	ConstraintAttributesDialect(Validator validator) {
		super("Rapport constraint attributes", StandardDialect.PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
		this.validator = validator;
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new FieldConstraints(dialectPrefix));
	}

	/** The attributes for the property at the path (such as {@code address.street} or {@code lines[0].quantity}). */
	Map<String, String> attributes(Class<?> form, String path) {
		return cache.computeIfAbsent(form.getName() + "#" + path, key -> compute(form, path));
	}

	private Map<String, String> compute(Class<?> form, String path) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Class<?> owner = form;
		String[] segments = path.split("\\.");
		for (int i = 0; i < segments.length; i++) {
			boolean indexed = segments[i].contains("[");
			String name = indexed ? segments[i].substring(0, segments[i].indexOf('[')) : segments[i];
			Type type = propertyType(owner, name);
			if (type == null) {
				return attributes;
			}
			if (i < segments.length - 1) {
				owner = indexed ? elementClass(type) : rawClass(type);
				if (owner == null) {
					return attributes;
				}
				continue;
			}
			PropertyDescriptor property = validator.getConstraintsForClass(owner).getConstraintsForProperty(name);
			if (property != null) {
				boolean number = Number.class.isAssignableFrom(rawClass(type)) || rawClass(type).isPrimitive();
				for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
					apply(constraint, number, attributes);
				}
				if (BigDecimal.class.equals(rawClass(type))) {
					attributes.putIfAbsent("step", "any");
				}
			}
		}
		return attributes;
	}

	private static void apply(ConstraintDescriptor<?> constraint, boolean number, Map<String, String> attributes) {
		String kind = constraint.getAnnotation().annotationType().getSimpleName();
		Map<String, Object> values = constraint.getAttributes();
		switch (kind) {
			case "NotNull", "NotBlank", "NotEmpty" -> attributes.put("required", "required");
			case "Size" -> {
				int max = (Integer) values.get("max");
				int min = (Integer) values.get("min");
				if (max < Integer.MAX_VALUE) {
					attributes.put("maxlength", String.valueOf(max));
				}
				if (min > 0) {
					attributes.put("minlength", String.valueOf(min));
				}
			}
			case "Min", "DecimalMin" -> {
				if (number) {
					attributes.put("min", String.valueOf(values.get("value")));
				}
			}
			case "Max", "DecimalMax" -> {
				if (number) {
					attributes.put("max", String.valueOf(values.get("value")));
				}
			}
			case "Positive", "PositiveOrZero" -> {
				if (number) {
					attributes.put("min", "0");
				}
			}
			default -> {
				// a constraint of our own, such as @Amount, composed of standard ones
				for (ConstraintDescriptor<?> part : constraint.getComposingConstraints()) {
					apply(part, number, attributes);
				}
			}
		}
	}

	private static Type propertyType(Class<?> owner, String name) {
		if (owner.isRecord()) {
			for (RecordComponent component : owner.getRecordComponents()) {
				if (component.getName().equals(name)) {
					return component.getGenericType();
				}
			}
			return null;
		}
		java.beans.PropertyDescriptor property = BeanUtils.getPropertyDescriptor(owner, name);
		return property == null || property.getReadMethod() == null ? null
				: property.getReadMethod().getGenericReturnType();
	}

	private static Class<?> rawClass(Type type) {
		if (type instanceof Class<?> c) {
			return c;
		}
		if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
			return c;
		}
		return Object.class;
	}

	private static Class<?> elementClass(Type type) {
		if (type instanceof ParameterizedType p && Collection.class.isAssignableFrom(rawClass(p))
				&& p.getActualTypeArguments().length == 1) {
			return rawClass(p.getActualTypeArguments()[0]);
		}
		if (type instanceof Class<?> c && c.isArray()) {
			return c.getComponentType();
		}
		return null;
	}

	/** Runs on each element with {@code th:field}, before Spring's own processor binds it. */
	private final class FieldConstraints extends AbstractAttributeTagProcessor {

		private static final Set<String> UNCONSTRAINED_TYPES = Set.of("hidden", "checkbox", "radio", "submit",
				"button");

		FieldConstraints(String dialectPrefix) {
			super(TemplateMode.HTML, dialectPrefix, null, false, "field", true, 1690, false);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, IElementTagStructureHandler structureHandler) {
			if (!context.hasSelectionTarget() || context.getSelectionTarget() == null) {
				return;
			}
			String type = tag.getAttributeValue("type");
			if (type != null && UNCONSTRAINED_TYPES.contains(type)) {
				return;
			}
			IStandardExpression expression = StandardExpressions.getExpressionParser(context.getConfiguration())
				.parseExpression(context, attributeValue);
			if (!(expression instanceof SelectionVariableExpression selection)) {
				return;
			}
			boolean numberInput = "number".equals(type) || "range".equals(type);
			boolean textInput = !numberInput && !"select".equals(tag.getElementCompleteName());
			attributes(context.getSelectionTarget().getClass(), selection.getExpression().strip())
				.forEach((name, value) -> {
					boolean fits = switch (name) {
						case "maxlength", "minlength" -> textInput;
						case "min", "max", "step" -> numberInput;
						default -> true;
					};
					if (fits && !tag.hasAttribute(name)) {
						structureHandler.setAttribute(name, value);
					}
				});
		}
	}
}
