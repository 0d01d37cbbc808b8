package org.rapport.customization.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition;
import org.rapport.shared.InvalidField;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages of custom fields: the fields of each kind of record, and the form that adds or changes
 * one. Only administrators reach {@code /admin/**}.
 */
@Controller
@RequestMapping("/admin/fields")
class FieldAdminController {

	/** The kinds of record in the order the page offers them. */
	static final List<String> ENTITIES = List.of("account", "contact", "lead", "opportunity", "product", "order",
			"contract", "activity", "case");

	private final CustomFieldService fields;

	FieldAdminController(CustomFieldService fields) {
		this.fields = fields;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "account") String entity, Model model) {
		model.addAttribute("entity", entity);
		model.addAttribute("entities", ENTITIES);
		List<CustomField> definitions = fields.definitionsOf(entity).stream().map(FieldDefinition::toField).toList();
		model.addAttribute("definitions", definitions);
		// each field's list indexes, where the database has them (PostgreSQL)
		Map<UUID, String> indexes = new HashMap<>();
		definitions.stream().filter(field -> !field.retired())
			.forEach(field -> indexes.put(field.id(), fields.indexState(field)));
		indexes.values().removeIf(state -> state.endsWith("NOT_NEEDED"));
		model.addAttribute("indexStates", indexes);
		return "customization/fields";
	}

	@GetMapping("/new")
	String newField(@RequestParam(defaultValue = "account") String entity, Model model) {
		if (!CustomFields.ENTITIES.contains(entity)) {
			return "redirect:/admin/fields";
		}
		model.addAttribute("form", FieldForm.empty(entity));
		return form(model);
	}

	@PostMapping
	String create(@ModelAttribute("form") FieldForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model);
		}
		try {
			fields.define(form.entity(), form.key(), form.type(), form.text());
		}
		catch (InvalidField invalid) {
			errors.rejectValue(invalid.field(), invalid.messageKey());
			return form(model);
		}
		redirect.addFlashAttribute("success", "flash.field.created");
		return "redirect:/admin/fields?entity=" + form.entity();
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		FieldDefinition definition = fields.get(id);
		model.addAttribute("field", definition.toField());
		model.addAttribute("form", FieldForm.of(definition));
		return form(model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @ModelAttribute("form") FieldForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		FieldDefinition definition = fields.get(id);
		model.addAttribute("field", definition.toField());
		if (errors.hasErrors()) {
			return form(model);
		}
		try {
			fields.describe(id, form.version() == null ? -1 : form.version(), form.text());
		}
		catch (InvalidField invalid) {
			errors.rejectValue(invalid.field(), invalid.messageKey());
			return form(model);
		}
		catch (OptimisticLockingFailureException stale) {
			errors.reject("form.stale");
			return form(model);
		}
		redirect.addFlashAttribute("success", "flash.field.updated");
		return "redirect:/admin/fields?entity=" + definition.getEntity();
	}

	@PostMapping("/{id}/retire")
	String retire(@PathVariable UUID id, RedirectAttributes redirect) {
		FieldDefinition definition = fields.retire(id);
		redirect.addFlashAttribute("success", "flash.field.retired");
		return "redirect:/admin/fields?entity=" + definition.getEntity();
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable UUID id, RedirectAttributes redirect) {
		FieldDefinition definition = fields.restore(id);
		redirect.addFlashAttribute("success", "flash.field.restored");
		return "redirect:/admin/fields?entity=" + definition.getEntity();
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable UUID id, @RequestParam int step) {
		fields.move(id, step);
		return "redirect:/admin/fields?entity=" + fields.get(id).getEntity();
	}

	private String form(Model model) {
		model.addAttribute("types", FieldType.values());
		return "customization/field-form";
	}
}
