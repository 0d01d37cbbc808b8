package org.rapport.sales.catalogue.web;

import org.rapport.sales.web.SalesCustomFields;
import org.rapport.shared.DefaultCurrency;
import org.rapport.web.CsvDownload;
import jakarta.validation.Valid;
import java.util.UUID;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductFilter;
import org.rapport.web.FilterQuery;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue pages: the list with its filters, the detail page and the form.
 */
@Controller
@RequestMapping("/products")
class ProductController {

	private final ProductCatalogue catalogue;
	private final CurrentActor currentActor;
	private final SalesCustomFields customFields;
	private final DefaultCurrency defaultCurrency;

	ProductController(ProductCatalogue catalogue, CurrentActor currentActor, SalesCustomFields customFields,
			DefaultCurrency defaultCurrency) {
		this.catalogue = catalogue;
		this.defaultCurrency = defaultCurrency;
		this.currentActor = currentActor;
		this.customFields = customFields;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		ProductFilter filter = new ProductFilter(q, category, active);
		CustomFieldQuery custom = customFields.query(ProductCatalogue.ENTITY, params);
		SortWhitelist.Choice sorting = SortParameter.choose(sort, ProductCatalogue.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<Product> result = catalogue.list(filter, sorting.sort(), custom, paging.page(), paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("cfq", custom);
		model.addAttribute("baseQuery", new FilterQuery().with("q", q).with("category", category)
			.with("active", active).with("size", size).withAll(custom.params()).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		model.addAttribute("mayChange", ProductCatalogue.mayChange(currentActor.get()));
		if (htmx != null && "results".equals(target)) {
			return "sales/products/list :: results";
		}
		model.addAttribute("categories", catalogue.categories());
		return "sales/products/list";
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String sort,
			@RequestParam MultiValueMap<String, String> params, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		CustomFieldQuery custom = customFields.query(ProductCatalogue.ENTITY, params);
		var exported = custom.exportedColumns();
		CsvDownload.write(response, "products.csv", CsvDownload.header(new String[] { "id", "external_id", "sku",
				"name", "category", "unit_price", "currency", "active", "description", "created_at", "updated_at" },
				custom.exportedHeader()),
				rows -> catalogue.forEach(new ProductFilter(q, category, active),
					SortParameter.parse(sort, ProductCatalogue.sorts(custom)),
						custom, p -> rows.row(CsvDownload.values(new Object[] { p.getId(), p.getExternalId(),
								p.getSku(), p.getName(),
								p.getCategory(), p.getUnitPrice() == null ? null : p.getUnitPrice().amount(),
								p.getUnitPrice() == null ? null : p.getUnitPrice().currency(), p.isActive(),
								p.getDescription(), p.getCreatedAt(), p.getUpdatedAt() },
								CustomFieldQuery.exportValues(p.getCustomFields(), exported)))));
	}

	@GetMapping("/new")
	String newProduct(Model model) {
		requireChanger();
		model.addAttribute("input", ProductInput.in(defaultCurrency.code()));
		model.addAttribute("cf", customFields.blank(ProductCatalogue.ENTITY));
		return "sales/products/form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("input") ProductInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = requireChanger();
		SalesCustomFields.Submitted custom = customFields.submitted(ProductCatalogue.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				Product product = catalogue.create(actor, input.toDetails(), custom.values());
				redirect.addFlashAttribute("success", "flash.product.created");
				return "redirect:/products/" + product.getId();
			}
			catch (InvalidField invalid) {
				form = SalesCustomFields.reject(errors, form, invalid);
			}
		}
		model.addAttribute("cf", form);
		return "sales/products/form";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("product", catalogue.get(id));
		model.addAttribute("mayChange", ProductCatalogue.mayChange(currentActor.get()));
		return "sales/products/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		requireChanger();
		Product product = catalogue.get(id);
		model.addAttribute("product", product);
		model.addAttribute("input", ProductInput.of(product));
		model.addAttribute("cf", customFields.of(ProductCatalogue.ENTITY, product, currentActor.get()));
		return "sales/products/form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") ProductInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = requireChanger();
		model.addAttribute("product", catalogue.get(id));
		SalesCustomFields.Submitted custom = customFields.submitted(ProductCatalogue.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				catalogue.update(actor, id, input.version() == null ? -1 : input.version(), input.toDetails(),
						custom.values());
				redirect.addFlashAttribute("success", "flash.product.updated");
				return "redirect:/products/" + id;
			}
			catch (InvalidField invalid) {
				form = SalesCustomFields.reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		model.addAttribute("cf", form);
		return "sales/products/form";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		boolean deleted = catalogue.deleteOrRetire(requireChanger(), id);
		redirect.addFlashAttribute("success", deleted ? "flash.product.deleted" : "flash.product.retired");
		return deleted ? "redirect:/products" : "redirect:/products/" + id;
	}

	private Actor requireChanger() {
		Actor actor = currentActor.get();
		if (!ProductCatalogue.mayChange(actor)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators and managers change products");
		}
		return actor;
	}
}
