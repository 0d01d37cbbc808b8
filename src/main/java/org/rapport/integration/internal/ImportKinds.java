package org.rapport.integration.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rapport.integration.ImportableKind;
import org.springframework.stereotype.Component;

/** The kinds of record files may be imported into, as the modules declare them, in their order. */
@Component
public class ImportKinds {

	private final List<ImportableKind<?>> kinds;

	ImportKinds(List<ImportableKind<?>> kinds) {
		this.kinds = kinds.stream().sorted(Comparator.comparingInt(ImportableKind::order)).toList();
	}

	public List<ImportableKind<?>> all() {
		return kinds;
	}

	/** The kind of this name, as URLs and the API give it (without case). */
	public Optional<ImportableKind<?>> named(String name) {
		String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		return kinds.stream().filter(k -> k.name().equals(wanted)).findFirst();
	}

	/** The kind of this name; it must be one. */
	ImportableKind<?> get(String name) {
		return named(name).orElseThrow(() -> new IllegalStateException("No kind of record named " + name));
	}
}
