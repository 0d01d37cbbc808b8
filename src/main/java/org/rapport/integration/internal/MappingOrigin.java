package org.rapport.integration.internal;

import java.time.Instant;
import java.util.List;

/**
 * Where an import's mapping came from: the source system its headers look like ({@code detectedSource}), the one
 * whose headers the guess went by ({@code source}; none when null), when the mapping is the one the user last
 * started an import of a file with the same headers with ({@code rememberedAt}, the start of that import), and the
 * fields that several columns could fill with the column the guess took.
 */
public record MappingOrigin(String detectedSource, String source, Instant rememberedAt, List<ColumnChoice> choices) {

	/** The origin of a job from before origins were kept: nothing known. */
	static final MappingOrigin UNKNOWN = new MappingOrigin(null, null, null, List.of());

	public MappingOrigin {
		choices = List.copyOf(choices);
	}

	public boolean isRemembered() {
		return rememberedAt != null;
	}
}
