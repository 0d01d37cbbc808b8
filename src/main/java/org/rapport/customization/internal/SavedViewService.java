package org.rapport.customization.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rapport.identity.Actor;
import org.rapport.shared.InvalidField;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves, shares, lists and removes the views of the lists.
 */
@Service
@Transactional(readOnly = true)
public class SavedViewService {

	/** The lists that views can be saved for, by the path of their page. */
	public static final Set<String> LISTS = Set.of("accounts", "contacts", "leads", "opportunities", "products",
			"orders", "contracts", "activities", "cases");

	private final SavedViews views;
	private final Clock clock;

	SavedViewService(SavedViews views, Clock clock) {
		this.views = views;
		this.clock = clock;
	}

	public List<SavedView> visible(Actor actor, String list) {
		requireList(list);
		return views.visible(list, actor.id().value(), actor.team() == null ? null : actor.team().value());
	}

	/** The query string of the actor's default view of a list ({@code accounts}, {@code leads}...), if they set one. */
	public Optional<String> defaultQuery(Actor actor, String list) {
		return views.findByOwnerIdAndListAndDefaultViewTrue(actor.id().value(), list).map(SavedView::getQuery);
	}

	@Transactional
	public SavedView save(Actor actor, String list, String name, String query, boolean shared, boolean makeDefault) {
		requireList(list);
		String cleanName = checkName(name);
		if (views.existsByOwnerIdAndListAndNameIgnoreCase(actor.id().value(), list, cleanName)) {
			throw new InvalidField("name", "validation.view.taken", "You have a view of this list with this name");
		}
		Instant now = clock.instant();
		SavedView fresh = new SavedView(actor.id().value(), list, cleanName, cleanQuery(query), now);
		share(actor, fresh, shared, now);
		SavedView view = views.save(fresh);
		if (makeDefault) {
			makeDefault(actor, view, now);
		}
		return view;
	}

	/** Changes one of the actor's views, if it is still at the version the caller read. */
	@Transactional
	public SavedView change(Actor actor, UUID id, long expectedVersion, String name, String query, boolean shared,
			boolean makeDefault) {
		SavedView view = own(actor, id);
		if (view.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(SavedView.class, id);
		}
		String cleanName = checkName(name);
		if (!view.getName().equalsIgnoreCase(cleanName)
				&& views.existsByOwnerIdAndListAndNameIgnoreCase(actor.id().value(), view.getList(), cleanName)) {
			throw new InvalidField("name", "validation.view.taken", "You have a view of this list with this name");
		}
		Instant now = clock.instant();
		view.describe(cleanName, query == null ? view.getQuery() : cleanQuery(query), now);
		share(actor, view, shared, now);
		if (makeDefault) {
			makeDefault(actor, view, now);
		}
		else {
			view.makeDefault(false, now);
		}
		return view;
	}

	@Transactional
	public void delete(Actor actor, UUID id) {
		views.delete(own(actor, id));
	}

	/** A view its owner may change: others' shared views are seen but not permitted, others' private ones not found. */
	public SavedView own(Actor actor, UUID id) {
		SavedView view = views.findById(id)
			.filter(v -> v.getOwnerId().equals(actor.id().value())
					|| (v.getTeamId() != null && actor.team() != null && v.getTeamId().equals(actor.team().value())))
			.orElseThrow(() -> new RecordNotFound("view.notFound", "No view " + id, id));
		if (!view.getOwnerId().equals(actor.id().value())) {
			throw new NotPermitted("view.notOwner", "Only its owner changes a view");
		}
		return view;
	}

	private void makeDefault(Actor actor, SavedView view, Instant now) {
		views.findByOwnerIdAndListAndDefaultViewTrue(actor.id().value(), view.getList())
			.filter(other -> !other.getId().equals(view.getId()))
			.ifPresent(other -> {
				other.makeDefault(false, now);
				views.saveAndFlush(other);
			});
		view.makeDefault(true, now);
	}

	private static void share(Actor actor, SavedView view, boolean shared, Instant now) {
		if (shared && actor.team() == null) {
			throw new InvalidField("shared", "validation.view.noTeam", "You have no team to share the view with");
		}
		view.share(shared ? actor.team().value() : null, now);
	}

	private static void requireList(String list) {
		if (list == null || !LISTS.contains(list)) {
			throw new InvalidField("list", "validation.view.list", "Views are kept for the lists " + LISTS);
		}
	}

	private static String checkName(String name) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new InvalidField("name", "validation.view.name", "A view needs a name of 1 to 100 characters");
		}
		return name.strip();
	}

	/** The filters, sort and page size of a list URL, without the page number, which a view does not keep. */
	static String cleanQuery(String query) {
		String raw = query == null ? "" : query.strip();
		if (raw.startsWith("?")) {
			raw = raw.substring(1);
		}
		String kept = Stream.of(raw.split("&"))
			.filter(part -> !part.isBlank())
			.filter(part -> !part.startsWith("page="))
			.filter(part -> part.contains("=") && !part.endsWith("="))
			.collect(Collectors.joining("&"));
		if (kept.length() > 2000) {
			throw new InvalidField("query", "validation.view.query", "A view's filters take at most 2000 characters");
		}
		return kept;
	}
}
