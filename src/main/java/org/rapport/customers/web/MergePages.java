package org.rapport.customers.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rapport.customers.DuplicateGroup;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.MergeCheck;
import org.rapport.customers.MergeFields;
import org.rapport.customers.MergeFields.Side;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.ResultPage;
import org.rapport.web.Paging;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.NamedInterface;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the duplicates and merge pages of accounts, contacts and leads share: the groups of duplicates, the records
 * to pick from, the side-by-side form and the handling of its post, all served by the {@code merge/*} templates.
 * Each kind of record has one, made by its controller, which still owns the URLs and the lookups. The pages of
 * leads use it too, through the named interface {@code merge-pages}.
 */
@NamedInterface("merge-pages")
public final class MergePages<R extends BusinessRecord<R>> {

	/** A record in a list of candidates or a group: its label, a line of detail, its page and its merge page. */
	public record Candidate(String label, String detail, String href, String mergeHref) {
	}

	/** Records that share a duplicate-detection key, as the duplicates page lists them. */
	public record Group(String key, List<Candidate> members) {
	}

	/** Finds one page of the groups of duplicates under a rule. */
	@FunctionalInterface
	public interface Groups<R> {

		ResultPage<DuplicateGroup<R>> find(DuplicateRule rule, int page, int size);
	}

	private final MergeTable table;
	private final String kind;
	private final String plural;
	private final String path;
	private final Supplier<MergeFields<R>> fields;
	private final Function<R, String> label;
	private final Function<R, String> detail;
	private final Function<RuntimeException, String> refusals;

	private MergePages(MergeTable table, String kind, String plural, Supplier<MergeFields<R>> fields,
			Function<R, String> label, Function<R, String> detail, Function<RuntimeException, String> refusals) {
		this.table = table;
		this.kind = kind;
		this.plural = plural;
		this.path = "/" + plural;
		this.fields = fields;
		this.label = label;
		this.detail = detail;
		this.refusals = refusals;
	}

	/**
	 * The pages of one kind of record ({@code account}, served under {@code /accounts}): {@code fields} gives what a
	 * merge chooses between, {@code label} and {@code detail} how a record shows in the lists.
	 */
	public static <R extends BusinessRecord<R>> MergePages<R> of(MergeTable table, String kind, String plural,
			Supplier<MergeFields<R>> fields, Function<R, String> label, Function<R, String> detail) {
		return new MergePages<>(table, kind, plural, fields, label, detail, failure -> null);
	}

	/**
	 * The same pages, whose form also comes back with the message key this gives for a refusal of the merge
	 * ({@code null} for an exception the form does not handle).
	 */
	public MergePages<R> refusing(Function<RuntimeException, String> refusal) {
		return new MergePages<>(table, kind, plural, fields, label, detail, refusal);
	}

	/**
	 * The duplicates page: the groups under the rule asked for, one of {@code rules} (the first when none or
	 * another is asked for), each member linked to its merge into the group's oldest.
	 */
	public String duplicates(List<DuplicateRule> rules, String by, Integer page, Integer size, Groups<R> groups,
			Model model) {
		DuplicateRule asked = DuplicateRule.parse(by, rules.get(0));
		DuplicateRule rule = rules.contains(asked) ? asked : rules.get(0);
		Paging paging = Paging.of(page, size);
		ResultPage<DuplicateGroup<R>> result = groups.find(rule, paging.page(), paging.size());
		model.addAttribute("kind", plural);
		model.addAttribute("rules", rules.stream().map(DuplicateRule::param).toList());
		model.addAttribute("by", rule.param());
		model.addAttribute("result", result);
		model.addAttribute("groups", result.items().stream().map(g -> {
			UUID oldest = g.members().get(0).getId();
			return new Group(g.key(), g.members().stream().map(r -> candidate(r, mergeHref(oldest, r.getId()))).toList());
		}).toList());
		return "merge/duplicates";
	}

	/** Refuses the merge pages of a record the user may not merge. */
	public void requireMayMerge(boolean mayMerge) {
		if (!mayMerge) {
			throw new NotPermitted("merge." + kind + ".notAllowed", "Not allowed to merge this " + kind);
		}
	}

	/**
	 * The page that offers the records to merge with this one: those {@code alike} it, and those the search for
	 * {@code q} finds (none without a search), the record itself left out.
	 */
	public String candidates(R record, List<R> alike, String q, Function<String, List<R>> search, Model model) {
		UUID id = record.getId();
		model.addAttribute("kind", kind);
		model.addAttribute("listHref", path);
		model.addAttribute("recordHref", path + "/" + id);
		model.addAttribute("recordLabel", label.apply(record));
		model.addAttribute("candidates", alike.stream().map(r -> candidate(r, mergeHref(id, r.getId()))).toList());
		model.addAttribute("q", q);
		model.addAttribute("found", q == null || q.isBlank() ? List.of()
				: search.apply(q)
					.stream()
					.filter(r -> !r.getId().equals(id))
					.map(r -> candidate(r, mergeHref(id, r.getId())))
					.toList());
		return "merge/candidates";
	}

	/**
	 * The side-by-side merge table of two records, with the default choices and the message key of why the last
	 * post failed, if it did; a record cannot be merged into itself.
	 */
	public String form(R survivor, R merged, String failure, Model model) {
		if (survivor.getId().equals(merged.getId())) {
			throw MergeCheck.sameRecord(kind);
		}
		MergeFields<R> chosenFrom = fields.get();
		Map<String, Side> chosen = chosenFrom.choose(survivor, merged, Map.of());
		model.addAttribute("kind", kind);
		model.addAttribute("listHref", path);
		model.addAttribute("rows", table.rows(chosenFrom, survivor, merged, chosen));
		model.addAttribute("survivorLabel", label.apply(survivor));
		model.addAttribute("mergedLabel", label.apply(merged));
		model.addAttribute("survivorHref", path + "/" + survivor.getId());
		model.addAttribute("mergedHref", path + "/" + merged.getId());
		model.addAttribute("action", path + "/" + survivor.getId() + "/merge");
		model.addAttribute("swapHref", mergeHref(merged.getId(), survivor.getId()));
		model.addAttribute("mergedId", merged.getId());
		model.addAttribute("survivorVersion", survivor.getVersion());
		model.addAttribute("mergedVersion", merged.getVersion());
		model.addAttribute("failure", failure);
		return "merge/form";
	}

	/**
	 * Handles the post of the merge form: {@code merge} merges with the choices the form made; done, the survivor's
	 * page follows with a message; refused (a stale version, an invalid choice, or what {@link #refusing} names),
	 * the form comes back with both records as they are now and the reason.
	 */
	public String submit(UUID survivorId, UUID mergedId, Map<String, String> parameters,
			Consumer<Map<String, String>> merge, Function<UUID, R> load, Model model, RedirectAttributes redirect) {
		try {
			merge.accept(choices(parameters));
			redirect.addFlashAttribute("success", "flash.merge.done");
			return "redirect:" + path + "/" + survivorId;
		}
		catch (RuntimeException refused) {
			String failure = failure(refused);
			if (failure == null) {
				throw refused;
			}
			return form(load.apply(survivorId), load.apply(mergedId), failure, model);
		}
	}

	/** A line of detail from the parts a record has, in order. */
	public static String joined(String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				if (!text.isEmpty()) {
					text.append(" · ");
				}
				text.append(part);
			}
		}
		return text.toString();
	}

	private String failure(RuntimeException refused) {
		if (refused instanceof OptimisticLockingFailureException) {
			return "form.stale";
		}
		if (refused instanceof InvalidField invalid) {
			return invalid.messageKey();
		}
		return refusals.apply(refused);
	}

	private Candidate candidate(R record, String mergeHref) {
		return new Candidate(label.apply(record), detail.apply(record), path + "/" + record.getId(), mergeHref);
	}

	private String mergeHref(UUID survivor, UUID merged) {
		return path + "/" + survivor + "/merge?with=" + merged;
	}

	/** The {@code fields[name]} parameters of a merge form, as field name to side. */
	private static Map<String, String> choices(Map<String, String> parameters) {
		Map<String, String> choices = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("fields[") && name.endsWith("]")) {
				choices.put(name.substring(7, name.length() - 1), value);
			}
		});
		return choices;
	}
}
